package org.icakg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

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

    /**
     * The fields of a form-encoded body, as Javalin reads them (the first value of each name); 413 naming the limit
     * (Javalin's, set to {@code limit}) for a longer body, which a chunked request can only show by being read; 400
     * naming the field whose value is not valid form encoding (Javalin keeps the name and leaves such values out).
     */
    static Map<String, String> form(Context ctx, long limit) {
        Map<String, List<String>> fields;
        try {
            fields = ctx.formParamMap();
        } catch (HttpResponseException e) {
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode())
                throw Problem.contentTooLarge(limit, "more than " + limit + " bytes (reading stopped there)");
            throw e;
        }
        Map<String, String> first = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (values.isEmpty())
                throw Problem.badRequest("Malformed form encoding in the field '" + name + "': a '%' must be followed "
                        + "by two hexadecimal digits");
            first.put(name, values.get(0));
        });
        return first;
    }

    /** The field {@code name} of a form read by {@link #form}; 400 with {@code missing} when it is not there. */
    static String requiredField(Map<String, String> form, String name, String missing) {
        String value = form.get(name);
        if (value == null)
            throw Problem.badRequest(missing);
        return value;
    }

    private static Map<String, Lang> rdfTypes() {
        Map<String, Lang> types = new LinkedHashMap<>();
        for (Lang lang : List.of(Lang.TURTLE, Lang.TRIG, Lang.NTRIPLES, Lang.NQUADS, Lang.JSONLD))
            types.put(lang.getContentType().getContentTypeStr(), lang);
        return java.util.Collections.unmodifiableMap(types);
    }
}
