package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The route table as a pure function: which row each request takes, one case (or more) per row. */
class RouteTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Set<Route> SEEN = EnumSet.noneOf(Route.class);

    /** method, path, content type, parameter names the request carries, the row it must take. */
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET", "/sparql", null, "query", Route.SPARQL_QUERY),
                Arguments.of("GET", "/sparql", null, "query format", Route.SPARQL_QUERY),
                Arguments.of("POST", "/sparql", "application/sparql-query", "", Route.SPARQL_QUERY_POST),
                Arguments.of("POST", "/sparql", "Application/SPARQL-Query; charset=utf-8", "", Route.SPARQL_QUERY_POST),
                Arguments.of("POST", "/sparql", FORM, "query", Route.SPARQL_QUERY_POST),
                Arguments.of("GET", "/sparql", null, "", Route.SPARQL_DESCRIPTION),
                Arguments.of("GET", "/sparql", null, "update", Route.SPARQL_DESCRIPTION),
                Arguments.of("POST", "/sparql", FORM, "query update", Route.SPARQL_REFUSAL),
                Arguments.of("POST", "/sparql", FORM, "update", Route.SPARQL_REFUSAL),
                Arguments.of("POST", "/sparql", "application/sparql-update", "", Route.SPARQL_REFUSAL),
                Arguments.of("POST", "/sparql", "text/plain", "query", Route.SPARQL_REFUSAL),
                Arguments.of("POST", "/sparql", null, "", Route.SPARQL_REFUSAL),
                Arguments.of("GET", "/query", null, "", Route.QUERY_EDITOR),
                Arguments.of("GET", "/query/examples.json", null, "", Route.QUERY_EXAMPLES),
                Arguments.of("GET", "/query/prefixes.json", null, "", Route.QUERY_PREFIXES),
                Arguments.of("GET", "/", null, "", Route.HOME),
                Arguments.of("GET", "/id/state/india", null, "", Route.ENTITY),
                Arguments.of("GET", "/id/passage/a/b/c", null, "", Route.ENTITY),
                Arguments.of("GET", "/graph.json", null, "iri", Route.NEIGHBOURHOOD),
                Arguments.of("GET", "/search", null, "q", Route.SEARCH),
                Arguments.of("GET", "/classes", null, "", Route.CLASSES),
                Arguments.of("GET", "/class", null, "iri", Route.CLASS),
                Arguments.of("GET", "/timeline", null, "", Route.TIMELINE),
                Arguments.of("GET", "/map", null, "", Route.MAP),
                Arguments.of("GET", "/ontology", null, "", Route.ONTOLOGY),
                Arguments.of("GET", "/shapes", null, "", Route.SHAPES),
                Arguments.of("GET", "/void", null, "", Route.VOID),
                Arguments.of("GET", "/dumps/ica-kg.nq.gz", null, "", Route.DUMP),
                Arguments.of("GET", "/data", null, "graph", Route.GRAPH_STORE_READ),
                Arguments.of("PUT", "/data", "text/turtle", "graph", Route.GRAPH_STORE_PUT),
                Arguments.of("POST", "/data", "text/turtle", "graph", Route.GRAPH_STORE_POST),
                Arguments.of("DELETE", "/data", null, "graph", Route.GRAPH_STORE_DELETE),
                Arguments.of("POST", "/update", "application/sparql-update", "", Route.UPDATE),
                Arguments.of("GET", "/validate", null, "", Route.VALIDATE_PAGE),
                Arguments.of("POST", "/validate", "text/turtle", "", Route.VALIDATE),
                Arguments.of("GET", "/audit", null, "", Route.AUDIT),
                Arguments.of("GET", "/audit/17", null, "", Route.AUDIT_ENTRY),
                Arguments.of("GET", "/health", null, "", Route.HEALTH),
                Arguments.of("GET", "/health/", null, "", Route.HEALTH),
                Arguments.of("GET", "/metrics", null, "", Route.METRICS),
                Arguments.of("GET", "/assets/site.css", null, "", Route.ASSET),
                Arguments.of("GET", "/workbench", null, "", Route.WORKBENCH),
                Arguments.of("GET", "/workbench/sources/new", null, "", Route.WORKBENCH_SOURCE_FORM),
                Arguments.of("POST", "/workbench/sources", FORM, "", Route.WORKBENCH_SOURCES),
                Arguments.of("GET", "/workbench/source", null, "iri", Route.WORKBENCH_SOURCE),
                Arguments.of("GET", "/workbench/changes/12", null, "", Route.WORKBENCH_CHANGE),
                Arguments.of("GET", "/workbench/assets/workbench.js", null, "", Route.WORKBENCH_ASSET),
                Arguments.of("GET", "/workbench/passage", null, "iri", Route.WORKBENCH_PASSAGE),
                Arguments.of("GET", "/workbench/statements", null, "passage,class", Route.WORKBENCH_STATEMENT_FORM),
                Arguments.of("POST", "/workbench/statements", FORM, "", Route.WORKBENCH_STATEMENTS),
                Arguments.of("GET", "/workbench/entities.json", null, "q,class", Route.WORKBENCH_ENTITIES),
                // No row: the app answers 404 or 405.
                Arguments.of("GET", "/nothing-here", null, "", Route.OTHER),
                Arguments.of("GET", "/id/", null, "", Route.OTHER),
                Arguments.of("GET", "/dumps/a/b", null, "", Route.OTHER),
                Arguments.of("GET", "/healthz", null, "", Route.OTHER),
                Arguments.of("DELETE", "/health", null, "", Route.OTHER),
                Arguments.of("PUT", "/sparql", "text/plain", "query", Route.OTHER),
                Arguments.of("OPTIONS", "/sparql", null, "", Route.OTHER),
                Arguments.of("PATCH", "/data", null, "", Route.OTHER));
    }

    @ParameterizedTest(name = "{0} {1} ({2}; {3}) → {4}")
    @MethodSource("requests")
    void each_request_takes_its_row(String method, String path, String contentType, String params, Route expected) {
        Set<String> names = Set.of(params.isBlank() ? new String[0] : params.split(" "));
        assertEquals(expected, Route.of(method, path, contentType, names::contains));
        SEEN.add(expected);
    }

    @AfterAll
    static void every_row_is_taken_by_some_request() {
        assertEquals(EnumSet.allOf(Route.class), SEEN, "rows no case of the table takes");
    }

    @Test
    void only_the_queries_go_to_the_query_engine_and_only_health_and_metrics_never_wait() {
        for (Route r : Route.values()) {
            boolean query = r == Route.SPARQL_QUERY || r == Route.SPARQL_QUERY_POST;
            assertEquals(query, r.answerer() == Route.Answerer.SPARQL, r.name());
            boolean probe = r == Route.HEALTH || r == Route.METRICS;
            assertEquals(probe, r.admit("GET") == Route.Admit.NEVER_WAIT, r.name());
        }
    }

    @Test
    void writes_are_admitted_as_writes_and_reads_as_reads() {
        assertEquals(Route.Admit.WRITE, Route.UPDATE.admit("POST"));
        assertEquals(Route.Admit.WRITE, Route.GRAPH_STORE_PUT.admit("PUT"));
        assertEquals(Route.Admit.READ, Route.SPARQL_QUERY_POST.admit("POST"), "a posted query only reads");
        assertEquals(Route.Admit.READ, Route.OTHER.admit("GET"));
        assertEquals(Route.Admit.WRITE, Route.OTHER.admit("PATCH"));
    }

    @Test
    void answers_are_kept_for_queries_and_entity_pages_only() {
        assertEquals(EnumSet.of(Route.SPARQL_QUERY, Route.SPARQL_QUERY_POST, Route.ENTITY),
                EnumSet.copyOf(Arrays.stream(Route.values()).filter(Route::cached).toList()));
    }

    @Test
    void metrics_labels_are_templates_whatever_the_method_and_never_the_path_itself() {
        assertEquals("/id/<path>", Route.label("/id/state/india"));
        assertEquals("/sparql", Route.label("/sparql"));
        assertEquals("/health", Route.label("/health"), "also for DELETE /health, which no row takes");
        assertEquals("/audit/{id}", Route.label("/audit/3"));
        assertEquals(Route.OTHER_LABEL, Route.label("/id/"));
        assertEquals(Route.OTHER_LABEL, Route.label("/xxxxxxxx"));
        assertEquals(Route.OTHER_LABEL, Route.label(null));
    }

    @Test
    void templates_match_one_segment_or_the_rest() {
        assertTrue(Route.matches("/dumps/{file}", "/dumps/x.ttl"));
        assertFalse(Route.matches("/dumps/{file}", "/dumps/"));
        assertFalse(Route.matches("/dumps/{file}", "/dumps/x/y"));
        assertTrue(Route.matches("/id/<path>", "/id/x/y/z"));
        assertFalse(Route.matches("/id/<path>", "/idx/y"));
        assertTrue(Route.matches("/", "/"));
    }
}
