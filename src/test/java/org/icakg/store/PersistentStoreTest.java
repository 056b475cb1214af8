package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.core.DatasetGraph;
import org.icakg.cli.Main;
import org.icakg.kb.KnowledgeBase;
import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --store DIR}: loaded once, reopened after, and clear errors for a store that cannot be used. */
class PersistentStoreTest {

    @TempDir
    Path tmp;

    @Test
    void the_first_open_loads_the_bundle_and_later_opens_reuse_the_store() {
        Path dir = tmp.resolve("store");
        KnowledgeBase first = Fixtures.tdb2(dir);
        long quads = count(first.dataset());
        assertTrue(quads > 0);
        Stores.close(first.dataset());
        KnowledgeBase again = Fixtures.tdb2(dir);
        assertEquals(quads, count(again.dataset()));
        Stores.close(again.dataset());
    }

    @Test
    void a_reopened_store_offers_the_prefixes_shapes_and_ontology_of_its_first_open() {
        Path dir = tmp.resolve("store");
        KnowledgeBase first = Fixtures.tdb2(dir);
        var prefixes = first.prefixes().getMapping();
        int shapes = first.shapes().numShapes();
        int ontology = first.ontology().size();
        Stores.close(first.dataset());
        KnowledgeBase again = Fixtures.tdb2(dir);
        // A reopened store reads no data file again, yet offers every prefix its files declared (kept in the store).
        var reopened = again.prefixes().getMapping();
        assertTrue(reopened.containsKey("ica") && reopened.containsKey("sh") && reopened.containsKey("icash"),
                "the ontology's and the shapes' prefixes: " + reopened);
        assertEquals("https://w3id.org/ica-kg/id/forum/", reopened.get("forum"), "the data's prefixes: " + reopened);
        assertEquals(prefixes, reopened);
        assertTrue(shapes > 0);
        assertEquals(shapes, again.shapes().numShapes());
        assertEquals(ontology, again.ontology().size());
        Stores.close(again.dataset());
    }

    @Test
    void a_store_built_before_prefixes_were_kept_gets_the_ontologys_at_its_first_reopen_and_keeps_them() {
        Path dir = tmp.resolve("store");
        FirstOpen first = storeWithoutKeptPrefixes(dir);

        KnowledgeBase again = Fixtures.tdb2(dir);
        var reopened = again.prefixes().getMapping();
        assertTrue(reopened.containsKey("ica") && reopened.containsKey("icash"),
                "the ontology's and the shapes' prefixes: " + reopened);
        assertEquals(first.ontology(), again.ontology().size());
        Stores.close(again.dataset());

        DatasetGraph store = Stores.tdb2(dir);
        try {
            var kept = Stores.keptPrefixes(store).getMapping();
            assertEquals(reopened.get("ica"), kept.get("ica"), "kept in the store for the next reopen: " + kept);
            assertFalse(kept.containsKey("icash"), "only the ontology's, not the shapes' (read at every start): " + kept);
        } finally {
            Stores.close(store);
        }
    }

    @Test
    void a_store_built_before_prefixes_were_kept_gives_them_to_a_first_reader_in_a_transaction() {
        Path dir = tmp.resolve("store");
        FirstOpen first = storeWithoutKeptPrefixes(dir);

        KnowledgeBase again = Fixtures.tdb2(dir);
        try {
            // A page asks for the prefixes first, inside its read transaction, where they cannot be kept.
            var read = org.apache.jena.system.Txn.calculateRead(again.dataset(), () -> again.prefixes().getMapping());
            assertEquals(first.prefixes().get("ica"), read.get("ica"), "the ontology's prefixes: " + read);
            assertTrue(read.containsKey("icash"), "and the shapes': " + read);
        } finally {
            Stores.close(again.dataset());
        }
    }

    /** What a first open offered: its prefixes and the number of the ontology's statements. */
    private record FirstOpen(java.util.Map<String, String> prefixes, int ontology) {}

    /** A new store in {@code dir}, its kept prefixes then cleared, as stores were built before they were kept. */
    private static FirstOpen storeWithoutKeptPrefixes(Path dir) {
        KnowledgeBase first = Fixtures.tdb2(dir);
        FirstOpen seen = new FirstOpen(first.prefixes().getMapping(), first.ontology().size());
        DatasetGraph dsg = first.dataset();
        org.apache.jena.system.Txn.executeWrite(dsg, () -> dsg.prefixes().clear());
        Stores.close(dsg);
        return seen;
    }

    @Test
    void an_entity_served_from_a_reopened_store_is_written_with_the_prefixes_of_the_data() throws Exception {
        Path store = tmp.resolve("store");
        Stores.close(Fixtures.tdb2(store).dataset());
        try (TestServer server = TestServer.serving(Fixtures.tdb2(store), c -> c.withStore(store))) {
            String turtle = server.get("/id/state/kazakhstan", "Accept", "text/turtle").body();
            assertTrue(turtle.contains("PREFIX forum:") && turtle.contains("forum:dialogue"), turtle);
            assertTrue(turtle.contains("PREFIX state:") && turtle.contains("state:india"), turtle);
        }
    }

    @Test
    void a_new_store_holds_the_same_statements_inferences_and_graphs_as_a_load_in_memory() {
        KnowledgeBase stored = Fixtures.tdb2(tmp.resolve("store"));
        KnowledgeBase inMemory = Fixtures.inMemory();
        java.util.Set<org.apache.jena.sparql.core.Quad> expected = namedQuads(inMemory.dataset());
        assertTrue(expected.stream().anyMatch(q -> inMemory.vocab().isInferred(q.getGraph())), "the bundle entails something");
        java.util.Set<org.apache.jena.sparql.core.Quad> actual = namedQuads(stored.dataset());
        java.util.Set<org.apache.jena.sparql.core.Quad> missing = new java.util.HashSet<>(expected), extra = new java.util.HashSet<>(actual);
        missing.removeAll(actual);
        extra.removeAll(expected);
        assertEquals(java.util.Set.of(), missing, "in memory, not in the store");
        assertEquals(java.util.Set.of(), extra, "in the store only");
        Stores.close(stored.dataset());
    }

    /** The quads without blank nodes (their labels differ from one parse to the next). */
    private static java.util.Set<org.apache.jena.sparql.core.Quad> namedQuads(DatasetGraph dsg) {
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> {
            java.util.Set<org.apache.jena.sparql.core.Quad> out = new java.util.HashSet<>();
            dsg.find().forEachRemaining(q -> {
                if (!q.getSubject().isBlank() && !q.getObject().isBlank())
                    out.add(q);
            });
            return out;
        });
    }

    @Test
    void a_store_in_use_by_another_process_is_a_clear_error_not_a_stack_trace() throws Exception {
        Path dir = tmp.resolve("store");
        KnowledgeBase held = Fixtures.tdb2(dir);
        try {
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "serve", "--store", dir.toString(), "--port", "0", "--data", Fixtures.DIR.resolve("data.trig").toString())
                    .redirectErrorStream(true).start();
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, other.exitValue(), output);
            assertTrue(output.contains("in use by another process"), output);
            assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
        } finally {
            Stores.close(held.dataset());
        }
    }

    @Test
    void a_start_on_a_store_that_holds_data_says_it_reopened_it_and_did_not_load_the_files_named() throws Exception {
        Path dir = tmp.resolve("store");
        Stores.close(Fixtures.tdb2(dir).dataset());
        Path other = Files.writeString(tmp.resolve("other.ttl"), "<https://example.org/a> <https://example.org/b> 1 .");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--store", dir.toString(), "--port", "0", "--data", other.toString())
                .redirectErrorStream(true).start();
        // A start that never says it serves is ended, which ends the read below, rather than hanging the build.
        java.util.concurrent.CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(server::destroyForcibly);
        StringBuilder said = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            // Everything a start says comes before the line that it serves (or the end, should it fail).
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                said.append(line).append('\n');
                if (line.contains("ica-kg serving"))
                    break;
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        String output = said.toString();
        assertTrue(output.contains("Opening store " + dir), output);
        assertTrue(output.contains("already held data and was reopened as it is: [" + other + "] not loaded"), output);
        assertTrue(output.contains("ica-kg serving"), output);
    }

    @Test
    void a_store_folder_that_cannot_be_created_is_a_clear_error() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"serve", "--store", file.resolve("store").toString(), "--port", "0"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("error: cannot create store directory"), err.toString());
    }

    static long count(DatasetGraph dsg) {
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> {
            long n = 0;
            for (var it = dsg.find(); it.hasNext(); it.next())
                n++;
            return n;
        });
    }

}
