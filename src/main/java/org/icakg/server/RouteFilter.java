package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter with a job for some requests only (those of some {@link org.icakg.web.Route} rows, or some methods): the
 * others pass on to the rest of the chain untouched.
 */
abstract class RouteFilter extends HttpFilter {

    @Override
    protected final void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (applies(req))
            handle(req, res, chain);
        else
            chain.doFilter(req, res);
    }

    /** True when this filter has something to do with {@code req}. */
    protected abstract boolean applies(HttpServletRequest req);

    /** Does the job on a request it {@linkplain #applies applies} to; passes it on (or not) itself. */
    protected abstract void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException;
}
