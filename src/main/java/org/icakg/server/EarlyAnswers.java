package org.icakg.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.icakg.web.Metrics;
import org.icakg.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers sent in Jetty's own request handling, ahead of the servlet context and its chain of filters, because
 * they are asked often and need none of the chain's work:
 * <ul>
 * <li>{@code GET /health} (and its HEAD; another method is a 405 naming the allowed ones): {@link Route#HEALTH},
 *     answered by {@link Route.Answerer#SERVER}. It never waits for admission and reads nothing.</li>
 * <li>plain SPARQL queries by GET ({@link EarlyQueries}): admitted, cached and limited in time as on the servlet
 *     path; a run that fails goes on to the servlet chain, whose one error path answers it.</li>
 * </ul>
 * Each still gets what every answer gets: the safety headers, a line in the request log (slow queries in full) and a
 * count in the metrics. Every other request goes on to the servlet context.
 */
final class EarlyAnswers extends Handler.Wrapper {

    private static final Logger SLOW = LoggerFactory.getLogger("ica-kg.slow-query");

    private final ByteBuffer health;
    private final EarlyQueries queries;
    private final RequestLog log;
    private final long slowNanos;
    private final Metrics metrics;

    /** @param store what {@code /health} says the store is: {@code memory} or {@code tdb2} */
    EarlyAnswers(Handler next, String store, EarlyQueries queries, RequestLog log, Duration slowQuery, Metrics metrics) {
        super(next);
        this.health = ByteBuffer.wrap(("{\"status\":\"ok\",\"store\":\"" + store + "\"}")
                .getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        this.queries = queries;
        this.log = log;
        this.slowNanos = slowQuery.toNanos();
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        String path = request.getHttpURI().getPath();
        if (Route.HEALTH.path().equals(path)) {
            done(request, Route.HEALTH.path(), health(request.getMethod(), response, callback), start, null);
            return true;
        }
        if (Route.SPARQL_QUERY.path().equals(path)) {
            SmallQueries.Plan plan = queries.planOf(request);
            if (plan != null) {
                int status = queries.answer(plan, request, response, callback);
                if (status > 0) {
                    done(request, Route.SPARQL_QUERY.path(), status, start, plan);
                    return true;
                }
            }
        }
        return super.handle(request, response, callback);
    }

    private int health(String method, Response response, Callback callback) {
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
        return status;
    }

    /** The request log's line (the query in full when slow) and the metrics of an answered request. */
    private void done(Request request, String route, int status, long start, SmallQueries.Plan plan) {
        long nanos = System.nanoTime() - start;
        log.record(request.getMethod(), request.getHttpURI().getPath(), status, nanos);
        metrics.record(request.getMethod(), route, status, nanos);
        if (plan != null && nanos > slowNanos)
            SLOW.warn("{} ms: {}", nanos / 1_000_000, plan.text().replaceAll("\\s+", " "));
    }
}
