package org.icakg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.icakg.http.Problem;
import org.icakg.web.Route;

/**
 * Turns a SPARQL query cut off by its time limit into an error the client can see: its answer is held in a buffer
 * (up to a limit) so that a query cancelled before the end becomes a 503 {@link Problem} instead of a well-formed but
 * truncated 200; once part of a larger answer is sent, the connection is broken instead, so the client sees an
 * incomplete response. Any other refusal of the query engine is sent as a {@link Problem} too.
 */
final class TimeLimitGuard extends RouteFilter {

    private final Duration queryTimeout;
    private final long maxBufferedBytes;

    TimeLimitGuard(Duration queryTimeout, long maxBufferedBytes) {
        this.queryTimeout = queryTimeout;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    protected boolean applies(HttpServletRequest req) {
        return Routing.route(req).answerer() == Route.Answerer.SPARQL;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        // The answer cache's buffer when it holds one (it sends the answer); otherwise one of our own.
        boolean own = !(res instanceof BufferedResponse);
        BufferedResponse buffered = own ? new BufferedResponse(res, maxBufferedBytes) : (BufferedResponse) res;
        try {
            chain.doFilter(req, buffered);
        } catch (IOException e) {
            if (!buffered.cancelled())
                throw e;
        }
        if (buffered.cancelled() && !buffered.streaming()) {
            buffered.settle();
            Problem.serviceUnavailable(message(queryTimeout)).send(req, (HttpServletResponse) buffered.getResponse());
        } else if (!buffered.streaming() && buffered.getStatus() >= 400) {
            // The engine's own refusals (a syntax error, a time-out before the first result) answer through the same
            // Problem path as every other error, so they too come in the format the client accepts.
            buffered.settle();
            buffered.flushWriter();
            String said = new String(buffered.body(), StandardCharsets.UTF_8).strip();
            Problem problem = buffered.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    ? Problem.serviceUnavailable(message(queryTimeout))
                    : Problem.withStatus(buffered.getStatus(), said.isEmpty() ? "Query refused" : said);
            problem.send(req, (HttpServletResponse) buffered.getResponse());
        } else if (buffered.cancelled()) {
            buffered.settle();
            ServletContextRequest.getServletContextRequest(req).getServletChannel()
                    .abort(new IOException("query cancelled by its time limit after results started streaming"));
        } else if (own) {
            buffered.sendBuffered();
        }
    }

    /** The message of the 503 for a query cancelled by its time limit. */
    static String message(Duration queryTimeout) {
        return "Query cancelled: it ran past the time limit of " + queryTimeout.toMillis() + " ms. Narrow it (LIMIT, "
                + "more specific patterns) or ask the operator for a longer --query-timeout.";
    }
}
