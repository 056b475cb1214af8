package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entity IRIs answer HTML to browsers and RDF to tools, by Accept and by ?format=. */
class DereferencingTest {

    static final Node KAZAKHSTAN = NodeFactory.createURI("https://w3id.org/ica-kg/id/state/kazakhstan");
    static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    @Test
    void curl_without_accept_gets_turtle() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        assertTrue(g.contains(KAZAKHSTAN, LABEL, NodeFactory.createLiteralLang("Kazakhstan", "en")));
    }

    @Test
    void curl_with_any_type_gets_turtle() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept", "*/*");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    }

    @Test
    void browsers_get_html() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("Kazakhstan"));
        assertTrue(VaryTest.variesByAccept(r), r.headers().map().toString());
    }

    @ParameterizedTest
    @CsvSource({"application/ld+json, application/ld+json, JSONLD", "application/n-triples, application/n-triples, NTRIPLES",
            "application/rdf+xml, application/rdf+xml, RDFXML", "application/trig, application/trig, TRIG",
            "application/json, application/ld+json, JSONLD"})
    void tools_get_the_rdf_format_they_accept(String accept, String type, String lang) {
        HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
        assertTrue(parse(r.body(), lang).contains(KAZAKHSTAN, LABEL, Node.ANY));
    }

    @ParameterizedTest
    @CsvSource({"turtle, text/turtle", "jsonld, application/ld+json", "ntriples, application/n-triples",
            "rdfxml, application/rdf+xml", "trig, application/trig", "html, text/html"})
    void format_parameter_overrides_accept(String format, String type) {
        HttpResponse<String> r = server.get("/id/state/kazakhstan?format=" + format, "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
    }

    @Test
    void trig_keeps_the_passage_each_statement_comes_from() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan?format=trig");
        var dsg = RDFParser.fromString(r.body(), Lang.TRIG).toDatasetGraph();
        assertTrue(dsg.contains(NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/fixture-01"),
                KAZAKHSTAN, LABEL, Node.ANY));
    }

    @Test
    void incoming_links_are_part_of_the_description() {
        HttpResponse<String> r = server.get("/id/state/india", "Accept", "text/turtle");
        Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        assertTrue(g.contains(KAZAKHSTAN, Node.ANY, NodeFactory.createURI("https://w3id.org/ica-kg/id/state/india")));
    }

    @Test
    void unknown_iris_get_404() {
        HttpResponse<String> r = server.get("/id/state/atlantis", "Accept", "text/turtle");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("atlantis"));
    }

    @Test
    void unknown_format_gets_400_naming_the_choices() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan?format=yaml");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("yaml") && r.body().contains("turtle"), r.body());
    }

    @Test
    void an_accept_header_nothing_matches_gets_406() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept", "image/png");
        assertEquals(406, r.statusCode());
    }

    @Test
    void ontology_and_shapes_dereference_too() {
        HttpResponse<String> o = server.get("/ontology", "Accept", "text/turtle");
        HttpResponse<String> s = server.get("/shapes", "Accept", "text/turtle");
        assertEquals(200, o.statusCode());
        assertEquals(200, s.statusCode());
        assertFalse(server.get("/ontology", "Accept", "text/html").body().isEmpty());
    }

    static Graph parse(String body, String lang) {
        Lang l = switch (lang) {
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            case "RDFXML" -> Lang.RDFXML;
            default -> Lang.TRIG;
        };
        var dsg = RDFParser.fromString(body, l).toDatasetGraph();
        Graph all = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> all.add(q.asTriple()));
        return all;
    }
}
