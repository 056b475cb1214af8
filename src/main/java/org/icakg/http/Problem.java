package org.icakg.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.javalin.http.Context;

/**
 * A refusal with a message for people, made by small named constructors, one per status. Every error answer of the
 * server is one of these, written by {@link ProblemResponses} in the one format the client's {@code Accept} asks
 * for (plain text by default, an escaped HTML page for browsers, JSON), whatever raised it.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    private Problem(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        if (status < 400 || status > 599)
            throw new IllegalArgumentException("Not an error status: " + status);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    private Problem(int status, String message) { this(status, message, Map.of()); }

    public static Problem badRequest(String message) { return new Problem(400, message); }

    /** 401 with the challenge that makes clients send HTTP Basic credentials. */
    public static Problem unauthorized(String message, String realm) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        return new Problem(401, message, h);
    }

    public static Problem forbidden(String message) { return new Problem(403, message); }

    public static Problem notFound(String message) { return new Problem(404, message); }

    public static Problem notAcceptable(List<String> offered) {
        return new Problem(406, "None of the accepted media types is available; offered: " + String.join(", ", offered));
    }

    /** 411: a body whose size cannot be checked before reading it. */
    public static Problem lengthRequired(String message) {
        return new Problem(411, message, Map.of("Connection", "close"));
    }

    public static Problem contentTooLarge(long limit, String seen) {
        return new Problem(413, "Request body too large: the limit is " + limit + " bytes, this one is " + seen
                + ". Split the change into smaller requests.", Map.of("Connection", "close"));
    }

    /** 413 for a body refused by its declared length, before anything reads it. */
    public static Problem contentTooLarge(String message) {
        return new Problem(413, message, Map.of("Connection", "close"));
    }

    public static Problem unsupportedMediaType(String type, List<String> accepted) {
        return new Problem(415, "Unsupported media type '" + type + "'; send one of: " + String.join(", ", accepted));
    }

    /** 500: what went wrong is in the server's log, never in the answer. */
    public static Problem serverError() {
        return new Problem(500, "Internal server error. The server logged the cause; nothing in the request was "
                + "applied if it was a write.");
    }

    public static Problem serviceUnavailable(String message) { return new Problem(503, message); }

    /** 507 Insufficient Storage: the store's disk is full. */
    public static Problem insufficientStorage(String message) { return new Problem(507, message); }

    /**
     * A problem with a status chosen elsewhere (Javalin's own refusals, such as 404 for an unknown path and 405 for a
     * method a path does not take). Statuses outside 400–599 become 500.
     */
    public static Problem withStatus(int status, String message) {
        return new Problem(status >= 400 && status <= 599 ? status : 500, message);
    }

    public int status() { return status; }

    public Map<String, String> headers() { return headers; }

    /** Writes this problem as the response of a Javalin handler. */
    public void send(Context ctx) { ProblemResponses.write(ctx, this); }

    /** Writes this problem as the response, from a servlet filter. */
    public void send(HttpServletRequest req, HttpServletResponse res) { ProblemResponses.write(req, res, this); }
}
