package org.icakg.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.icakg.web.Metrics;
import org.icakg.web.Route;

/**
 * Answers {@code GET /health} (and its HEAD) in Jetty's own request handling, ahead of the servlet context and its
 * chain of filters ({@link Route.Answerer#SERVER}): a load balancer or monitor polls it often, it never waits for
 * admission and it reads nothing, so it needs none of them. It still gets what every answer gets: the safety headers,
 * a line in the request log and a count in the metrics; another method is a 405 naming the allowed ones. Every
 * other path goes on to the servlet context.
 */
final class EarlyAnswers extends Handler.Wrapper {

    private final ByteBuffer health;
    private final RequestLog log;
    private final Metrics metrics;

    /** @param store what {@code /health} says the store is: {@code memory} or {@code tdb2} */
    EarlyAnswers(Handler next, String store, RequestLog log, Metrics metrics) {
        super(next);
        this.health = ByteBuffer.wrap(("{\"status\":\"ok\",\"store\":\"" + store + "\"}")
                .getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!Route.HEALTH.path().equals(request.getHttpURI().getPath()))
            return super.handle(request, response, callback);
        long start = System.nanoTime();
        String method = request.getMethod();
        boolean get = Route.HEALTH.method().equals(method) || "HEAD".equals(method);
        int status = get ? HttpStatus.OK_200 : HttpStatus.METHOD_NOT_ALLOWED_405;
        response.setStatus(status);
        var headers = response.getHeaders();
        SecurityHeaders.apply(headers);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        ByteBuffer body;
        if (get) {
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            body = health.duplicate();
        } else {
            // As the app words a 405 (web/ErrorMapping); a method is an HTTP token, so it carries no markup.
            headers.put(HttpHeader.ALLOW, "GET, HEAD");
            headers.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            body = ByteBuffer.wrap(("Method " + method + " is not allowed on " + Route.HEALTH.path() + "; allowed: GET")
                    .getBytes(StandardCharsets.UTF_8));
        }
        headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.remaining()));
        response.write(true, body, callback);
        long nanos = System.nanoTime() - start;
        log.record(method, Route.HEALTH.path(), status, nanos);
        metrics.record(method, Route.HEALTH.path(), status, nanos);
        return true;
    }
}
