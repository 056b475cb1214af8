package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A query cut off by its time limit is answered like every other error: a 503 in the format the client accepts. */
class TimeLimitGuardTest {

    @Test
    void the_time_out_is_a_problem_in_json_or_html_as_accepted_naming_the_limit(@TempDir Path dir) throws Exception {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> c.withData(List.of(file)).withQueryTimeout(Duration.ofSeconds(1)))) {
            var json = s.get("/sparql?query=" + enc(Fixtures.COUNT_CROSS), "Accept", "application/json");
            assertEquals(503, json.statusCode(), json.body());
            assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    json.headers().toString());
            JsonNode problem = new ObjectMapper().readTree(json.body());
            assertEquals(503, problem.path("status").asInt(), json.body());
            assertTrue(problem.path("detail").asText().contains("time limit of 1000 ms"), json.body());

            var html = s.get("/sparql?query=" + enc(Fixtures.COUNT_CROSS + " # page"), "Accept", "text/html");
            assertEquals(503, html.statusCode());
            assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(html.body().contains("time limit of 1000 ms"), html.body());
            assertEquals("nosniff", html.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }
}
