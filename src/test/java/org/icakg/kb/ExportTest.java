package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.update.UpdateFactory;
import org.icakg.cli.Main;
import org.icakg.store.Stores;
import org.icakg.support.Fixtures;
import org.icakg.write.AuditLog;
import org.icakg.write.WriteGate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --store DIR --out DIR}: the store back as files that load into the same data set, byte-stable. */
class ExportTest {

    @TempDir
    Path tmp;
    Path store;

    /** A store changed by writes (additions, a deletion, a statement in the default graph) and then closed. */
    @BeforeEach
    void storeWithWrites() {
        store = tmp.resolve("store");
        KnowledgeBase kb = Fixtures.tdb2(store);
        WriteGate gate = new WriteGate(kb, AuditLog.inMemory());
        String update = """
                PREFIX ica: <https://w3id.org/ica-kg/ontology#>
                PREFIX state: <https://w3id.org/ica-kg/id/state/>
                PREFIX forum: <https://w3id.org/ica-kg/id/forum/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/added-01> {
                    state:uzbekistan a ica:State ; rdfs:label "Uzbekistan"@en ; ica:memberOf forum:dialogue ;
                        rdfs:comment "Line one\\nline \\"two\\"" } } ;
                INSERT DATA { state:india rdfs:comment "unattributed" } ;
                DELETE DATA { GRAPH <https://w3id.org/ica-kg/id/passage/statement-02> {
                    <https://w3id.org/ica-kg/id/place/almaty> ica:locatedIn <https://w3id.org/ica-kg/id/place/kazakhstan-land> } }
                """;
        var outcome = gate.write("alice", dsg -> UpdateExec.dataset(dsg).update(UpdateFactory.create(update)).execute(), List.of());
        assertTrue(outcome.committed(), outcome.report().findings().toString());
        Stores.close(kb.dataset());
    }

    int export(Path out, PrintStream err) {
        return Main.run(new String[] {"export", "--store", store.toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), err);
    }

    @Test
    void exported_files_load_into_a_data_set_isomorphic_to_the_store() throws IOException {
        assertEquals(0, export(tmp.resolve("out"), System.err));
        List<Path> files = files(tmp.resolve("out"));
        KnowledgeBase reloaded = KnowledgeBase.open(Fixtures.bundle(files), Vocab.DEFAULT, Stores.inMemory());
        DatasetGraph original = Stores.tdb2(store);
        try {
            assertTrue(IsoMatcher.isomorphic(Fixtures.copy(original), Fixtures.copy(reloaded.dataset())),
                    "asserted, ontology and recomputed inferred graphs all match");
        } finally {
            Stores.close(original);
        }
    }

    @Test
    void the_layout_of_data_one_file_per_document_without_the_inferred_graph_or_the_ontology() throws IOException {
        export(tmp.resolve("out"), System.err);
        List<String> names = files(tmp.resolve("out")).stream().map(p -> tmp.resolve("out").relativize(p).toString()).toList();
        assertEquals(List.of("data/id/passage/added-01.trig", "data/sources.trig", "data/statement.trig",
                "data/unattributed.trig"), names);
        String statement = Files.readString(tmp.resolve("out/data/statement.trig"));
        assertTrue(statement.indexOf("passage:statement-01") < statement.indexOf("passage:statement-02")
                && statement.indexOf("passage:statement-01") >= 0, "the document's passages, in order, in one file:\n" + statement);
    }

    @Test
    void exporting_the_same_store_twice_gives_byte_identical_files() throws IOException {
        export(tmp.resolve("a"), System.err);
        export(tmp.resolve("b"), System.err);
        List<Path> a = files(tmp.resolve("a")), b = files(tmp.resolve("b"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++)
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
    }

    @Test
    void a_missing_store_or_a_folder_in_use_are_clear_errors() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"export", "--store", tmp.resolve("none").toString(), "--out", tmp.resolve("o").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no store at"), err.toString());
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/keep.ttl"), "");
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertEquals(2, export(tmp.resolve("full"), new PrintStream(err2, true, StandardCharsets.UTF_8)));
        assertTrue(err2.toString(StandardCharsets.UTF_8).contains("is not empty"), err2.toString());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

}
