package org.icakg.web;

import io.javalin.http.Context;

/**
 * {@code /metrics}: Prometheus text (requests, latencies, writes, store size, JVM). {@code /health} is answered by the
 * server itself ({@link Route#HEALTH}).
 */
final class MetricsController {

    private final Metrics metrics;

    MetricsController(Metrics metrics) {
        this.metrics = metrics;
    }

    void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }
}
