package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dumps and whole-store Graph Store reads, now written straight from a read transaction of the store: sent chunked as
 * they are written, they hold every statement of every graph, each once. (That no copy of the store is made is not
 * observable over HTTP; this checks that the streamed answers are whole and right.)
 */
class DumpStreamingTest {

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> TestServer.withData(Fixtures.manyStatements(tmp), odd(tmp)));
    /** A copy of the served data set, made before the first test, to compare the dumps with. */
    static DatasetGraph store;

    @BeforeAll
    static void copy() {
        store = Fixtures.copy(server.server().knowledgeBase().dataset());
    }

    /**
     * Beside many statements, the kinds of terms a writer can get wrong: blank nodes (also as a graph's subject and
     * object), language tags, datatypes, quotes, markup, line breaks and non-ASCII text.
     */
    static Path odd(Path dir) {
        try {
            Path odd = dir.resolve("odd.trig");
            java.nio.file.Files.writeString(odd, """
                    PREFIX ica: <https://w3id.org/ica-kg/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                    <https://w3id.org/ica-kg/id/passage/odd-01> {
                      <https://w3id.org/ica-kg/id/thing/odd> rdfs:label "Odd \\"thing\\" <b>&amp;</b>"@en , "Странный"@ru ;
                          rdfs:comment "line one\\nline two" ;
                          ica:note [ rdfs:label "inner" ; ica:count "42"^^xsd:integer ; ica:on "2020-01-02"^^xsd:date ] .
                    }
                    """);
            return odd;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertStreamed(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.headers().firstValue("Content-Length").isPresent(), "streamed: " + r.headers().map());
        assertEquals("chunked", r.headers().firstValue("Transfer-Encoding").orElse(""), r.headers().map().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nq", "trig", "jsonld"})
    void a_quads_dump_streams_every_statement_of_every_graph(String ext) {
        HttpResponse<String> r = server.get("/dumps/ica-kg." + ext);
        assertStreamed(r);
        DatasetGraph dump = RDFParser.fromString(r.body(), RDFLanguages.fileExtToLang(ext)).toDatasetGraph();
        assertTrue(IsoMatcher.isomorphic(store, dump));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nt", "ttl", "rdf"})
    void a_triples_dump_streams_the_union_of_the_graphs_once_each(String ext) {
        HttpResponse<String> r = server.get("/dumps/ica-kg." + ext);
        assertStreamed(r);
        Graph dump = RDFParser.fromString(r.body(), RDFLanguages.fileExtToLang(ext)).toGraph();
        Graph union = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        store.find().forEachRemaining(q -> union.add(q.asTriple()));
        assertTrue(dump.isIsomorphicWith(union));
        if (ext.equals("nt"))
            assertEquals(union.size(), r.body().lines().filter(l -> !l.isBlank()).count(), "no statement twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/n-quads", "application/trig", "application/ld+json"})
    void a_whole_store_graph_store_read_streams(String type) {
        HttpResponse<String> r = server.get("/data", "Accept", type);
        assertStreamed(r);
        assertTrue(IsoMatcher.isomorphic(store, RDFParser.fromString(r.body(), RDFLanguages.contentTypeToLang(type))
                .toDatasetGraph()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data?default", "/data?graph=https%3A%2F%2Fw3id.org%2Fica-kg%2Fid%2Fpassage%2Fload-01"})
    void a_graph_store_read_of_a_large_graph_streams(String path) {
        HttpResponse<String> r = server.get(path, "Accept", "application/n-triples");
        assertStreamed(r);
        assertTrue(RDFParser.fromString(r.body(), Lang.NTRIPLES).toGraph().size() >= 3000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/ld+json", "application/rdf+xml"})
    void a_graph_store_read_of_one_graph_streams_it_whole(String type) {
        String graph = "https://w3id.org/ica-kg/id/passage/load-01";
        HttpResponse<String> r = server.get("/data?graph=" + TestServer.enc(graph), "Accept", type);
        assertStreamed(r);
        Graph read = RDFParser.fromString(r.body(), RDFLanguages.contentTypeToLang(type)).toGraph();
        assertTrue(read.size() >= 3000, "holds the graph: " + read.size());
        assertTrue(read.isIsomorphicWith(store.getGraph(org.apache.jena.graph.NodeFactory.createURI(graph))));
    }
}
