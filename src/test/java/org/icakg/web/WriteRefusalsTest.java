package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.icakg.support.Fixtures;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes the server refuses, and how: 403 for the graphs it maintains and for emptying the sources graph, 422 for a
 * change that does not conform whatever the client accepts, 400 for a dry run of nothing. The store is unchanged
 * after every one of them.
 */
class WriteRefusalsTest {

    static final String INFERRED = "https://w3id.org/ica-kg/graph/inferred",
            ONTOLOGY = "https://w3id.org/ica-kg/graph/ontology", SHAPES = "https://w3id.org/ica-kg/graph/shapes",
            SOURCES = "https://w3id.org/ica-kg/graph/sources";
    /** What rdflib's SPARQL stores send by default with an update (its default result format is XML). */
    static final String RDFLIB_ACCEPT = "application/sparql-results+xml";

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> Maintainer.server(tmp));
    static DatasetGraph before;

    @BeforeAll
    static void remember() {
        before = Fixtures.copy(server.server().knowledgeBase().dataset());
    }

    static HttpResponse<String> update(String sparql, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = Maintainer.AUTH;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return server.post("/update", "application/sparql-update", sparql, all);
    }

    static HttpResponse<String> deleteGraph(String graph) {
        return Maintainer.send(server, "DELETE", "/data?graph=" + TestServer.enc(graph), null, null,
                "Authorization", Maintainer.AUTH);
    }

    static void assertRefused(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(Maintainer.unchanged(before, server), "the store is as it was");
    }

    @ParameterizedTest
    @ValueSource(strings = {INFERRED, ONTOLOGY, SHAPES})
    void deleting_a_graph_the_server_maintains_is_forbidden(String graph) {
        HttpResponse<String> r = deleteGraph(graph);
        assertRefused(403, r);
        assertTrue(r.body().contains(graph), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP GRAPH <" + INFERRED + ">", "CLEAR GRAPH <" + INFERRED + ">",
            "DROP GRAPH <" + ONTOLOGY + ">", "CLEAR SILENT GRAPH <" + SHAPES + ">",
            "DELETE DATA { GRAPH <" + INFERRED + "> { <https://w3id.org/ica-kg/id/state/india> a "
                    + "<https://w3id.org/ica-kg/ontology#Actor> } }",
            "DELETE WHERE { GRAPH <" + INFERRED + "> { ?s ?p ?o } }",
            "WITH <" + ONTOLOGY + "> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "MOVE <" + INFERRED + "> TO <https://w3id.org/ica-kg/id/passage/moved>",
            "COPY <https://w3id.org/ica-kg/id/passage/statement-01> TO <" + SHAPES + ">"})
    void an_update_that_names_a_graph_the_server_maintains_is_forbidden(String sparql) {
        HttpResponse<String> r = update(sparql);
        assertRefused(403, r);
        assertTrue(r.body().contains("cannot be written"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP GRAPH <" + SOURCES + ">", "CLEAR GRAPH <" + SOURCES + ">", "CLEAR DEFAULT",
            "DELETE WHERE { GRAPH <" + SOURCES + "> { ?s ?p ?o } }"})
    void an_update_that_empties_the_sources_graph_is_forbidden(String sparql) {
        HttpResponse<String> r = update(sparql);
        assertRefused(403, r);
        assertTrue(r.body().contains(SOURCES + "> cannot be emptied"), r.body());
    }

    @Test
    void dropping_everything_is_forbidden() {
        HttpResponse<String> r = update("DROP ALL");
        assertRefused(403, r);
        assertTrue(r.body().contains("cannot be"), r.body());
    }

    @Test
    void deleting_one_statement_of_the_sources_graph_is_an_ordinary_gated_write() {
        HttpResponse<String> r = update("DELETE DATA { GRAPH <" + SOURCES + "> { <https://w3id.org/ica-kg/id/document/"
                + "statement> <http://www.w3.org/2000/01/rdf-schema#label> \"Joint statement\"@en } }");
        assertTrue(r.statusCode() != 403, r.body());
        assertEquals(200, update("INSERT DATA { GRAPH <" + SOURCES + "> { <https://w3id.org/ica-kg/id/document/"
                + "statement> <http://www.w3.org/2000/01/rdf-schema#label> \"Joint statement\"@en } }").statusCode());
    }

    @Test
    void deleting_the_sources_graph_is_forbidden() {
        assertRefused(403, deleteGraph(SOURCES));
    }

    @Test
    void a_refused_write_is_a_422_with_a_turtle_report_whatever_the_client_accepts() {
        HttpResponse<String> r = update("""
                INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/added-01> {
                  <https://w3id.org/ica-kg/id/state/x> a <https://w3id.org/ica-kg/ontology#State> } }""",
                "Accept", RDFLIB_ACCEPT);
        assertRefused(422, r);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph report = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        assertTrue(report.toString().contains("conforms"), r.body());
    }

    @Test
    void a_graph_store_write_that_does_not_conform_is_a_422_for_an_image_client() {
        HttpResponse<String> r = Maintainer.send(server, "PUT",
                "/data?graph=" + TestServer.enc("https://w3id.org/ica-kg/id/passage/added-02"), "text/turtle",
                "<https://w3id.org/ica-kg/id/state/y> a <https://w3id.org/ica-kg/ontology#State> ."
                        .getBytes(StandardCharsets.UTF_8),
                "Authorization", Maintainer.AUTH, "Accept", "image/png");
        assertRefused(422, r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"})
    void a_dry_run_of_nothing_is_a_400(String body) {
        HttpResponse<String> r = server.post("/validate", "text/turtle", body);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("no statements"), r.body());
    }

    @Test
    void a_dry_run_form_with_nothing_in_it_is_a_400() {
        HttpResponse<String> r = server.post("/validate", "application/x-www-form-urlencoded", "data=+%0A",
                "Accept", "text/html");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("no statements"), r.body());
    }

    @Test
    void a_form_field_that_is_not_valid_form_encoding_is_a_400_naming_the_field() {
        HttpResponse<String> r = server.post("/validate", "application/x-www-form-urlencoded", "data=%zz");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("Malformed form encoding in the field 'data'"), r.body());
        HttpResponse<String> none = server.post("/validate", "application/x-www-form-urlencoded", "other=1");
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("no field 'data'"), none.body());
    }
}
