package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {

    private static final Node G1 = iri("graph/1"), G2 = iri("graph/2");
    private static final Node S = iri("s"), P = iri("p"), Q = iri("q");

    private DatasetGraph dsg;

    @BeforeEach
    void twoGraphsSharingOneStatement() {
        dsg = Stores.inMemory();
        Txn.executeWrite(dsg, () -> {
            dsg.add(G1, S, P, iri("a"));
            dsg.add(G2, S, P, iri("a"));
            dsg.add(G2, S, Q, iri("b"));
        });
    }

    @Test
    void sparql_default_graph_is_the_union_of_named_graphs_without_duplicates() {
        assertEquals(List.of("2"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
    }

    @Test
    void named_graphs_stay_queryable_and_graph_variable_lists_no_default_graph() {
        assertEquals(List.of("1"), select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + G1.getURI() + "> { ?s ?p ?o } }", "n"));
        List<String> graphs = select("SELECT ?g WHERE { GRAPH ?g { <" + S.getURI() + "> <" + P.getURI() + "> ?o } } ORDER BY ?g", "g");
        assertEquals(List.of(G1.getURI(), G2.getURI()), graphs);
        assertEquals(List.of(G1.getURI(), G2.getURI()), select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g", "g"));
    }

    @Test
    void the_stored_default_graph_stays_empty_and_the_union_graph_reads_every_statement() {
        Txn.executeRead(dsg, () -> {
            assertFalse(dsg.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).hasNext());
            assertEquals(2, dsg.getUnionGraph().size());
            assertTrue(dsg.getDefaultGraph().contains(S, Q, iri("b")));
        });
    }

    @Test
    void an_aborted_write_transaction_leaves_the_store_unchanged() {
        dsg.begin(TxnType.WRITE);
        dsg.add(G1, S, Q, iri("c"));
        assertEquals(List.of("3"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
        dsg.abort();
        dsg.end();
        assertEquals(List.of("2"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
    }

    private List<String> select(String query, String var) {
        return Txn.calculateRead(dsg, () -> {
            List<String> out = new ArrayList<>();
            QueryExec.dataset(dsg).query(query).select().forEachRemaining(b -> {
                Node n = b.get(var);
                out.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
            });
            return out;
        });
    }

    private static Node iri(String local) { return NodeFactory.createURI("https://example.org/" + local); }
}
