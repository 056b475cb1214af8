package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * The floor measured with {@code wrk} (installed by {@code .ci/run}): every request distinct and still the same query,
 * the Accept header sent, answers counted, failed answers counted as errors.
 */
class WrkTest {

    private static final String QUERY = "ASK {}";

    @TempDir
    Path work;

    @Test
    void distinct_queries_never_repeat_and_keep_their_query() throws Exception {
        assumeTrue(Wrk.missing().isEmpty(), () -> Wrk.missing().get());
        List<String> seen = new ArrayList<>(), accepts = new ArrayList<>();
        // a warm-up execution, the measured one, then a second run of the same path: no request is sent twice
        String path = "/sparql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);
        LoadDriver.Result r = serve(200, seen, accepts, path, 1);
        LoadDriver.Result again = serve(200, seen, accepts, path, 0);
        assertEquals(0, again.errors(), again.firstError());
        assertEquals(0, r.errors(), r.firstError());
        assertTrue(r.requests() >= 2, "requests were counted: " + r.requests());
        assertTrue(r.p50Ms() > 0 && r.p99Ms() >= r.p50Ms(), "latencies read: " + r);
        assertTrue(seen.size() >= r.requests() + again.requests(), "every counted request reached the server");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no request repeats another");
        Query expected = QueryFactory.create(QUERY);
        for (String uri : seen)
            assertEquals(expected, QueryFactory.create(URLDecoder.decode(uri.substring("/sparql?query=".length()),
                    StandardCharsets.UTF_8)), uri);
        assertTrue(accepts.stream().allMatch("application/sparql-results+json"::equals), "the Accept header: " + accepts.get(0));
    }

    @Test
    void posted_queries_never_repeat_and_keep_their_query_and_type() throws Exception {
        assumeTrue(Wrk.missing().isEmpty(), () -> Wrk.missing().get());
        String query = "ASK\nWHERE\n  { ?s ?p \"a \\\"quoted\\\" word\" }\n"; // lines and quotes, as the ask class writes
        List<String> bodies = new ArrayList<>(), types = new ArrayList<>(), methods = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (bodies) {
                bodies.add(exchange.getRequestURI().getRawPath() + " " + body);
                types.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                methods.add(exchange.getRequestMethod());
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        LoadDriver.Result r;
        try {
            r = Wrk.runPosted("posted", server.getAddress().getPort(), "/sparql", query, "application/sparql-results+json",
                    2, 1, 1, work);
        } finally {
            server.stop(0);
        }
        assertEquals(0, r.errors(), r.firstError());
        assertTrue(r.requests() >= 2, "requests were counted: " + r.requests());
        assertEquals(bodies.size(), new HashSet<>(bodies).size(), "no request repeats another");
        Query expected = QueryFactory.create(query);
        for (String b : bodies) {
            assertTrue(b.startsWith("/sparql " + query + "\n# w"), b);
            assertEquals(expected, QueryFactory.create(b.substring("/sparql ".length())), b);
        }
        assertTrue(types.stream().allMatch("application/sparql-query"::equals), "the Content-Type: " + types.get(0));
        assertTrue(methods.stream().allMatch("POST"::equals), "the method: " + methods.get(0));
    }

    @Test
    void failed_answers_are_errors_not_throughput() throws Exception {
        assumeTrue(Wrk.missing().isEmpty(), () -> Wrk.missing().get());
        LoadDriver.Result r = serve(503, new ArrayList<>(), new ArrayList<>(), "/health", 0);
        assertEquals(0, r.requests(), "no answer counted");
        assertTrue(r.errors() > 0 && r.firstError().contains("Non-2xx"), r.toString());
    }

    @Test
    void a_report_without_a_count_is_refused_with_its_text() {
        IOException e = assertThrows(IOException.class, () -> Wrk.parse("x", "unable to connect to 127.0.0.1:1"));
        assertTrue(e.getMessage().contains("unable to connect"), e.getMessage());
    }

    private LoadDriver.Result serve(int status, List<String> seen, List<String> accepts, String path, double warmup)
            throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (seen) {
                String q = exchange.getRequestURI().getRawQuery();
                seen.add(exchange.getRequestURI().getRawPath() + (q == null ? "" : "?" + q));
                accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            return Wrk.run("test", server.getAddress().getPort(), path, "application/sparql-results+json", true, 2, warmup, 1,
                    work);
        } finally {
            server.stop(0);
        }
    }
}
