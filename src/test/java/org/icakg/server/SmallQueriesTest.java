package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.jena.riot.resultset.ResultSetLang;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Plain SELECT and ASK queries answered without Fuseki's action give the same answer, byte for byte and with the same
 * media type, as Fuseki gives when a format parameter sends the same query to it.
 */
class SmallQueriesTest {

    /** Media type asked by Accept, and Fuseki's own name for it in {@code output=}. */
    static final Map<String, String> FORMATS = Map.of("application/sparql-results+json", "json",
            "application/sparql-results+xml", "xml", "text/csv", "csv", "text/tab-separated-values", "tsv");

    static final String[] QUERIES = {
            "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label LIMIT 7",
            "ASK { ?s a ?type }",
            "ASK { <urn:x:nothing> ?p ?o }",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            "PREFIX ica: <https://w3id.org/ica-kg/ontology#> SELECT ?c WHERE { ?c a ica:Commitment } ORDER BY ?c LIMIT 3",
            // Relative IRIs resolve against the same base on both paths, and a BASE in the query overrides it.
            "SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }",
            "BASE <http://example.org/> SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }"};

    @Test
    void answers_equal_fusekis_in_every_format() {
        try (TestServer server = TestServer.bundled()) {
            for (String query : QUERIES)
                for (var format : FORMATS.entrySet()) {
                    if (query.startsWith("ASK") && !format.getValue().equals("json") && !format.getValue().equals("xml"))
                        continue;
                    HttpResponse<String> small = server.get("/sparql?query=" + enc(query), "Accept", format.getKey());
                    HttpResponse<String> fuseki = server.get("/sparql?query=" + enc(query) + "&output=" + format.getValue());
                    assertEquals(200, small.statusCode(), small.body());
                    assertEquals(fuseki.body(), small.body(), query + " as " + format.getKey());
                    assertEquals(fuseki.headers().firstValue("Content-Type"), small.headers().firstValue("Content-Type"));
                    assertEquals(fuseki.headers().firstValue("Vary"), small.headers().firstValue("Vary"));
                    assertEquals(fuseki.headers().firstValue("Cache-Control"), small.headers().firstValue("Cache-Control"));
                    assertTrue(small.headers().firstValue("ETag").isPresent(), "kept by the answer cache, with an ETag");
                }
        }
    }

    @Test
    void a_posted_form_is_answered_alike_and_a_bad_query_still_gets_fusekis_error_with_line_and_column() {
        try (TestServer server = TestServer.bundled()) {
            HttpResponse<String> posted = server.post("/sparql", "application/x-www-form-urlencoded",
                    "query=" + enc(QUERIES[1]));
            assertEquals(200, posted.statusCode());
            assertTrue(posted.body().contains("<boolean>true</boolean>"), "XML when Accept says nothing: " + posted.body());
            HttpResponse<String> bad = server.get("/sparql?query=" + enc("SELECT * WHERE { ?s ?p }"));
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("line 1, column"), bad.body());
        }
    }

    @Test
    void only_the_four_standard_result_formats_are_answered_here() {
        assertEquals(ResultSetLang.RS_JSON, SmallQueries.lang("application/sparql-results+json"));
        assertEquals(ResultSetLang.RS_TSV, SmallQueries.lang("text/tab-separated-values"));
        assertNull(SmallQueries.lang("application/sparql-results+thrift"));
        assertNull(SmallQueries.lang("text/plain"));
    }
}
