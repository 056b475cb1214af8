package org.icakg.sparql;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPARQL 1.1 Protocol at /sparql, as clients use it. */
class SparqlProtocolTest {

    static final String SELECT = "SELECT ?label WHERE { <https://w3id.org/ica-kg/id/state/kazakhstan> "
            + "<http://www.w3.org/2000/01/rdf-schema#label> ?label }";
    static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/ica-kg/id/passage/fixture-01> { ?s ?p ?o } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    @Test
    void get_query_answers_json_results() {
        HttpResponse<String> r = server.get("/sparql?query=" + enc(SELECT), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        var rs = ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(r.body().getBytes()));
        assertEquals("Kazakhstan", rs.next().getLiteral("label").getLexicalForm());
    }

    @Test
    void post_form_and_post_direct_give_the_same_answer() {
        HttpResponse<String> form = server.post("/sparql", "application/x-www-form-urlencoded", "query=" + enc(SELECT),
                "Accept", "text/csv");
        HttpResponse<String> direct = server.post("/sparql", "application/sparql-query", SELECT, "Accept", "text/csv");
        assertEquals(200, form.statusCode());
        assertEquals(200, direct.statusCode());
        assertEquals("label\r\nKazakhstan\r\n", form.body());
        assertEquals(form.body(), direct.body());
    }

    @ParameterizedTest
    @CsvSource({
            "application/sparql-results+xml, application/sparql-results+xml, <literal xml:lang=\"en\">Kazakhstan</literal>",
            "text/csv, text/csv, Kazakhstan",
            "text/tab-separated-values, text/tab-separated-values, \"Kazakhstan\"@en"})
    void select_results_come_in_the_format_the_client_accepts(String accept, String type, String expected) {
        HttpResponse<String> r = server.get("/sparql?query=" + enc(SELECT), "Accept", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
        assertTrue(r.body().contains(expected), r.body());
    }

    @ParameterizedTest
    @CsvSource({"json, application/sparql-results+json", "xml, application/sparql-results+xml",
            "csv, text/csv", "tsv, text/tab-separated-values"})
    void format_parameter_chooses_the_results_format(String format, String type) {
        HttpResponse<String> r = server.get("/sparql?format=" + format + "&query=" + enc(SELECT));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
    }

    @ParameterizedTest
    @CsvSource({"text/turtle, TURTLE", "application/ld+json, JSONLD", "application/n-triples, NTRIPLES",
            "application/rdf+xml, RDFXML", "application/trig, TRIG"})
    void construct_results_come_in_every_rdf_format(String accept, String lang) {
        HttpResponse<String> r = server.get("/sparql?query=" + enc(CONSTRUCT), "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        Lang l = switch (lang) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            case "RDFXML" -> Lang.RDFXML;
            default -> Lang.TRIG;
        };
        var dsg = RDFParser.fromString(r.body(), l).toDatasetGraph();
        Graph g = dsg.getUnionGraph().isEmpty() ? dsg.getDefaultGraph() : dsg.getUnionGraph();
        assertEquals(3, g.size() + (dsg.getUnionGraph().isEmpty() ? 0 : dsg.getDefaultGraph().size()));
    }

    @Test
    void the_default_graph_is_the_union_and_named_graphs_stay_queryable() {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/ica-kg/id/passage/fixture-01> { ?s ?p ?o } }";
        HttpResponse<String> r = server.get("/sparql?query=" + enc(q), "Accept", "text/csv");
        assertEquals("n\r\n3\r\n", r.body());
        String withoutGraph = "ASK { <https://w3id.org/ica-kg/id/state/kazakhstan> <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?o }";
        HttpResponse<String> union = server.get("/sparql?query=" + enc(withoutGraph), "Accept", "text/csv");
        assertTrue(union.body().toLowerCase().contains("true"), union.body());
    }

    @Test
    void malformed_query_gives_400_with_line_and_column() {
        HttpResponse<String> r = server.get("/sparql?query=" + enc("SELECT ?x WHERE {\n  ?x ?y \n}"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("line 3"), r.body());
        assertTrue(r.body().contains("column"), r.body());
    }

    @Test
    void updates_through_sparql_are_refused_and_change_nothing() {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        HttpResponse<String> direct = server.post("/sparql", "application/sparql-update", update);
        HttpResponse<String> form = server.post("/sparql", "application/x-www-form-urlencoded", "update=" + enc(update));
        assertEquals(400, direct.statusCode());
        assertEquals(400, form.statusCode());
        assertTrue(direct.body().contains("/update"), direct.body());
        HttpResponse<String> count = server.get("/sparql?query=" + enc("ASK { <urn:x> ?p ?o }"), "Accept", "text/csv");
        assertTrue(count.body().toLowerCase().contains("false"), count.body());
    }

    @Test
    void get_without_a_query_gives_the_service_description() {
        HttpResponse<String> r = server.get("/sparql", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        var g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(g.contains(org.apache.jena.graph.Node.ANY,
                org.apache.jena.graph.NodeFactory.createURI(sd + "endpoint"),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/ica-kg/sparql")), r.body());
        assertTrue(r.body().contains("UnionDefaultGraph"));
    }

    @Test
    void browsers_asking_the_endpoint_are_sent_to_the_editor() {
        HttpResponse<String> r = server.get("/sparql", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(303, r.statusCode());
        assertEquals("/query", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void cors_headers_are_on_query_answers_and_on_other_read_paths() {
        for (String path : new String[] {"/sparql?query=" + enc(SELECT), "/id/state/kazakhstan", "/void", "/health"}) {
            HttpResponse<String> r = server.get(path, "Origin", "http://example.org");
            assertEquals(200, r.statusCode(), path);
            String allowed = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
            assertTrue(allowed.equals("*") || allowed.equals("http://example.org"), path + " allowed: " + allowed);
        }
    }

    @Test
    void cors_preflight_for_a_post_query_is_answered() {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/sparql")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", "http://example.org", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        assertTrue(r.statusCode() < 300, "status " + r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    }
}
