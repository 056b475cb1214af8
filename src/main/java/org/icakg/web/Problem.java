package org.icakg.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

/**
 * A refusal with a message for people, answered as plain text; made by small named constructors, one per status,
 * and turned into a response in one place ({@link WebApp}).
 */
final class Problem extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    private Problem(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    private Problem(int status, String message) { this(status, message, Map.of()); }

    static Problem badRequest(String message) { return new Problem(400, message); }

    /** 401 with the challenge that makes clients send HTTP Basic credentials. */
    static Problem unauthorized(String message, String realm) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        return new Problem(401, message, h);
    }

    static Problem forbidden(String message) { return new Problem(403, message); }

    static Problem notFound(String message) { return new Problem(404, message); }

    static Problem notAcceptable(List<String> offered) {
        return new Problem(406, "None of the accepted media types is available; offered: " + String.join(", ", offered));
    }

    static Problem contentTooLarge(long limit, String seen) {
        return new Problem(413, "Request body too large: the limit is " + limit + " bytes, this one is " + seen
                + ". Split the change into smaller requests.");
    }

    static Problem unsupportedMediaType(String type, List<String> accepted) {
        return new Problem(415, "Unsupported media type '" + type + "'; send one of: " + String.join(", ", accepted));
    }

    static Problem serviceUnavailable(String message) { return new Problem(503, message); }

    /** 507 Insufficient Storage: the store's disk is full. */
    static Problem insufficientStorage(String message) { return new Problem(507, message); }

    int status() { return status; }

    /** Writes this problem as the response. */
    void send(Context ctx) {
        headers.forEach(ctx::header);
        ctx.status(status).contentType("text/plain;charset=utf-8").result(getMessage() + "\n");
    }
}
