package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation's look-ups through the union of a TDB2 store's graphs: a subject's values, each once however many graphs
 * state it, the same as the union graph gives, within a write transaction too.
 */
class UnionLookupsTest {

    private static final Node HUB = NodeFactory.createURI("https://w3id.org/ica-kg/id/state/hub"),
            STATE = NodeFactory.createURI("https://w3id.org/ica-kg/ontology#State"),
            PLACE = NodeFactory.createURI("https://w3id.org/ica-kg/ontology#Place"),
            TYPE = RDF.type.asNode();

    @TempDir
    Path tmp;

    @Test
    void a_subjects_values_are_each_found_once_as_the_union_graph_finds_them() {
        DatasetGraph dsg = Stores.tdb2(tmp.resolve("store"));
        try {
            Txn.executeWrite(dsg, () -> {
                for (int g = 0; g < 500; g++)
                    dsg.add(Quad.create(graph(g), HUB, TYPE, g % 2 == 0 ? STATE : PLACE));
                dsg.add(Quad.create(graph(0), HUB, NodeFactory.createURI("urn:x:year"),
                        NodeFactory.createLiteralDT("1991", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
            });
            Txn.executeRead(dsg, () -> {
                Graph lookups = UnionLookups.of(dsg);
                assertEquals(Set.of(STATE, PLACE), lookups.find(HUB, TYPE, Node.ANY).mapWith(Triple::getObject).toSet());
                assertEquals(2, lookups.find(HUB, TYPE, Node.ANY).toList().size(), "each value once");
                assertEquals(dsg.getUnionGraph().find(HUB, Node.ANY, Node.ANY).toSet(),
                        lookups.find(HUB, Node.ANY, Node.ANY).toSet(), "other patterns as the union graph");
                assertEquals("1991", lookups.find(HUB, NodeFactory.createURI("urn:x:year"), Node.ANY).next()
                        .getObject().getLiteralLexicalForm(), "an inline value decoded");
                assertFalse(lookups.find(NodeFactory.createURI("urn:x:unknown"), TYPE, Node.ANY).hasNext());
                assertTrue(lookups.contains(HUB, TYPE, STATE));
                assertFalse(lookups.contains(HUB, TYPE, NodeFactory.createURI("urn:x:NoSuchClass")));
                assertEquals(List.of(Triple.create(HUB, TYPE, PLACE)), lookups.find(HUB, TYPE, PLACE).toList(),
                        "a statement held by 250 graphs, once");
            });
            dsg.begin(TxnType.WRITE);
            try {
                Node country = NodeFactory.createURI("https://w3id.org/ica-kg/ontology#Country");
                dsg.add(Quad.create(graph(9999), HUB, TYPE, country));
                assertTrue(UnionLookups.of(dsg).find(HUB, TYPE, Node.ANY).mapWith(Triple::getObject).toSet()
                        .contains(country), "what the write added so far");
            } finally {
                dsg.abort();
                dsg.end();
            }
        } finally {
            Stores.close(dsg);
        }
    }

    @Test
    void in_memory_the_union_graph_is_used_as_it_is() {
        DatasetGraph dsg = Stores.inMemory();
        Txn.executeRead(dsg, () -> assertSame(dsg.getUnionGraph().getClass(), UnionLookups.of(dsg).getClass()));
    }

    private static Node graph(int n) {
        return NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/p-" + n);
    }
}
