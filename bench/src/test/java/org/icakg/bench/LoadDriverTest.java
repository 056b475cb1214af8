package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Distinct requests are all different and still mean the same query; repeated ones are the paths as given. */
class LoadDriverTest {

    private static final String QUERY = "SELECT ?p ?o WHERE { <https://w3id.org/ica-kg/id/state/india> ?p ?o }";
    private static final List<String> PATHS = List.of(
            "/sparql?query=" + java.net.URLEncoder.encode(QUERY, StandardCharsets.UTF_8), "/id/state/india");

    @Test
    void distinct_requests_never_repeat_and_keep_their_query() throws Exception {
        List<String> seen = record(true);
        assertTrue(seen.size() >= 2, "requests were sent: " + seen.size());
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no request repeats another");
        Query expected = QueryFactory.create(QUERY);
        for (String uri : seen) {
            if (uri.startsWith("/sparql?query=")) {
                String text = URLDecoder.decode(uri.substring("/sparql?query=".length()), StandardCharsets.UTF_8);
                assertEquals(expected, QueryFactory.create(text), "the same query: " + text);
            } else {
                assertTrue(uri.startsWith("/id/state/india?distinct="), uri);
            }
        }
    }

    /** A warm-up run, the measured run, a second run of the same class: an answer cache has seen none of them. */
    @Test
    void a_later_run_repeats_no_request_of_an_earlier_one() throws Exception {
        List<String> first = record(true), second = record(true);
        assertTrue(first.size() >= 2 && second.size() >= 2, "requests were sent: " + first.size() + ", " + second.size());
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        assertEquals(both.size(), new HashSet<>(both).size(), "no request of the second run repeats one of the first");
    }

    @Test
    void repeated_requests_are_the_paths_as_given() throws Exception {
        List<String> seen = record(false);
        assertTrue(seen.size() >= 2, "requests were sent: " + seen.size());
        assertTrue(PATHS.containsAll(seen), "only the given paths: " + seen);
    }

    /** Request URIs a loopback server received while the driver ran for a moment. */
    private static List<String> record(boolean distinct) throws IOException, InterruptedException {
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (seen) {
                seen.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            LoadDriver.Result r = new LoadDriver("127.0.0.1", server.getAddress().getPort())
                    .run("test", PATHS, "application/json", 2, 0, 1, distinct);
            assertEquals(0, r.errors(), r.firstError());
        } finally {
            server.stop(0);
        }
        synchronized (seen) {
            return seen.stream().map(u -> u.endsWith("?null") ? u.substring(0, u.length() - 5) : u).toList();
        }
    }
}
