package org.icakg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.Metrics;
import org.icakg.web.Route;

/** Counts every finished request by route template ({@link Route#label}), method and status class, with its time. */
final class MetricsFilter extends TimedFilter {

    private final transient Metrics metrics;

    MetricsFilter(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void finished(HttpServletRequest req, HttpServletResponse res, long nanos) {
        metrics.record(req.getMethod(), Route.label(req.getRequestURI()), res.getStatus(), nanos);
    }
}
