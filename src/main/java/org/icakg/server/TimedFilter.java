package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A filter told of every request once the rest of the chain has answered it (or failed): its status and time. */
abstract class TimedFilter extends HttpFilter {

    @Override
    protected final void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            finished(req, res, System.nanoTime() - start);
        }
    }

    /** Called after the chain, with the response's status set, and the nanoseconds the chain took. */
    protected abstract void finished(HttpServletRequest req, HttpServletResponse res, long nanos);
}
