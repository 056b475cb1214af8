package org.icakg.reliability;

import static org.icakg.support.Maintainer.AUTH;
import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.icakg.cli.Main;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every limit is enforced where it applies, can be set where that makes sense, and a request over it is told the
 * limit and what it sent. (The query time limit and the result buffer: {@code QueryTimeLimitTest}.)
 */
class LimitsTest {

    /** A body limit small enough to cross with ordinary requests. */
    static final long SMALL_BODY_LIMIT = 2_000;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> {
        Path store = dir.resolve("store");
        return TestServer.serving(org.icakg.support.Fixtures.tdb2(store), c -> c.withStore(store)
                .withUsersFile(Maintainer.usersFile(dir)).withMaxBodyBytes(SMALL_BODY_LIMIT));
    });

    @ParameterizedTest
    @ValueSource(strings = {"POST /sparql application/sparql-query", "POST /update application/sparql-update",
            "POST /validate text/turtle", "POST /data text/turtle", "PUT /data?default text/turtle",
            "POST /sparql application/x-www-form-urlencoded"})
    void a_body_over_the_configured_limit_is_a_413_naming_the_limit_and_the_size(String request) {
        String[] parts = request.split(" ");
        byte[] body = ("# " + "x".repeat((int) SMALL_BODY_LIMIT) + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = Maintainer.send(server, parts[0], parts[1], parts[2], body, "Authorization", AUTH);
        assertEquals(413, r.statusCode(), request + ": " + r.body());
        assertTrue(r.body().contains("limit is " + SMALL_BODY_LIMIT + " bytes") && r.body().contains(body.length + " bytes"),
                r.body());
    }

    @Test
    void a_sparql_request_over_a_mebibyte_is_a_413_naming_the_limit_and_the_size() {
        try (TestServer big = TestServer.withData(org.icakg.support.Fixtures.TINY)) {
            String query = "ASK {} # " + "x".repeat(1024 * 1024);
            HttpResponse<String> r = big.post("/sparql", "application/sparql-query", query);
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains("limit is 1048576 bytes") && r.body().contains((query.length()) + " bytes"), r.body());
            assertEquals(200, big.post("/sparql", "application/sparql-query", "ASK {} # " + "x".repeat(100_000)).statusCode(),
                    "a long query under the limit is answered");
        }
    }

    @Test
    void a_sparql_request_without_a_length_is_a_411() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.server().port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 411"), response);
            assertTrue(response.contains("Content-Length"), response);
        }
    }

    @Test
    void search_text_over_its_limit_is_a_400_naming_the_limit_and_the_length() {
        HttpResponse<String> r = server.get("/search?format=json&q=" + "k".repeat(201));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("limited to 200 characters; got 201"), r.body());
        assertEquals(200, server.get("/search?format=json&q=" + "k".repeat(200)).statusCode());
    }

    @Test
    void audit_pages_over_their_limit_are_a_400_naming_the_limit_and_the_value() {
        HttpResponse<String> r = server.get("/audit?limit=10001", "Authorization", AUTH);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("1 to 10000") && r.body().contains("'10001'"), r.body());
    }

    @Test
    void a_page_number_that_is_not_a_page_is_a_400_naming_the_value() {
        HttpResponse<String> r = server.get("/id/state/india?page=0", "Accept", "text/html");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("&#39;0&#39;"), r.body());
    }

    @Test
    void request_headers_over_their_limit_are_refused_with_431() {
        HttpResponse<String> r = server.get("/health", "X-Padding", "p".repeat(600 * 1024));
        assertEquals(431, r.statusCode());
    }

    @Test
    void the_limits_are_serve_options() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"serve", "--max-body", "nine"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        String usage = err.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("--max-body must be a whole number, got 'nine'"), usage);
        for (String option : new String[] {"--query-timeout SECONDS", "--max-body BYTES", "--result-buffer BYTES"})
            assertTrue(usage.contains(option), usage);
    }

    @Test
    void the_server_answers_requests_beyond_its_active_limit_in_turn_and_health_does_not_wait() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 64; i++)
            results.add(pool.submit(() -> server.get("/sparql?query=" + enc("SELECT * WHERE { ?s ?p ?o } LIMIT 100"),
                    "Accept", "application/sparql-results+json").statusCode()));
        assertEquals(200, server.get("/health").statusCode());
        for (var f : results)
            assertEquals(200, f.get());
        pool.shutdown();
    }
}
