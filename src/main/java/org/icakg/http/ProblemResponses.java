package org.icakg.http;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import io.javalin.http.Context;

/**
 * The one place error answers are written: a {@link Problem} in the format the {@code Accept} header prefers among
 * plain text (the default, also for a malformed header), HTML from the escaping {@code error.mustache} template, and
 * JSON (RFC 9457 members). Request text in a message is escaped by the template or the JSON writer; plain text goes
 * out as {@code text/plain} with {@code X-Content-Type-Options: nosniff}, so no browser runs it as a page.
 */
public final class ProblemResponses {

    static final String TEXT = "text/plain", HTML = "text/html", JSON = "application/json",
            PROBLEM_JSON = "application/problem+json";
    /** In order of preference when the client accepts anything. */
    static final List<String> OFFERS = List.of(TEXT, HTML, JSON, PROBLEM_JSON);

    // Compiled once; a compiled template and a configured mapper are immutable and safe to share between threads.
    private static final Mustache PAGE = new DefaultMustacheFactory("templates").compile("error.mustache");
    // <, > and & as JSON unicode escapes, so that JSON holding request text is inert even read as HTML.
    private static final ObjectMapper MAPPER = JsonMapper.builder(
            new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build()).build();

    /** JSON string escapes for the characters that mean something in HTML. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&'})
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() { return escapes; }

        @Override
        public SerializableString getEscapeSequence(int ch) { return null; }
    }

    /** An error answer ready to send. */
    record Rendered(String contentType, byte[] body) {}

    private ProblemResponses() {}

    /** Renders {@code problem} for a client that sent {@code accept} (may be null or malformed). */
    static Rendered render(Problem problem, String accept) {
        String type = Negotiation.choose(accept, OFFERS).orElse(TEXT);
        String body = switch (type) {
            case HTML -> html(problem);
            case JSON, PROBLEM_JSON -> json(problem);
            default -> problem.getMessage() + "\n";
        };
        return new Rendered(type + ";charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code problem} as the answer of a Javalin handler. */
    static void write(Context ctx, Problem problem) {
        Rendered r = render(problem, ctx.header("Accept"));
        problem.headers().forEach(ctx::header);
        ctx.header("Vary", "Accept").header("X-Content-Type-Options", "nosniff");
        ctx.status(problem.status()).contentType(r.contentType()).result(r.body());
    }

    /**
     * Writes {@code problem} as the whole response, unless the response is already committed; without a request
     * (null) it is plain text.
     */
    static void write(HttpServletRequest req, HttpServletResponse res, Problem problem) {
        write(req == null ? null : req.getHeader("Accept"), res, problem);
    }

    /** Writes {@code problem} as the whole response for a client that sent {@code accept}, unless it is committed. */
    public static void write(String accept, HttpServletResponse res, Problem problem) {
        if (res.isCommitted())
            return;
        Rendered r = render(problem, accept);
        res.resetBuffer();
        res.setStatus(problem.status());
        problem.headers().forEach(res::setHeader);
        res.setHeader("Vary", "Accept");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setContentType(r.contentType());
        res.setContentLength(r.body().length);
        try {
            res.getOutputStream().write(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reason phrase of a status, e.g. "Not Found". */
    static String title(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null || reason.isBlank() ? "Error " + status : reason;
    }

    private static String html(Problem problem) {
        StringWriter out = new StringWriter();
        PAGE.execute(out, ErrorPage.of(problem));
        return out.toString();
    }

    private static String json(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problem.status());
        body.put("title", title(problem.status()));
        body.put("detail", problem.getMessage());
        try {
            return MAPPER.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and numbers is always JSON", e);
        }
    }
}
