package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;

/** Small answers come from a pooled output buffer; answers far larger than that buffer still arrive whole. */
class ResponseSizesTest {

    private static final String EVERY_STATEMENT = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }";

    @Test
    void an_answer_many_times_the_output_buffer_arrives_whole_with_its_length() {
        try (TestServer s = TestServer.bundled()) {
            var r = s.get("/sparql?query=" + enc(EVERY_STATEMENT), "Accept", "application/sparql-results+json");
            assertEquals(200, r.statusCode());
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            assertTrue(body.length > 10 * JettyTuning.OUTPUT_BUFFER_BYTES, "a large answer: " + body.length + " bytes");
            r.headers().firstValueAsLong("Content-Length")
                    .ifPresent(length -> assertEquals(body.length, length, "Content-Length matches the body"));
            ResultSet rows = ResultSetFactory.fromJSON(new ByteArrayInputStream(body));
            int n = 0;
            for (; rows.hasNext(); rows.next())
                n++;
            var count = s.get("/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
                    "Accept", "text/csv");
            assertEquals(Integer.parseInt(count.body().lines().toList().get(1).trim()), n, "every row arrived");
        }
    }

    @Test
    void many_small_answers_on_parallel_connections_are_all_complete() throws Exception {
        try (TestServer s = TestServer.bundled()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    String path = i % 2 == 0 ? "/health" : "/sparql?query=" + enc("ASK {} # " + i);
                    answers.add(pool.submit(() -> {
                        var r = s.get(path, "Accept", "application/json, application/sparql-results+json");
                        return r.statusCode() + " " + r.body();
                    }));
                }
                for (int i = 0; i < answers.size(); i++) {
                    String answer = answers.get(i).get();
                    assertTrue(answer.startsWith("200 "), answer);
                    assertTrue(answer.contains(i % 2 == 0 ? "\"ok\"" : "\"boolean\""), answer);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
