package org.icakg.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.update.UpdateFactory;
import org.icakg.kb.KnowledgeBase;
import org.icakg.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log in a folder: an accepted write leaves exactly its patch, under the next id; a refused write leaves no
 * file and takes no id; a patch that cannot be written refuses its write, which then leaves the store as it was.
 */
class AuditFilesTest {

    static final String PREFIXES = WriteGateTest.PREFIXES;
    static final String ACCEPTED = "INSERT DATA { GRAPH passage:t { state:india rdfs:comment 'first' } }";
    static final String REFUSED = "INSERT DATA { GRAPH passage:t { state:atlantis a ica:State ; ica:population 'many' } }";

    @TempDir
    Path storeDir;

    KnowledgeBase kb;
    WriteGate gate;
    Path folder;

    @BeforeEach
    void open() {
        kb = Fixtures.inMemory();
        gate = new WriteGate(kb, AuditLog.inDirectory(storeDir, kb.dataset()));
        folder = storeDir.resolve(AuditLog.FOLDER);
    }

    WriteGate.Outcome update(String sparql) {
        var request = UpdateFactory.create(PREFIXES + sparql);
        return gate.write("alice", dsg -> UpdateExec.dataset(dsg).update(request).execute(), List.of());
    }

    List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_refused_write_leaves_no_file_and_the_next_accepted_one_takes_the_first_id() throws IOException {
        assertFalse(update(REFUSED).committed());
        assertEquals(List.of(), files(), "nothing of the refused write in the audit folder");
        WriteGate.Outcome accepted = update(ACCEPTED);
        assertTrue(accepted.committed(), accepted.report().findings().toString());
        assertEquals("00000001", accepted.audit().id());
        assertFalse(update(REFUSED).committed());
        WriteGate.Outcome second = update("INSERT DATA { GRAPH passage:t { state:india rdfs:comment 'second' } }");
        assertEquals("00000002", second.audit().id(), "a refusal in between takes no id");
        assertEquals(List.of("00000001.rdfp", "00000002.rdfp"), files());
        String patch = Files.readString(folder.resolve("00000001.rdfp"));
        assertTrue(patch.contains("\"first\"") && !patch.contains("atlantis"), patch);
        assertEquals(List.of("00000002", "00000001"), gate.audit().recent(10).stream().map(AuditLog.Entry::id).toList());
    }

    @Test
    void a_patch_that_cannot_be_written_refuses_its_write_and_the_store_is_unchanged() throws IOException {
        DatasetGraph before = Fixtures.copy(kb.dataset());
        Files.delete(folder);
        Files.writeString(folder, "not a folder"); // every file under it now fails to open
        StoreWriteException e = assertThrows(StoreWriteException.class, () -> update(ACCEPTED));
        assertTrue(e.getMessage().startsWith("the store could not be written: ") && e.getMessage().contains("audit"),
                e.getMessage());
        assertTrue(IsoMatcher.isomorphic(before, Fixtures.copy(kb.dataset())), "the write was not committed");
        Files.delete(folder);
        Files.createDirectory(folder);
        WriteGate.Outcome accepted = update(ACCEPTED);
        assertTrue(accepted.committed());
        assertEquals("00000001", accepted.audit().id(), "the refused write's id is given to the next one");
        assertEquals(List.of("00000001.rdfp"), files());
    }
}
