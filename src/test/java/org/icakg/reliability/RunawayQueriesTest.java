package org.icakg.reliability;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several expensive queries at once do not starve cheap requests, and each ends at the time limit. */
class RunawayQueriesTest {

    static final int EXPENSIVE = 6;
    /**
     * Seconds, not minutes: this checks that cheap requests are served while the expensive ones run, not how fast
     * (the times are measured by {@code FairAdmissionTest} and the benchmark); a busy machine stays far under it.
     */
    static final long CHEAP_BOUND_MS = 10_000;

    @Test
    void health_and_small_queries_keep_answering_while_expensive_queries_run(@TempDir Path dir) throws IOException {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> c.withData(List.of(file)).withQueryTimeout(Duration.ofSeconds(4)))) {
            List<CompletableFuture<Integer>> running = new ArrayList<>();
            for (int i = 0; i < EXPENSIVE; i++)
                running.add(CompletableFuture.supplyAsync(() ->
                        s.get("/sparql?query=" + enc(Fixtures.COUNT_CROSS)).statusCode()));
            awaitRunning(s, EXPENSIVE);
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertEquals(200, s.get("/health").statusCode());
                var small = s.get("/sparql?query=" + enc("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
                assertEquals(200, small.statusCode());
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < CHEAP_BOUND_MS, "cheap requests took " + ms + " ms");
                sleep(100);
            }
            for (var f : running)
                assertEquals(503, f.join(), "each expensive query ends at the limit with an error status");
        }
    }

    /** Waits (boundedly) until the server reports {@code n} admitted requests, so the cheap ones meet them running. */
    private static void awaitRunning(TestServer s, int n) {
        for (int i = 0; i < 400; i++) {
            if (FairAdmissionTest.gauge(s.get("/metrics").body(), "ica_admission_running") >= n)
                return;
            sleep(10);
        }
        throw new AssertionError("the " + n + " expensive queries never ran at once");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
