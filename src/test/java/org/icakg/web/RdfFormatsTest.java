package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RDF formats clients ask for by default, at entity IRIs and at {@code /sparql}, and entity documents in quads
 * formats that carry their statements in the default graph as well as in the passage graphs.
 */
class RdfFormatsTest {

    static final Node KAZAKHSTAN = NodeFactory.createURI("https://w3id.org/ica-kg/id/state/kazakhstan");
    static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    static final Node PASSAGE = NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/fixture-01");
    static final Node KAZAKHSTAN_EN = NodeFactory.createLiteralLang("Kazakhstan", "en");
    static final String CONSTRUCT = TestServer.enc("CONSTRUCT WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({
            "text/plain, application/n-triples",
            "'text/plain, */*;q=0.1', application/n-triples",
            "text/n3, text/turtle",
            "'text/n3, */*;q=0.1', text/turtle",
            "text/rdf+n3, text/turtle",
            "application/x-turtle, text/turtle",
            "application/xml, application/rdf+xml",
            "application/json, application/ld+json",
            // rdflib's Graph().parse(url) without a format:
            "'application/rdf+xml,text/rdf+n3;q=0.9,application/xhtml+xml;q=0.5, */*;q=0.1', application/rdf+xml"})
    void an_entity_answers_the_types_clients_ask_for_by_default(String accept, String expected) {
        HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected, contentType(r));
        Graph g = RDFParser.fromString(r.body(), RDFLanguages.contentTypeToLang(expected)).toGraph();
        assertTrue(g.contains(KAZAKHSTAN, LABEL, KAZAKHSTAN_EN), r.body());
    }

    @Test
    void browsers_still_get_html_although_they_accept_xml() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals("text/html", contentType(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nquads", "trig"})
    void an_entity_document_in_a_quads_format_has_its_statements_in_the_default_graph_and_in_their_passage(String f) {
        HttpResponse<String> r = server.get("/id/state/kazakhstan?format=" + f);
        assertEquals(200, r.statusCode());
        DatasetGraph dsg = RDFParser.fromString(r.body(), f.equals("trig") ? Lang.TRIG : Lang.NQUADS).toDatasetGraph();
        assertTrue(dsg.getDefaultGraph().contains(KAZAKHSTAN, LABEL, KAZAKHSTAN_EN), r.body());
        assertTrue(dsg.getGraph(PASSAGE).contains(KAZAKHSTAN, LABEL, KAZAKHSTAN_EN), r.body());
    }

    @Test
    void an_entity_document_in_turtle_states_each_statement_once() {
        String body = server.get("/id/state/kazakhstan?format=ntriples").body();
        assertEquals(1, body.lines().filter(l -> l.contains("\"Kazakhstan\"@en")).count(), body);
    }

    @ParameterizedTest(name = "format={0}")
    @CsvSource({"jsonld, application/ld+json", "rdfxml, application/rdf+xml", "nquads, application/n-quads",
            "ntriples, application/n-triples", "n3, text/turtle", "turtle, text/turtle", "trig, application/trig",
            "json-ld, application/ld+json", "ttl, text/turtle", "nt, application/n-triples"})
    void sparql_construct_answers_in_the_format_named_like_elsewhere_on_the_site(String name, String expected) {
        HttpResponse<String> r = server.get("/sparql?query=" + CONSTRUCT + "&format=" + name);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected, contentType(r));
        Lang lang = RDFLanguages.contentTypeToLang(expected);
        DatasetGraph dsg = RDFParser.fromString(r.body(), lang).toDatasetGraph();
        assertTrue(dsg.getDefaultGraph().contains(KAZAKHSTAN, LABEL, KAZAKHSTAN_EN), r.body());
    }

    @ParameterizedTest(name = "format={0}")
    @CsvSource({"json, application/sparql-results+json", "xml, application/sparql-results+xml", "csv, text/csv"})
    void sparql_select_keeps_fusekis_names_for_results(String name, String expected) {
        HttpResponse<String> r = server.get("/sparql?query=" + TestServer.enc("SELECT * { ?s ?p ?o } LIMIT 1")
                + "&format=" + name);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected, contentType(r));
    }

    @Test
    void sparql_construct_answers_text_plain_as_n_triples() {
        HttpResponse<String> r = server.get("/sparql?query=" + CONSTRUCT, "Accept", "text/plain");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = RDFParser.fromString(r.body(), Lang.NTRIPLES).toGraph();
        assertTrue(g.contains(KAZAKHSTAN, LABEL, KAZAKHSTAN_EN), r.body());
    }
}
