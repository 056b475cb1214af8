package org.icakg.reliability;

import static org.icakg.support.Maintainer.AUTH;
import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.icakg.support.Maintainer;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 clients for a minute on a TDB2 store, mixing queries, entity pages, search, dry runs and gated writes: no 5xx,
 * every acknowledged write is there afterwards, {@code /health} always answers within seconds, and the heap stays under
 * 768 MB. Latency percentiles are printed, not asserted: on a shared machine the scheduler alone can delay a thread
 * past any tight bound. Run by {@code mvn verify} (Failsafe); {@code -Dload.seconds=N} shortens or lengthens it.
 */
class LoadIT {

    static final int CLIENTS = 64;
    static final long SECONDS = Long.getLong("load.seconds", 60);
    static final long SAMPLE_MS = 200, PROGRESS_MS = 10_000, WARM_UP_MS = 5_000;
    static final int WARM_UP_CLIENTS = 8;
    /** The target for {@code /health} (reported as the share of samples under it, not asserted). */
    static final long HEALTH_TARGET_MS = 100;
    /** The bound every {@code /health} sample must keep: generous, so that machine noise cannot break it. */
    static final long HEALTH_WORST_MS = 10_000;
    /** Used heap (server and clients share this JVM, run with -Xmx1g) must stay below this. */
    static final long HEAP_BOUND_BYTES = 768L * 1024 * 1024;
    static final String COMMENT = "<http://www.w3.org/2000/01/rdf-schema#comment>";
    static final String INDIA = "<https://w3id.org/ica-kg/id/state/india>";
    static final List<String> QUERIES = List.of("ASK { ?s ?p ?o }",
            "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label LIMIT 20",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            "SELECT ?c WHERE { " + INDIA + " " + COMMENT + " ?c } LIMIT 50");

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final HttpClient healthClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    final List<String> serverErrors = new ArrayList<>();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final LongAccumulator healthMaxMs = new LongAccumulator(Math::max, 0), heapMax = new LongAccumulator(Math::max, 0);
    final AtomicLong clientFailures = new AtomicLong();
    final List<Long> healthMs = java.util.Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @Test
    void sixty_four_clients_for_a_minute_get_no_server_error_lose_no_write_and_health_always_answers() throws Exception {
        try (TestServer server = Maintainer.server(dir)) {
            warmUp(server);
            long end = System.currentTimeMillis() + SECONDS * 1000;
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                clients.submit(() -> runClient(server, id, end));
            }
            Thread samplers = new Thread(() -> sample(server, end), "load-samplers");
            samplers.start();
            clients.shutdown();
            assertTrue(clients.awaitTermination(SECONDS + 120, TimeUnit.SECONDS), "clients finished");
            samplers.join();
            Set<String> stored = storedWrites(server);
            long fast = healthMs.stream().filter(ms -> ms < HEALTH_TARGET_MS).count();
            List<Long> sorted = healthMs.stream().sorted().toList();
            System.out.printf("load: %d clients, %d s: %s; %d writes acknowledged, %d found; /health %d of %d samples "
                            + "under %d ms, p50 %d ms, p90 %d ms, p99 %d ms, max %d ms; heap max %d MB; %d server errors, "
                            + "%d client failures%n", CLIENTS, SECONDS, counts, acknowledged.size(), stored.size(), fast,
                    healthMs.size(), HEALTH_TARGET_MS, percentile(sorted, 50), percentile(sorted, 90),
                    percentile(sorted, 99), healthMaxMs.get(), heapMax.get() >> 20, serverErrors.size(),
                    clientFailures.get());
            assertTrue(serverErrors.isEmpty(), "server errors: " + serverErrors.subList(0, Math.min(5, serverErrors.size())));
            assertEquals(0, clientFailures.get(), "requests that got no answer");
            assertTrue(stored.containsAll(acknowledged), "acknowledged writes missing after the run");
            assertTrue(healthMaxMs.get() < HEALTH_WORST_MS, "/health took " + healthMaxMs.get() + " ms at worst");
            assertTrue(heapMax.get() < HEAP_BOUND_BYTES, "heap reached " + (heapMax.get() >> 20) + " MB");
            assertTrue(acknowledged.size() > 100, "the run wrote: " + acknowledged.size());
        }
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** A few seconds of the same mix from a few clients, so that the measured minute runs on compiled code. */
    void warmUp(TestServer server) throws InterruptedException {
        long end = System.currentTimeMillis() + WARM_UP_MS;
        ExecutorService warm = Executors.newFixedThreadPool(WARM_UP_CLIENTS);
        for (int c = 0; c < WARM_UP_CLIENTS; c++) {
            int id = CLIENTS + c;
            warm.submit(() -> runClient(server, id, end));
        }
        warm.shutdown();
        assertTrue(warm.awaitTermination(WARM_UP_MS + 60_000, TimeUnit.MILLISECONDS));
        System.out.println("load: warmed up with " + counts + "; measuring now");
        counts.clear();
    }

    void runClient(TestServer server, int id, long end) {
        Random random = new Random(id);
        for (int n = 0; System.currentTimeMillis() < end; n++) {
            int dice = random.nextInt(100);
            String write = "load " + id + " " + n;
            HttpRequest request = dice < 30 ? get(server, "/sparql?query=" + enc(QUERIES.get(random.nextInt(QUERIES.size()))))
                    : dice < 50 ? get(server, random.nextBoolean() ? "/id/state/india" : "/id/state/kazakhstan?format=turtle")
                    : dice < 65 ? get(server, "/search?format=json&q=" + (random.nextBoolean() ? "Ind" : "kaz"))
                    : dice < 80 ? post(server, "/validate", "text/turtle", INDIA + " " + COMMENT + " \"dry " + write + "\" .")
                    : post(server, "/update", "application/sparql-update", insert(write));
            String kind = dice < 30 ? "query" : dice < 50 ? "page" : dice < 65 ? "search" : dice < 80 ? "dry run" : "write";
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                counts.computeIfAbsent(kind + " " + r.statusCode(), k -> new LongAdder()).increment();
                if (r.statusCode() >= 500)
                    synchronized (serverErrors) {
                        serverErrors.add(kind + " " + r.statusCode() + " " + r.body());
                    }
                if (kind.equals("write") && r.statusCode() == 200)
                    acknowledged.add(write);
            } catch (Exception e) {
                clientFailures.incrementAndGet();
            }
        }
    }

    /** Two statements per write, each naming the write, in a passage graph of its own. */
    static String insert(String write) {
        return "INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/" + write.replace(' ', '-') + "> { "
                + INDIA + " " + COMMENT + " \"" + write + "\" , \"" + write + " again\" } }";
    }

    HttpRequest get(TestServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(60)).GET().build();
    }

    HttpRequest post(TestServer server, String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Every {@link #SAMPLE_MS}: times {@code /health} and reads the used heap; prints progress now and then. */
    void sample(TestServer server, long end) {
        var memory = ManagementFactory.getMemoryMXBean();
        long start = System.currentTimeMillis(), nextProgress = start + PROGRESS_MS;
        while (System.currentTimeMillis() < end) {
            long t = System.nanoTime();
            try {
                HttpResponse<String> r = healthClient.send(get(server, "/health"), HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t) / 1_000_000;
                healthMaxMs.accumulate(ms);
                healthMs.add(ms);
                if (ms >= HEALTH_TARGET_MS)
                    System.out.printf("load: /health took %d ms at %d s%n", ms, (System.currentTimeMillis() - start) / 1000);
                if (r.statusCode() != 200)
                    clientFailures.incrementAndGet();
            } catch (Exception e) {
                clientFailures.incrementAndGet();
            }
            heapMax.accumulate(memory.getHeapMemoryUsage().getUsed());
            if (System.currentTimeMillis() >= nextProgress) {
                nextProgress += PROGRESS_MS;
                System.out.printf("load: %d s, %d requests, %d writes acknowledged, /health max %d ms, heap max %d MB%n",
                        (System.currentTimeMillis() - start) / 1000, counts.values().stream().mapToLong(LongAdder::sum).sum(),
                        acknowledged.size(), healthMaxMs.get(), heapMax.get() >> 20);
            }
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The names of the writes whose two statements are both in the store. */
    Set<String> storedWrites(TestServer server) {
        String q = "SELECT ?c WHERE { " + INDIA + " " + COMMENT + " ?c FILTER(STRSTARTS(?c, \"load \")) }";
        HttpResponse<String> r = server.get("/sparql?query=" + enc(q), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Integer> statements = new HashMap<>();
        r.body().lines().skip(1).map(String::strip).forEach(c -> statements.merge(c.replace(" again", ""), 1, Integer::sum));
        Set<String> whole = ConcurrentHashMap.newKeySet();
        statements.forEach((w, n) -> {
            if (n == 2)
                whole.add(w);
        });
        return whole;
    }
}
