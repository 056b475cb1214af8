package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Arrays;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer whose form depends on {@code Accept} says so with {@code Vary: Accept}, so that a shared cache never
 * hands a browser's HTML to a tool or the reverse: the first answer, the same answer again (from the server's own
 * answer cache) and a 304 alike.
 */
class VaryTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    static boolean variesByAccept(HttpResponse<String> r) {
        return r.headers().allValues("Vary").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(v -> v.strip().equalsIgnoreCase("Accept"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/id/state/kazakhstan", "/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201",
            "/sparql?query=CONSTRUCT%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", "/sparql", "/void", "/ontology", "/shapes",
            "/data", "/data?default"})
    void a_negotiated_answer_varies_by_accept_first_time_cached_and_not_modified(String path) {
        HttpResponse<String> first = server.get(path, "Accept", "*/*");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(variesByAccept(first), path + " first answer: " + first.headers().map());
        HttpResponse<String> again = server.get(path, "Accept", "*/*");
        assertTrue(variesByAccept(again), path + " second answer: " + again.headers().map());
        first.headers().firstValue("ETag").ifPresent(etag -> {
            HttpResponse<String> notModified = server.get(path, "Accept", "*/*", "If-None-Match", etag);
            assertEquals(304, notModified.statusCode());
            assertTrue(variesByAccept(notModified), path + " 304: " + notModified.headers().map());
        });
    }

    /** A query posted as its body, answered here (SELECT, ASK) or by Fuseki (CONSTRUCT, DESCRIBE), also says it. */
    @ParameterizedTest
    @ValueSource(strings = {"SELECT * { ?s ?p ?o } LIMIT 1", "ASK { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }",
            "DESCRIBE <http://example.org/x>", "SELECT * { ?s ?p ?o } LIMIT 1 # with a parameter, Fuseki's"})
    void a_query_posted_as_its_body_varies_by_accept(String query) {
        String path = query.contains("parameter") ? "/sparql?default-graph-uri=urn%3Ax-arq%3AUnionGraph" : "/sparql";
        HttpResponse<String> posted = server.post(path, "application/sparql-query", query, "Accept", "*/*");
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(variesByAccept(posted), query + ": " + posted.headers().map());
    }
}
