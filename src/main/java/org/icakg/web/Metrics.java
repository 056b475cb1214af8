package org.icakg.web;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import org.icakg.federation.FederationRefused;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What {@code /metrics} reports, in the Prometheus text format (Micrometer's Prometheus registry): requests by route
 * template, method and status class with a latency histogram, query time-outs, refused federation calls, writes,
 * store size, admission, and the JVM's memory and threads. Every label takes a bounded set of values: a path that
 * is no route counts as {@code other}, never as itself. Recording a request costs a map look-up and a histogram update.
 */
public final class Metrics {

    /** Content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Upper bounds of the latency histogram's buckets. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};
    /** Methods counted by name; any other counts as {@code other}. */
    private static final List<String> METHOD_NAMES = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    /** The {@code status} label of each status class, and of a status outside 100–599. */
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
    /** Routes and methods that write. */
    private static final Map<String, Set<String>> WRITES = Map.of("/update", Set.of("POST"),
            "/data", Set.of("PUT", "POST", "DELETE"));

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The request timers of each route, by method and status class (a request finds its timer without a new key). */
    private final Map<String, AtomicReferenceArray<Timer>> requests = new ConcurrentHashMap<>();
    private final Counter timeouts;
    private final Counter writesCommitted;
    private final Counter writesRefused;
    private final Map<FederationRefused.Reason, Counter> refusals = new EnumMap<>(FederationRefused.Reason.class);
    /** Done once the JVM's metrics are bound ({@link #bindJvmMetrics}); done at once when they never will be. */
    private volatile CompletableFuture<Void> jvmMetrics = CompletableFuture.completedFuture(null);

    public Metrics() {
        timeouts = Counter.builder("ica.query.timeouts").description("SPARQL queries ended by their time limit")
                .register(registry);
        writesCommitted = Counter.builder("ica.writes").tag("outcome", "committed")
                .description("writes (/update, /data) by outcome").register(registry);
        writesRefused = Counter.builder("ica.writes").tag("outcome", "refused")
                .description("writes (/update, /data) by outcome").register(registry);
        for (FederationRefused.Reason r : FederationRefused.Reason.values())
            refusals.put(r, Counter.builder("ica.federation.refused").tag("reason", r.name().toLowerCase())
                    .description("SERVICE calls refused before anything was sent").register(registry));
    }

    /**
     * Binds the JVM's memory, thread, processor and uptime metrics, on a thread of its own: they start the JVM's
     * management beans (some 500 classes), which the first answer does not need, so the server calls this once it
     * serves. A scrape waits for them.
     */
    public void bindJvmMetrics() {
        CompletableFuture<Void> bound = new CompletableFuture<>();
        jvmMetrics = bound;
        Thread binding = new Thread(() -> {
            try {
                new JvmMemoryMetrics().bindTo(registry);
                new JvmThreadMetrics().bindTo(registry);
                new ProcessorMetrics().bindTo(registry);
                new UptimeMetrics().bindTo(registry);
                bound.complete(null);
            } catch (RuntimeException | Error e) {
                bound.completeExceptionally(e);
            }
        }, "ica-kg-jvm-metrics");
        binding.setDaemon(true);
        binding.start();
    }

    /** Counts one finished request, by its route template ({@link Route#label}). */
    public void record(String method, String route, int status, long elapsedNanos) {
        int m = METHOD_NAMES.indexOf(method);
        if (m < 0)
            m = METHOD_NAMES.size();
        int statusClass = status >= 100 && status < 600 ? status / 100 - 1 : STATUS_CLASSES.length - 1;
        AtomicReferenceArray<Timer> byMethodAndStatus = requests.get(route);
        if (byMethodAndStatus == null)
            byMethodAndStatus = requests.computeIfAbsent(route,
                    r -> new AtomicReferenceArray<>((METHOD_NAMES.size() + 1) * STATUS_CLASSES.length));
        int slot = m * STATUS_CLASSES.length + statusClass;
        Timer timer = byMethodAndStatus.get(slot);
        if (timer == null) {
            // Registering the same meter twice gives the same meter: a race here makes no second timer.
            timer = Timer.builder("http.server.requests")
                    .description("requests by route template, method and status class")
                    .tags("route", route, "method", m < METHOD_NAMES.size() ? method : "other",
                            "status", STATUS_CLASSES[statusClass])
                    .serviceLevelObjectives(BUCKETS).register(registry);
            byMethodAndStatus.set(slot, timer);
        }
        timer.record(elapsedNanos, TimeUnit.NANOSECONDS);
        if (status == 503 && Route.SPARQL_QUERY.path().equals(route))
            timeouts.increment();
        Set<String> writeMethods = WRITES.get(route);
        if (writeMethods != null && m < METHOD_NAMES.size() && writeMethods.contains(method))
            (status / 100 == 2 ? writesCommitted : writesRefused).increment();
    }

    /** Counts a refused federation call. */
    public void federationRefused(FederationRefused.Reason reason) {
        refusals.get(reason).increment();
    }

    /**
     * Reports the store's size (statements), read when {@code /metrics} is asked: {@code statements} must answer at
     * once (the last counts made), never start a count or wait for one.
     */
    public void storeSize(Supplier<Number> statements) {
        Gauge.builder("ica.store.triples", statements, s -> s.get().doubleValue()).strongReference(true)
                .description("statements in the store (the union of its graphs)").register(registry);
    }

    /** Reports a number read when {@code /metrics} is asked (admission's queues and pools). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value, s -> s.get().doubleValue()).strongReference(true).description(description).register(registry);
    }

    /** Everything, in the Prometheus text exposition format. */
    public String scrape() {
        jvmMetrics.join();
        return registry.scrape();
    }
}
