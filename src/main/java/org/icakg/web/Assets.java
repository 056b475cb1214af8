package org.icakg.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Static files, served from a fixed table of names to classpath resources (webjars and the app's own),
 * so no request can name a file outside it.
 */
final class Assets {

    private static final String YASGUI = "META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/";
    private static final String CYTOSCAPE = "META-INF/resources/webjars/cytoscape/3.33.1/dist/";

    /** Public name → classpath resource and media type. */
    private static final Map<String, String[]> TABLE = Map.of(
            "yasgui.min.js", new String[] {YASGUI + "yasgui.min.js", "text/javascript"},
            "yasgui.min.css", new String[] {YASGUI + "yasgui.min.css", "text/css"},
            "cytoscape.min.js", new String[] {CYTOSCAPE + "cytoscape.min.js", "text/javascript"},
            "ica-kg.css", new String[] {"static/ica-kg.css", "text/css"},
            "query-editor.js", new String[] {"static/query-editor.js", "text/javascript"},
            "yasr-chart.js", new String[] {"static/yasr-chart.js", "text/javascript"},
            "neighbourhood.js", new String[] {"static/neighbourhood.js", "text/javascript"});

    private Assets() {}

    /** {@code GET /assets/{name}}. */
    static void get(Context ctx) throws IOException {
        String[] entry = TABLE.get(ctx.pathParam("name"));
        if (entry == null)
            throw new NotFoundResponse("No such asset: " + ctx.pathParam("name"));
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(entry[0]);
        if (in == null)
            throw new NotFoundResponse("Asset missing from the build: " + ctx.pathParam("name"));
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(entry[1] + (entry[1].startsWith("text/") ? ";charset=utf-8" : ""));
        ctx.result(in);
    }
}
