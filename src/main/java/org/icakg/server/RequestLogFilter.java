package org.icakg.server;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every request with its status and time ({@link RequestLog}), and SPARQL queries slower than the threshold in full. */
final class RequestLogFilter extends TimedFilter {

    private static final Logger SLOW = LoggerFactory.getLogger("ica-kg.slow-query");

    private final transient RequestLog log;
    private final long slowNanos;

    RequestLogFilter(RequestLog log, Duration slowQuery) {
        this.log = log;
        this.slowNanos = slowQuery.toNanos();
    }

    @Override
    protected void finished(HttpServletRequest req, HttpServletResponse res, long nanos) {
        log.record(HeadAsGet.wireMethod(req), req.getRequestURI(), res.getStatus(), nanos);
        if (nanos > slowNanos && Routing.isQuery(req))
            SLOW.warn("{} ms: {}", nanos / 1_000_000, queryText(req));
    }

    /** The query text for the slow-query log: {@code query=}, or a posted body that was read as UTF-8 text. */
    private static String queryText(HttpServletRequest req) {
        String q = req.getAttribute(SmallQueries.BODY_TEXT) instanceof String body ? body : req.getParameter("query");
        return q != null ? q.replaceAll("\\s+", " ") : "(query in request body)";
    }
}
