package org.icakg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stop of every request: logs it with its time, counts it, and sends SPARQL queries at {@code /sparql}
 * to Fuseki (buffered, so a time-out becomes an error status) and everything else to the Javalin app. Answers
 * to queries and entity pages are kept in an {@link AnswerCache} while the data is unchanged, with an ETag.
 */
final class RequestRouter implements Filter {

    private static final Logger SLOW = LoggerFactory.getLogger("ica-kg.slow-query");

    /** Paths that never wait for {@link Admission}. */
    private static final Set<String> NEVER_WAIT = Set.of("/health", "/metrics");

    private final Admission admission;
    private final HttpServlet app;
    private final ServerConfig config;
    private final Metrics metrics;
    private final RequestLog log;
    private final AnswerCache cache;

    RequestRouter(HttpServlet app, ServerConfig config, Metrics metrics, Admission admission, RequestLog log,
                  AnswerCache cache) {
        this.app = app;
        this.config = config;
        this.metrics = metrics;
        this.admission = admission;
        this.log = log;
        this.cache = cache;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        long start = System.nanoTime();
        boolean query = false;
        try {
            if (NEVER_WAIT.contains(req.getRequestURI())) {
                dispatch(req, res, chain, false);
            } else if (!BodyLimits.refused(req, res, config.maxBodyBytes())) {
                query = SparqlRequests.isQuery(req);
                boolean read = query || "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
                try (Admission.Ticket admitted = admission.enter(read)) {
                    dispatch(req, res, chain, query);
                }
            }
        } finally {
            long nanos = System.nanoTime() - start;
            metrics.record(req.getMethod(), req.getRequestURI(), res.getStatus(), nanos);
            log.record(HeadAsGet.wireMethod(req), req.getRequestURI(), res.getStatus(), nanos);
            if (query && nanos > config.slowQuery().toNanos())
                SLOW.warn("{} ms: {}", nanos / 1_000_000, SparqlRequests.queryText(req));
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse res, FilterChain chain, boolean query)
            throws IOException, ServletException {
        if (query)
            answerBuffered(req, res, AnswerCache.key(req, true), r -> chain.doFilter(req, r));
        else if (isEntityPage(req))
            answerBuffered(req, res, AnswerCache.key(req, false), r -> app.service(req, r));
        else if ("/sparql".equals(req.getRequestURI()) || !isFusekiOwned(req))
            app.service(req, res);
        else
            chain.doFilter(req, res);
    }

    /** Paths Fuseki itself serves (CORS preflight and its own servlets); everything else is the app's. */
    private static boolean isFusekiOwned(HttpServletRequest req) {
        return "OPTIONS".equals(req.getMethod()) && "/sparql".equals(req.getRequestURI());
    }

    private static boolean isEntityPage(HttpServletRequest req) {
        return "GET".equals(req.getMethod()) && req.getRequestURI().startsWith("/id/");
    }

    /** Something that writes a response. */
    private interface Answering {
        void answer(HttpServletResponse res) throws IOException, ServletException;
    }

    /**
     * Answers from the cache when it holds this request's answer; otherwise computes the answer into a buffer,
     * keeps it when cacheable, and sends it (or 304 when the client already has it).
     */
    private void answerBuffered(HttpServletRequest req, HttpServletResponse res, String key, Answering answering)
            throws IOException, ServletException {
        AnswerCache.Answer hit = key == null ? null : cache.get(key);
        if (hit != null) {
            hit.headers().forEach(res::setHeader);
            send(req, res, hit.etag(), hit.body());
            return;
        }
        long version = cache.version();
        var headersBefore = AnswerCache.headers(res);
        BufferedResponse buffered = new BufferedResponse(res, config.maxBufferedResultBytes());
        try {
            answering.answer(buffered);
        } catch (IOException e) {
            if (!buffered.cancelled())
                throw e;
        }
        if (buffered.cancelled() && !buffered.streaming()) {
            res.reset();
            res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            res.setContentType("text/plain;charset=utf-8");
            res.getOutputStream().write(("Query cancelled: it ran past the time limit of "
                    + config.queryTimeout().toMillis() + " ms. Narrow it (LIMIT, more specific patterns) "
                    + "or ask the operator for a longer --query-timeout.\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (buffered.cancelled()) {
            // The status and part of the body are already sent: break the connection so that the client sees
            // an incomplete response instead of a well-formed but truncated one.
            ServletContextRequest.getServletContextRequest(req).getServletChannel()
                    .abort(new IOException("query cancelled by its time limit after results started streaming"));
            return;
        }
        buffered.flushWriter();
        if (buffered.streaming() || res.getStatus() != HttpServletResponse.SC_OK || key == null) {
            buffered.sendBuffered();
            return;
        }
        byte[] body = buffered.body();
        send(req, res, cache.put(key, version, res, headersBefore, body).etag(), body);
    }

    private static void send(HttpServletRequest req, HttpServletResponse res, String etag, byte[] body)
            throws IOException {
        res.setHeader("ETag", etag);
        VaryHeader.add(res, "Accept");
        if (AnswerCache.notModified(req, etag)) {
            res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
