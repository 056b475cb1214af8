package org.icakg.sparql;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import org.icakg.server.ServerConfig;
import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query that runs out of time ends with an error status, never with a 200 and a truncated body. */
class QueryTimeLimitTest {

    static ServerConfig limits(ServerConfig c, Path file, long buffer) {
        c = c.withData(java.util.List.of(file)).withQueryTimeout(Duration.ofSeconds(1));
        return new ServerConfig(c.host(), c.port(), c.dataPaths(), c.store(), c.vocab(), c.queryTimeout(),
                c.slowQuery(), c.maxBodyBytes(), buffer, c.usersFile());
    }

    @Test
    void a_query_cut_off_before_its_first_result_gives_503(@TempDir Path dir) throws IOException {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> limits(c, file, ServerConfig.DEFAULT_MAX_BUFFERED_RESULT_BYTES))) {
            long start = System.nanoTime();
            var r = s.get("/sparql?query=" + enc(Fixtures.COUNT_CROSS), "Accept", "application/sparql-results+json");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue((System.nanoTime() - start) / 1e9 < 20, "the limit ends the query");
        }
    }

    @Test
    void a_query_cut_off_while_streaming_results_gives_an_error_status_not_a_truncated_200(@TempDir Path dir)
            throws IOException {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> limits(c, file, 512L * 1024 * 1024))) {
            var r = s.get("/sparql?query=" + enc(Fixtures.CROSS_PRODUCT), "Accept", "text/tab-separated-values");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("time limit of 1000 ms"), r.body());
            assertTrue(s.get("/health").statusCode() == 200, "the server keeps answering");
        }
    }

    @Test
    void results_too_large_to_hold_are_broken_off_rather_than_completed_with_200(@TempDir Path dir)
            throws IOException {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> limits(c, file, 64 * 1024))) {
            var failure = assertThrows(UncheckedIOException.class, () -> {
                var r = s.get("/sparql?query=" + enc(Fixtures.CROSS_PRODUCT), "Accept", "text/tab-separated-values");
                // Reaching here is only acceptable with an error status.
                if (r.statusCode() != 200)
                    throw new UncheckedIOException(new IOException("status " + r.statusCode()));
            });
            assertTrue(failure.getMessage() != null);
        }
    }
}
