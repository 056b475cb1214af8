package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.Route;
import org.icakg.web.VaryHeader;

/**
 * Answers a request of a {@linkplain Route#cached() cached route} from the {@link AnswerCache} when it holds its
 * answer; otherwise lets the answer be computed into a buffer, offers it to the cache when it is a complete 200 (kept when it
 * was costly or was asked before, {@link AnswerCache#offer}), and sends it with its ETag (or 304 when the client
 * already has it).
 */
final class AnswerCacheFilter extends RouteFilter {

    /** The request attribute that keeps a request's cache key between {@link #applies} and {@link #handle}. */
    private static final String KEY = AnswerCache.class.getName() + ".key";

    private final transient AnswerCache cache;
    private final long maxBufferedBytes;

    AnswerCacheFilter(AnswerCache cache, long maxBufferedBytes) {
        this.cache = cache;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /** A request of a cached route that has a cache key (none when it carries credentials or cookies). */
    @Override
    protected boolean applies(HttpServletRequest req) {
        Route route = Routing.route(req);
        String key = route.cached() ? AnswerCache.key(req, route.answerer() == Route.Answerer.SPARQL) : null;
        if (key == null)
            return false;
        req.setAttribute(KEY, key);
        return true;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String key = (String) req.getAttribute(KEY);
        AnswerCache.Answer hit = cache.get(key);
        if (hit != null) {
            hit.headers().forEach(res::setHeader);
            send(req, res, hit.etag(), hit.body());
            return;
        }
        long version = cache.version();
        var headersBefore = AnswerCache.headers(res);
        BufferedResponse buffered = new BufferedResponse(res, maxBufferedBytes);
        // Wall time: answers here may wait on other servers (SERVICE) or the disk, which processor time leaves out.
        long started = System.nanoTime();
        chain.doFilter(req, buffered);
        long computeNanos = System.nanoTime() - started;
        if (buffered.settled())
            return;
        buffered.flushWriter();
        if (buffered.streaming() || res.getStatus() != HttpServletResponse.SC_OK) {
            buffered.sendBuffered();
            return;
        }
        byte[] body = buffered.body();
        send(req, res, cache.offer(key, version, res, headersBefore, body, computeNanos).etag(), body);
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
