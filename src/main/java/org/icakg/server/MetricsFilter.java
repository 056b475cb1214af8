package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.Metrics;
import org.icakg.web.Route;

/** Counts every finished request by route template ({@link Route#label}), method and status class, with its time. */
final class MetricsFilter extends HttpFilter {

    private final transient Metrics metrics;

    MetricsFilter(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            metrics.record(req.getMethod(), Route.label(req.getRequestURI()), res.getStatus(), System.nanoTime() - start);
        }
    }
}
