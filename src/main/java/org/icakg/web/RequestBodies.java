package org.icakg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.icakg.http.Problem;
import org.icakg.kb.Loader;
import org.icakg.kb.RdfSource;
import org.icakg.kb.SyntaxError;

import io.javalin.http.Context;

/** Reading request bodies for the write and validation paths: size limit, media type, RDF and form parsing. */
final class RequestBodies {

    /** Name findings and syntax errors give to the body. */
    static final String BODY = "request body";

    /** RDF syntaxes accepted in a body, by media type. */
    static final Map<String, Lang> RDF_TYPES = rdfTypes();

    static final String FORM = "application/x-www-form-urlencoded";

    private RequestBodies() {}

    /** The media type of the body without parameters, lower case ("" when absent). */
    static String mediaType(Context ctx) {
        return Route.baseType(ctx.header("Content-Type"));
    }

    /** The RDF syntax of the body; 415 when it is not one of {@link #RDF_TYPES}. */
    static Lang rdfLang(Context ctx) {
        Lang lang = RDF_TYPES.get(mediaType(ctx));
        if (lang == null)
            throw Problem.unsupportedMediaType(mediaType(ctx), List.copyOf(RDF_TYPES.keySet()));
        return lang;
    }

    /** The body, at most {@code limit} bytes; 413 naming the limit and the size seen when it is longer. */
    static byte[] read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit)
            throw Problem.contentTooLarge(limit, declared + " bytes");
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit)
                throw Problem.contentTooLarge(limit, "more than " + limit + " bytes (reading stopped there)");
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses RDF into a separate in-memory data set; 400 naming line and column at the first syntax error. */
    static Loader.ParsedInput parse(Loader loader, RdfSource source, Node graphForTriples) {
        Loader.ParsedInput parsed = loader.parse(source, graphForTriples);
        if (!parsed.ok())
            throw Problem.badRequest(syntaxMessage(parsed.errors().get(0)));
        return parsed;
    }

    static String syntaxMessage(SyntaxError e) {
        return e.line() > 0 ? "Syntax error in the " + e.file() + " at line " + e.line() + ", column " + e.column()
                + ": " + e.message() : "Syntax error in the " + e.file() + ": " + e.message();
    }

    /** The fields of a form-encoded body (the first value of each name). */
    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty())
                continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            fields.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("Malformed form encoding: " + e.getMessage());
        }
    }

    private static Map<String, Lang> rdfTypes() {
        Map<String, Lang> types = new LinkedHashMap<>();
        for (Lang lang : List.of(Lang.TURTLE, Lang.TRIG, Lang.NTRIPLES, Lang.NQUADS, Lang.JSONLD))
            types.put(lang.getContentType().getContentTypeStr(), lang);
        return java.util.Collections.unmodifiableMap(types);
    }
}
