package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.icakg.support.Fixtures;
import org.icakg.support.Maintainer;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default graph is the union of the passage graphs and {@code GRAPH ?g} names exactly the passages that hold a
 * statement, after writes and deletes through {@code /update}, in memory and in TDB2.
 */
class UnionGraphTest {

    static final String PREFIXES = """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            PREFIX state: <https://w3id.org/ica-kg/id/state/>
            PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    static final String PASSAGE = "https://w3id.org/ica-kg/id/passage/";
    static final String COMMENT = "state:india rdfs:comment 'held twice'";

    @TempDir
    Path tmp;

    TestServer start(String store) {
        Path users = Maintainer.usersFile(tmp);
        if (store.equals("tdb2"))
            return Maintainer.server(tmp);
        return TestServer.serving(Fixtures.inMemory(), c -> c.withUsersFile(users));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "tdb2"})
    void a_statement_held_by_two_passages_stays_in_the_union_until_both_drop_it(String store) {
        try (TestServer server = start(store)) {
            assertEquals(200, update(server, "INSERT DATA { GRAPH passage:a { " + COMMENT + " } GRAPH passage:b { "
                    + COMMENT + " } }").statusCode());
            assertEquals(List.of(PASSAGE + "a", PASSAGE + "b"), graphsHolding(server));
            assertEquals(List.of("1"), inUnion(server), "the union holds the statement once");

            assertEquals(200, update(server, "DELETE DATA { GRAPH passage:a { " + COMMENT + " } }").statusCode());
            assertEquals(List.of(PASSAGE + "b"), graphsHolding(server));
            assertEquals(List.of("1"), inUnion(server), "passage b still holds it");

            assertEquals(200, update(server, "DELETE DATA { GRAPH passage:b { " + COMMENT + " } }").statusCode());
            assertEquals(List.of(), graphsHolding(server));
            assertEquals(List.of("0"), inUnion(server));

            assertEquals(200, update(server, "INSERT DATA { GRAPH passage:c { " + COMMENT + " } }").statusCode());
            assertEquals(List.of(PASSAGE + "c"), graphsHolding(server));
            assertEquals(List.of("1"), inUnion(server));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "tdb2"})
    void a_refused_write_leaves_the_union_and_the_graphs_of_each_statement_unchanged(String store) {
        try (TestServer server = start(store)) {
            assertEquals(200, update(server, "INSERT DATA { GRAPH passage:a { " + COMMENT + " } }").statusCode());
            HttpResponse<String> refused = update(server, "DELETE DATA { GRAPH passage:a { " + COMMENT + " } } ; "
                    + "INSERT DATA { GRAPH passage:b { " + COMMENT + " . state:atlantis a ica:State ; "
                    + "ica:population 'many' } }");
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals(List.of(PASSAGE + "a"), graphsHolding(server));
            assertEquals(List.of("1"), inUnion(server));
            assertEquals(List.of("0"), select(server, "SELECT (COUNT(*) AS ?n) WHERE { state:atlantis ?p ?o }", "n"));
        }
    }

    static HttpResponse<String> update(TestServer server, String sparql) {
        return server.post("/update", "application/sparql-update", PREFIXES + sparql, "Authorization", Maintainer.AUTH);
    }

    static List<String> graphsHolding(TestServer server) {
        return select(server, "SELECT ?g WHERE { GRAPH ?g { " + COMMENT + " } } ORDER BY ?g", "g");
    }

    static List<String> inUnion(TestServer server) {
        return select(server, "SELECT (COUNT(*) AS ?n) WHERE { " + COMMENT + " }", "n");
    }

    static List<String> select(TestServer server, String query, String var) {
        HttpResponse<String> r = server.get("/sparql?query=" + TestServer.enc(PREFIXES + query),
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        ResultSet rs = ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(r.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        List<String> out = new ArrayList<>();
        Function<org.apache.jena.rdf.model.RDFNode, String> text = n -> n.isLiteral() ? n.asLiteral().getLexicalForm()
                : n.asResource().getURI();
        rs.forEachRemaining(row -> out.add(text.apply(row.get(var))));
        return out;
    }
}
