package org.icakg.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counts and total times per kind of path, and per status class; cheap enough for every request. */
public final class Metrics {

    private final long startedAt = System.currentTimeMillis();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

    void record(String path, int status, long elapsedNanos) {
        String kind = kind(path);
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        nanos.computeIfAbsent(kind, k -> new LongAdder()).add(elapsedNanos);
        statuses.computeIfAbsent((status / 100) + "xx", k -> new LongAdder()).increment();
    }

    /** The first path segment: {@code /id/state/x} counts as {@code /id}. */
    static String kind(String path) {
        if (path == null || path.length() <= 1)
            return "/";
        int next = path.indexOf('/', 1);
        return next < 0 ? path : path.substring(0, next);
    }

    /** A snapshot: uptime, and per path kind the count and mean time in ms; counts per status class. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uptimeSeconds", (System.currentTimeMillis() - startedAt) / 1000);
        Map<String, Object> paths = new java.util.TreeMap<>();
        counts.forEach((k, c) -> {
            long n = c.sum();
            paths.put(k, Map.of("requests", n, "meanMs", n == 0 ? 0 : nanos.get(k).sum() / 1e6 / n));
        });
        out.put("paths", paths);
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
        out.put("statuses", byStatus);
        return out;
    }
}
