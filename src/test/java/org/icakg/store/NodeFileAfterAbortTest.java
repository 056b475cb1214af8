package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that is refused (its transaction aborted) after it wrote new terms to a TDB2 store's node file, then a read
 * of that file, then a write that commits new terms: every term reads back, in that process and after a reopen. (With
 * Jena 5.6.0's own file class the committed write's terms landed past a run of zero bytes, and the store could not be
 * read again: "NodeTableTRDF/Read: Unrecognized type 0".)
 */
class NodeFileAfterAbortTest {

    @TempDir
    Path tmp;

    private static Quad quad(String graph, String subject, String value) {
        return Quad.create(NodeFactory.createURI("urn:x:graph/" + graph), NodeFactory.createURI("urn:x:" + subject),
                NodeFactory.createURI("urn:x:says"), NodeFactory.createLiteralString(value));
    }

    private static Set<Quad> all(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<Quad> out = new HashSet<>();
            dsg.find().forEachRemaining(out::add);
            return out;
        });
    }

    @Test
    void terms_committed_after_an_aborted_write_and_a_read_read_back() {
        Path dir = tmp.resolve("store");
        Set<Quad> kept = new HashSet<>();
        DatasetGraph first = Stores.tdb2(dir);
        for (int i = 0; i < 50; i++) // some terms longer than the blocks the node file keeps (8 KiB)
            kept.add(quad("first", "s" + i,
                    "a statement stored before the store was reopened ".repeat(i % 10 == 0 ? 300 : 1) + i));
        Txn.executeWrite(first, () -> kept.forEach(first::add));
        Stores.close(first);

        // Reopened: its node cache is empty, so reading an old term reads the node file.
        DatasetGraph store = Stores.tdb2(dir);
        store.begin(org.apache.jena.query.ReadWrite.WRITE);
        for (int i = 0; i < 200; i++)
            store.add(quad("refused", "r" + i, "a term the refused write wrote, ".repeat(20) + i));
        store.abort();
        store.end();
        assertEquals(kept, all(store), "the old terms, read from the file after the aborted write");
        Set<Quad> later = new HashSet<>();
        for (int i = 0; i < 20; i++)
            later.add(quad("later", "l" + i, "a term committed after the refused write ".repeat(i * 25) + i));
        Txn.executeWrite(store, () -> later.forEach(store::add));
        Set<Quad> expected = new HashSet<>(kept);
        expected.addAll(later);
        assertEquals(expected, all(store));
        Stores.close(store);

        DatasetGraph reopened = Stores.tdb2(dir);
        try {
            assertEquals(expected, all(reopened), "every committed term, read from the node file after a reopen");
        } finally {
            Stores.close(reopened);
        }
    }
}
