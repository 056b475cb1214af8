package org.icakg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts read from a real TDB2 store's indexes equal what the store holds, and a scan told to stop ends at its
 * next look, leaving a store that closes and opens again.
 */
class Tdb2TotalsTest {

    static final int SUBJECTS = 20_000;

    static DatasetGraph store(Path dir) {
        Dataset ds = TDB2Factory.connectDataset(dir.toString());
        DatasetGraph dsg = ds.asDatasetGraph();
        var type = NodeFactory.createURI("https://example.org/Thing");
        var p = NodeFactory.createURI("https://example.org/p");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < SUBJECTS; i++) {
                var s = NodeFactory.createURI("https://example.org/s" + i);
                for (int g = 0; g < 2; g++) { // each statement in two graphs: counted once
                    var graph = NodeFactory.createURI("https://example.org/g" + g);
                    dsg.add(new Quad(graph, s, RDF.type.asNode(), type));
                    dsg.add(new Quad(graph, s, p, NodeFactory.createURI("https://example.org/o" + i)));
                }
            }
        });
        return dsg;
    }

    @Test
    void counts_read_from_the_indexes_equal_what_the_store_holds_and_a_scan_told_to_stop_ends(@TempDir Path dir) {
        DatasetGraph dsg = store(dir);
        Tdb2Totals totals = Tdb2Totals.of(dsg).orElseThrow();
        Txn.executeRead(dsg, () -> {
            assertEquals(new Tdb2Totals.Totals(2L * SUBJECTS, SUBJECTS), totals.totals());
            assertEquals(SUBJECTS, totals.classes().get(NodeFactory.createURI("https://example.org/Thing")));
            assertEquals(2L * SUBJECTS, totals.graphs().get(NodeFactory.createURI("https://example.org/g1")));
        });
        AtomicInteger looks = new AtomicInteger();
        Tdb2Totals stopping = Tdb2Totals.of(dsg, () -> looks.incrementAndGet() >= 2).orElseThrow();
        assertThrows(CancellationException.class, () -> Txn.executeRead(dsg, stopping::totals));
        assertEquals(2, looks.get(), "the scan ended at the look that said stop, not at its end");
        assertTrue(4L * SUBJECTS > 2L * Tdb2Totals.CHECK_EVERY, "the scan had more to read");
        // The read transaction ended with the scan: the store closes, and opens again with its counts.
        TDBInternal.expel(dsg);
        DatasetGraph again = TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
        Txn.executeRead(again, () -> assertEquals(new Tdb2Totals.Totals(2L * SUBJECTS, SUBJECTS),
                Tdb2Totals.of(again).orElseThrow().totals()));
        TDBInternal.expel(again);
    }

    @Test
    void the_instances_of_a_class_with_their_labels_equal_a_look_up_per_instance(@TempDir Path dir) {
        DatasetGraph dsg = store(dir);
        var type = NodeFactory.createURI("https://example.org/Labelled");
        var label = org.apache.jena.vocabulary.RDFS.label.asNode();
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 300; i++) {
                var s = NodeFactory.createURI("https://example.org/s" + i);
                var graph = NodeFactory.createURI("https://example.org/labels" + (i % 3));
                dsg.add(new Quad(graph, s, RDF.type.asNode(), type));
                if (i % 5 != 0) // some have none
                    dsg.add(new Quad(graph, s, label, NodeFactory.createLiteralLang("Thing " + i, "en")));
                if (i % 7 == 0) // some have two, in two graphs
                    dsg.add(new Quad(NodeFactory.createURI("https://example.org/more"), s, label,
                            NodeFactory.createLiteralString("another name " + i)));
            }
            dsg.add(new Quad(NodeFactory.createURI("https://example.org/more"), NodeFactory.createBlankNode(),
                    RDF.type.asNode(), type));
        });
        Txn.executeRead(dsg, () -> {
            java.util.Map<org.apache.jena.graph.Node, String> expected = new java.util.HashMap<>();
            dsg.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, RDF.type.asNode(), type)
                    .forEachRemaining(q -> {
                        if (q.getSubject().isURI())
                            expected.put(q.getSubject(), Stats.labelOf(dsg, q.getSubject()));
                    });
            assertEquals(300, expected.size());
            assertTrue(expected.containsValue(null), "some without a label");
            java.util.Map<org.apache.jena.graph.Node, String> read = new java.util.HashMap<>();
            for (Tdb2Totals.Instance i : Tdb2Totals.of(dsg).orElseThrow().instancesWithLabels(type))
                assertEquals(null, read.put(NodeFactory.createURI(i.iri()), i.label()), "each instance once: " + i);
            assertEquals(expected, read);
            assertTrue(Tdb2Totals.of(dsg).orElseThrow()
                    .instancesWithLabels(NodeFactory.createURI("https://example.org/NoSuchClass")).isEmpty());
            // Each distinct statement of a predicate once, as a look-up finds them (the labels, some in two graphs).
            java.util.Set<java.util.List<org.apache.jena.graph.Node>> found = new java.util.HashSet<>(), given = new java.util.HashSet<>();
            dsg.getUnionGraph().find(org.apache.jena.graph.Node.ANY, label, org.apache.jena.graph.Node.ANY)
                    .forEachRemaining(t -> found.add(java.util.List.of(t.getSubject(), t.getObject())));
            int[] calls = {0};
            Tdb2Totals.of(dsg).orElseThrow().statements(label, (s, o) -> {
                given.add(java.util.List.of(s, o));
                calls[0]++;
            });
            assertEquals(found, given);
            assertEquals(found.size(), calls[0], "each statement once");
        });
        TDBInternal.expel(dsg);
    }
}
