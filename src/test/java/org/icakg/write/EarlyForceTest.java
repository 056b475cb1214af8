package org.icakg.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.update.UpdateFactory;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;
import org.icakg.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store's files are forced in parallel before each commit: the right files, and writes that are kept. */
class EarlyForceTest {

    @TempDir
    Path tmp;

    static final String MEETING = BundledWritesTest.PREFIXES + "INSERT DATA { " + BundledWritesTest.FIFTH + " }";
    static final String ASK_MEETING = "ASK { GRAPH ?g { <https://w3id.org/ica-kg/id/meeting/india-central-asia-dialogue-5> "
            + "<https://w3id.org/ica-kg/ontology#sessionNumber> 5 } }";

    static Set<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }

    @Test
    void the_index_and_node_files_of_the_current_data_folder_are_forced_never_the_journal() {
        KnowledgeBase kb = Fixtures.tdb2(tmp.resolve("store"));
        DatasetGraph dsg = kb.dataset();
        List<Path> files = EarlyForce.files(dsg);
        Set<String> names = names(files);
        assertTrue(names.containsAll(Set.of("SPOG.dat", "SPOG.idn", "GSPO.dat", "POSG.dat", "OSPG.dat", "nodes.dat",
                "nodes.idn", "nodes-data.obj", "prefixes.dat", "prefixes-data.obj")), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.endsWith(".jrnl") || n.endsWith(".bpt") || n.endsWith(".lock")
                || n.endsWith(".bdf")), names.toString());
        assertTrue(files.stream().allMatch(p -> p.getParent().getFileName().toString().equals("Data-0001")), files.toString());

        // A compacted store lives in a new folder: the next write forces that folder's files.
        DatabaseMgr.compact(dsg, true);
        List<Path> compacted = EarlyForce.files(dsg);
        assertEquals(names, names(compacted));
        assertTrue(compacted.stream().allMatch(p -> p.getParent().getFileName().toString().equals("Data-0002")),
                compacted.toString());
        Stores.close(dsg);
    }

    @Test
    void a_data_set_in_memory_has_no_files_to_force() throws Exception {
        KnowledgeBase kb = Fixtures.inMemory();
        assertEquals(List.of(), EarlyForce.files(kb.dataset()));
        new EarlyForce().start(kb.dataset()).get(5, TimeUnit.SECONDS);
    }

    static KnowledgeBase bundled(Path dir) {
        return KnowledgeBase.open(Bundle.bundled(), Vocab.DEFAULT, Stores.tdb2(dir));
    }

    @Test
    void forcing_during_a_write_keeps_it_whole_and_the_reopened_store_has_it() throws Exception {
        Path dir = tmp.resolve("store");
        KnowledgeBase kb = bundled(dir);
        DatasetGraph dsg = kb.dataset();
        // The files forced while a write is still open, then the write aborted: nothing of it is kept.
        var request = UpdateFactory.create(MEETING);
        Txn.executeWrite(dsg, () -> {
            UpdateExec.dataset(dsg).update(request).execute();
            new EarlyForce().start(dsg).join();
            dsg.abort();
        });
        assertFalse(ask(dsg));
        WriteGate gate = WriteGate.open(kb, dir);
        WriteGate.Outcome outcome = gate.write("alice", d -> UpdateExec.dataset(d).update(request).execute(), List.of());
        assertTrue(outcome.committed(), () -> outcome.report().findings().toString());
        Stores.close(dsg);

        KnowledgeBase again = bundled(dir);
        assertTrue(ask(again.dataset()));
        Stores.close(again.dataset());
    }

    static boolean ask(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> org.apache.jena.sparql.exec.QueryExec.dataset(dsg).query(ASK_MEETING).ask());
    }
}
