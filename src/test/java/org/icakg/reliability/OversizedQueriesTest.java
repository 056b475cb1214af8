package org.icakg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Collections;

import org.icakg.sparql.QueryShape;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queries that would exhaust a request thread's stack get a 400 naming the limit, not an empty 500. */
class OversizedQueriesTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.bundled();

    private static HttpResponse<String> post(String query) {
        return server.post("/sparql", "application/sparql-query", query, "Accept", "application/sparql-results+json");
    }

    @Test
    void a_thousand_nested_groups_get_a_400_naming_the_limit_and_the_depth() {
        HttpResponse<String> r = post("SELECT * WHERE " + "{ ?s ?p ?o ".repeat(1000) + "}".repeat(1000));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("limit is " + QueryShape.MAX_DEPTH) && r.body().contains("has 1000"), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void nested_groups_in_a_get_request_are_refused_the_same_way() {
        HttpResponse<String> r = server.get("/sparql?query=" + TestServer.enc("ASK " + "{".repeat(500) + "}".repeat(500)));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("has 500"), r.body());
    }

    @Test
    void a_filter_of_sixty_thousand_ors_gets_a_400_naming_the_limit_and_the_count() {
        String ors = String.join(" || ", Collections.nCopies(60_000, "?o = 1"));
        HttpResponse<String> r = post("SELECT * WHERE { ?s ?p ?o FILTER(" + ors + ") }");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("limit is " + QueryShape.MAX_LOGICAL_OPERATORS) && r.body().contains("has 59999"),
                r.body());
    }

    @Test
    void a_chain_too_long_for_the_stack_gets_a_400_not_a_500() {
        String sum = String.join("+", Collections.nCopies(30_000, "1"));
        HttpResponse<String> r = post("ASK { FILTER(" + sum + " > 0) }");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("too deeply nested"), r.body());
    }

    @Test
    void the_server_answers_normally_afterwards() {
        post("ASK " + "{".repeat(1000) + "}".repeat(1000));
        HttpResponse<String> r = post("SELECT * WHERE " + "{".repeat(50) + "?s ?p ?o" + "}".repeat(50) + " LIMIT 1");
        assertEquals(200, r.statusCode(), r.body());
    }
}
