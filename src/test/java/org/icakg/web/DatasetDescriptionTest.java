package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** VoID / DCAT with live counts, dumps in every RDF format, Graph Store reads, health and metrics. */
class DatasetDescriptionTest {

    static final String VOID = "http://rdfs.org/ns/void#";
    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    @Test
    void void_states_the_live_triple_count_the_licence_and_the_endpoint() {
        HttpResponse<String> r = server.get("/void", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        Node triples = g.find(Node.ANY, NodeFactory.createURI(VOID + "triples"), Node.ANY).next().getObject();
        String count = server.get("/sparql?query=" + TestServer.enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
                "Accept", "text/csv").body().split("\r\n")[1];
        assertEquals(count, triples.getLiteralLexicalForm());
        assertTrue(r.body().contains("creativecommons.org/licenses/by/4.0"));
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(VOID + "sparqlEndpoint"),
                NodeFactory.createURI("https://w3id.org/ica-kg/sparql")));
        assertTrue(r.body().contains("dcat:Dataset") || r.body().contains("http://www.w3.org/ns/dcat#Dataset"));
    }

    @Test
    void the_trig_dump_holds_every_named_graph_of_the_store() {
        HttpResponse<String> r = server.get("/dumps/ica-kg.trig");
        assertEquals(200, r.statusCode());
        DatasetGraph dump = RDFParser.fromString(r.body(), Lang.TRIG).toDatasetGraph();
        DatasetGraph store = server.server().knowledgeBase().dataset();
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createGeneral();
        org.apache.jena.system.Txn.executeRead(store, () -> store.find().forEachRemaining(copy::add));
        assertTrue(IsoMatcher.isomorphic(copy, dump));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ttl", "jsonld", "nt", "rdf", "trig", "nq"})
    void dumps_in_every_rdf_format_hold_the_whole_store(String ext) {
        HttpResponse<String> r = server.get("/dumps/ica-kg." + ext);
        assertEquals(200, r.statusCode());
        Lang lang = org.apache.jena.riot.RDFLanguages.fileExtToLang(ext);
        DatasetGraph dump = RDFParser.fromString(r.body(), lang).toDatasetGraph();
        DatasetGraph store = server.server().knowledgeBase().dataset();
        if (dump.listGraphNodes().hasNext()) {
            // A quad format: every named graph, statement for statement.
            DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createGeneral();
            org.apache.jena.system.Txn.executeRead(store, () -> store.find().forEachRemaining(copy::add));
            assertTrue(IsoMatcher.isomorphic(copy, dump), ext + " dump differs from the store");
        } else {
            // A triple format: the union of the graphs.
            Graph union = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            org.apache.jena.system.Txn.executeRead(store, () -> store.getUnionGraph().find().forEachRemaining(union::add));
            assertTrue(union.size() > 0);
            assertTrue(dump.getDefaultGraph().isIsomorphicWith(union), ext + " dump differs from the union of the graphs");
        }
    }

    @Test
    void graph_store_reads_a_named_graph_and_the_default_graph() {
        HttpResponse<String> g = server.get("/data?graph=" + TestServer.enc("https://w3id.org/ica-kg/id/passage/fixture-01"),
                "Accept", "application/n-triples");
        assertEquals(200, g.statusCode());
        assertEquals(3, g.body().strip().split("\n").length);
        assertEquals(200, server.get("/data?default", "Accept", "text/turtle").statusCode());
        assertEquals(404, server.get("/data?graph=" + TestServer.enc("https://example.org/none")).statusCode());
    }

    @Test
    void health_answers_quickly_and_metrics_count_requests() {
        HttpResponse<String> h = server.get("/health");
        assertEquals(200, h.statusCode());
        assertTrue(h.body().contains("\"ok\""));
        server.get("/void");
        HttpResponse<String> m = server.get("/metrics");
        assertTrue(m.body().contains("route=\"/void\""), m.body());
    }
}
