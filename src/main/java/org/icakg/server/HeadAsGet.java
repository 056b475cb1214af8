package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HEAD is GET without the body (RFC 9110, 9.3.2), by construction: every HEAD request is handled as the GET it stands
 * for, so it gets the same status and headers (Content-Type, ETag, Vary, Link, Content-Length, errors included) on
 * every path. The body is dropped by Jetty, which knows the request on the wire is a HEAD.
 */
final class HeadAsGet extends RouteFilter {

    @Override
    protected boolean applies(HttpServletRequest req) {
        return "HEAD".equals(req.getMethod());
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new AsGet(req), res);
    }

    /** The method the client sent: HEAD for a HEAD handled as GET. */
    static String wireMethod(HttpServletRequest req) {
        return req instanceof AsGet ? "HEAD" : req.getMethod();
    }

    private static final class AsGet extends HttpServletRequestWrapper {
        AsGet(HttpServletRequest request) { super(request); }

        @Override
        public String getMethod() { return "GET"; }
    }
}
