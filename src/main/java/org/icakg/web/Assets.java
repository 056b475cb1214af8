package org.icakg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Static files, served from a fixed table of names to classpath resources (webjars and the app's own),
 * so no request can name a file outside it. A webjar's files are found under the version of the jar on the class
 * path, read from the jar itself: the version is written once, in the build.
 */
final class Assets {

    /** A file served at {@code /assets/{name}}: its classpath resource and media type. */
    record Asset(String resource, String mediaType) {}

    private static final String YASGUI = webjar("org.webjars.npm", "zazuko__yasgui") + "build/";
    private static final String CYTOSCAPE = webjar("org.webjars.npm", "cytoscape") + "dist/";

    /** Public name → the file. */
    static final Map<String, Asset> TABLE = Map.of(
            "yasgui.min.js", new Asset(YASGUI + "yasgui.min.js", "text/javascript"),
            "yasgui.min.css", new Asset(YASGUI + "yasgui.min.css", "text/css"),
            "cytoscape.min.js", new Asset(CYTOSCAPE + "cytoscape.min.js", "text/javascript"),
            "ica-kg.css", new Asset("static/ica-kg.css", "text/css"),
            "query-editor.js", new Asset("static/query-editor.js", "text/javascript"),
            "yasr-chart.js", new Asset("static/yasr-chart.js", "text/javascript"),
            "neighbourhood.js", new Asset("static/neighbourhood.js", "text/javascript"));

    private Assets() {}

    /**
     * The resource folder of a webjar's files ({@code META-INF/resources/webjars/ARTIFACT/VERSION/}), for the version
     * its jar's {@code pom.properties} names.
     */
    static String webjar(String group, String artifact) {
        String properties = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null)
                throw new IllegalStateException("The webjar " + group + ":" + artifact + " is not on the class path ("
                        + properties + " is missing)");
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /assets/{name}}. */
    static void get(Context ctx) throws IOException {
        Asset asset = TABLE.get(ctx.pathParam("name"));
        if (asset == null)
            throw new NotFoundResponse("No such asset: " + ctx.pathParam("name"));
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(asset.resource());
        if (in == null)
            throw new NotFoundResponse("Asset missing from the build: " + ctx.pathParam("name"));
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(asset.mediaType() + (asset.mediaType().startsWith("text/") ? ";charset=utf-8" : ""));
        ctx.result(in);
    }
}
