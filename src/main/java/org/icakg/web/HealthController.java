package org.icakg.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.icakg.server.Metrics;
import org.icakg.server.ServerConfig;

import io.javalin.http.Context;

/** {@code /health} (cheap: no query) and {@code /metrics} (request counts and times, memory). */
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
        Map<String, Object> out = new LinkedHashMap<>(metrics.snapshot());
        Runtime rt = Runtime.getRuntime();
        out.put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
        out.put("heapMaxBytes", rt.maxMemory());
        out.put("queryTimeoutMs", config.queryTimeout().toMillis());
        ctx.header("Cache-Control", "no-store");
        ctx.json(out);
    }
}
