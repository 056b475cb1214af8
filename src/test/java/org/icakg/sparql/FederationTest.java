package org.icakg.sparql;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Federation both ways with a second SPARQL endpoint on loopback (a stock Fuseki), and clients of other
 * ecosystems (Python's rdflib and SPARQLWrapper) querying this endpoint.
 */
class FederationTest {

    /** Debian's python, where python3-rdflib and python3-sparqlwrapper install. */
    static final String PYTHON = "/usr/bin/python3";
    static final String OTHER_DATA = """
            <https://w3id.org/ica-kg/id/state/kazakhstan> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q232> .
            """;

    static TestServer ours;
    static FusekiServer other;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(OTHER_DATA, Lang.NTRIPLES).parse(dsg);
        other = FusekiServer.create().loopback(true).port(0).add("/other", dsg, false).build().start();
        // The other endpoint is on loopback: allowed only because it is named.
        ours = TestServer.start(c -> c.withData(List.of(Fixtures.TINY))
                .withFederation(c.federation().allowing(List.of(otherEndpoint()))));
    }

    @AfterAll
    static void stop() {
        ours.close();
        other.stop();
    }

    static String otherEndpoint() { return "http://localhost:" + other.getHttpPort() + "/other/sparql"; }

    @Test
    void a_query_here_can_join_with_another_endpoint_through_service() {
        // SERVICE first: the remote is called once. After a pattern, Jena calls it once per solution of the
        // pattern (hundreds with the ontology's labels), each call bounded by the same time limit.
        String q = "SELECT ?label ?wd WHERE { SERVICE <" + otherEndpoint() + "> { ?s <http://www.w3.org/2002/07/owl#sameAs> ?wd } "
                + "?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }";
        var r = ours.get("/sparql?query=" + enc(q), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("label,wd\r\nKazakhstan,http://www.wikidata.org/entity/Q232\r\n", r.body());
    }

    @Test
    void another_endpoint_can_query_this_one_through_service() {
        String q = "SELECT ?wd ?label WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?wd . "
                + "SERVICE <" + ours.url("/sparql") + "> { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } }";
        try (RDFConnection conn = RDFConnection.connect(otherEndpoint());
             QueryExecution qe = conn.query(q)) {
            var row = qe.execSelect().next();
            assertEquals("Kazakhstan", row.getLiteral("label").getLexicalForm());
        }
    }

    @Test
    void jena_clients_query_this_endpoint() {
        try (RDFConnection conn = RDFConnection.queryConnect(ours.url("/sparql"))) {
            assertTrue(conn.queryAsk("ASK { ?s ?p \"Kazakhstan\"@en }"));
        }
    }

    @Test
    void python_sparqlwrapper_queries_this_endpoint() throws Exception {
        String script = """
                import sys
                from SPARQLWrapper import SPARQLWrapper, JSON
                s = SPARQLWrapper(sys.argv[1])
                s.setQuery('SELECT ?l WHERE { <https://w3id.org/ica-kg/id/state/kazakhstan> <http://www.w3.org/2000/01/rdf-schema#label> ?l }')
                s.setReturnFormat(JSON)
                print(s.query().convert()['results']['bindings'][0]['l']['value'])
                """;
        assertEquals("Kazakhstan", python(script, "SPARQLWrapper"));
    }

    @Test
    void python_rdflib_reads_an_entity_and_queries_the_endpoint() throws Exception {
        String script = """
                import sys
                from rdflib import Graph, URIRef
                from rdflib.plugins.stores.sparqlstore import SPARQLStore
                g = Graph()
                g.parse(sys.argv[1].replace('/sparql', '/id/state/kazakhstan'), format='turtle')
                remote = Graph(store=SPARQLStore(sys.argv[1]))
                rows = list(remote.query('SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/ica-kg/id/passage/fixture-01> { ?s ?p ?o } }'))
                print(len(g), int(rows[0][0]))
                """;
        assertEquals("3 3", python(script, "rdflib")); // two statements of Kazakhstan and its neighbour's label
    }

    private String python(String script, String module) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c", "import " + module)
                .start().waitFor() == 0;
        if (!present)
            System.err.println("SKIPPED: " + PYTHON + " with " + module + " is not installed (Debian: python3-rdflib "
                    + "python3-sparqlwrapper; .ci/run installs them)");
        assumeTrue(present, "python3 " + module + " not installed");
        Process p = new ProcessBuilder(PYTHON, "-c", script, ours.url("/sparql")).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
