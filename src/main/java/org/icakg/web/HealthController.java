package org.icakg.web;

import java.util.Map;

import org.icakg.ServerConfig;

import io.javalin.http.Context;

/** {@code /health} (cheap: no query) and {@code /metrics} (Prometheus text: requests, latencies, writes, store size, JVM). */
final class HealthController {

    private final Metrics metrics;
    private final ServerConfig config;

    HealthController(Metrics metrics, ServerConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("status", "ok", "store", config.store() == null ? "memory" : "tdb2"));
    }

    void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }
}
