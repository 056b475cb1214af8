package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;

/** Queries slower than the threshold are logged in full, with their time (the per-request lines are switched off in tests). */
class RequestLogTest {

    @Test
    void a_query_slower_than_the_threshold_is_logged_in_full_with_its_time() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String query = "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } # marker-7f3a";
        try (TestServer s = TestServer.start(c -> c.withData(List.of(Fixtures.TINY)).withSlowQuery(Duration.ZERO))) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            s.get("/sparql?query=" + enc(query));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("marker-7f3a"), "the slow query is logged in full:\n" + log);
        assertTrue(log.matches("(?s).*slow-query.*\\d+ ms: SELECT \\?label.*"), log);
    }
}
