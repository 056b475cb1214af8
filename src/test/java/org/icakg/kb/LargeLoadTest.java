package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.icakg.store.Stores;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file large enough to be parsed on a thread of its own while the store is filled: a syntax error far into it
 * is reported with its line and column and nothing of the file is kept; without the error, every statement is loaded,
 * and a server started on it serves them.
 */
class LargeLoadTest {

    /** Passages of the generated file: with their quotes, more than {@link Loader#PARSE_AHEAD_BYTES}. */
    private static final int PASSAGES = 6_000;
    private static final String QUOTE = "Delegations met to discuss the corridor, the minerals and the ports. ".repeat(10);

    @TempDir
    Path dir;

    @Test
    void a_syntax_error_far_into_a_large_file_names_its_line_and_column_and_nothing_is_loaded() throws IOException {
        // The error: a label without the ";" before the next predicate, in the last passage but one.
        Path file = write("broken.trig", PASSAGES - 2);
        long line = lineOf(file, "\"Meeting " + (PASSAGES - 2) + "\"") + 1;
        assertTrue(Files.size(file) > Loader.PARSE_AHEAD_BYTES, "parsed on a thread of its own");
        DatasetGraph dataset = Stores.inMemory();
        KnowledgeBase.LoadException e = assertThrows(KnowledgeBase.LoadException.class,
                () -> KnowledgeBase.open(Bundle.withData(List.of(file)), Vocab.DEFAULT, dataset));
        SyntaxError error = e.errors().get(0);
        assertTrue(error.file().endsWith("broken.trig"), error.toString());
        assertEquals(line, error.line(), "the line after the label without its \";\": " + error);
        assertEquals(9, error.column(), "where the comment's predicate begins: " + error);
        assertTrue(Stores.isEmpty(dataset), "nothing of the file (nor of the bundle's ontology) is kept");
    }

    @Test
    void the_same_file_without_the_error_is_loaded_whole_with_its_inferences() throws IOException {
        Path file = write("whole.trig", -1);
        KnowledgeBase kb = KnowledgeBase.open(Bundle.withData(List.of(file)), Vocab.DEFAULT, Stores.inMemory());
        long meetings = Txn.calculateRead(kb.dataset(), () -> kb.dataset().getUnionGraph().find(null,
                org.apache.jena.vocabulary.RDF.type.asNode(), ica("Meeting")).toList().size());
        assertEquals(PASSAGES, meetings, "every passage's meeting, typed");
        long located = Txn.calculateRead(kb.dataset(), () -> kb.dataset().getUnionGraph().find(null,
                org.apache.jena.vocabulary.RDF.type.asNode(), ica("Event")).toList().size());
        assertEquals(PASSAGES, located, "each meeting is an event by inference, from its own passage");
    }

    @Test
    void the_store_is_sized_from_the_lines_of_the_files_to_load() throws IOException {
        Path file = write("whole.trig", -1);
        long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        assertTrue(Files.size(file) > Loader.SAMPLE_BYTES, "more than the bytes counted");
        long estimate = Loader.estimatedLines(List.of(RdfSource.of(file)));
        assertTrue(Math.abs(estimate - lines) < lines / 20, estimate + " estimated, " + lines + " lines");
        Path small = dir.resolve("small.ttl");
        Files.writeString(small, "@prefix ex: <http://example.org/> .\r\nex:a ex:b ex:c .\r\n\r\nex:a ex:b ex:d .");
        assertEquals(3 + lines, Loader.estimatedLines(List.of(RdfSource.of(small), RdfSource.of(file)))
                - estimate + lines, "a file under the sample is counted whole, and files add up");
        assertEquals(0, Loader.estimatedLines(List.of(new RdfSource("empty.ttl", org.apache.jena.riot.Lang.TURTLE,
                new byte[0]))));
    }

    @Test
    @Timeout(300)
    void a_server_started_on_a_large_file_serves_its_statements_and_pages() throws IOException {
        // Large enough that the server's libraries are warmed up on a thread of their own while it loads.
        Path file = write("served.trig", -1);
        try (TestServer server = TestServer.withData(file)) {
            assertEquals(200, server.get("/health").statusCode());
            String count = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/ica-kg/ontology#Event> }";
            HttpResponse<String> answer = server.get("/sparql?query=" + TestServer.enc(count), "Accept", "text/csv");
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("n\r\n" + PASSAGES + "\r\n", answer.body(), "every meeting is an event, by inference");
            HttpResponse<String> map = server.get("/map");
            assertEquals(200, map.statusCode());
            assertTrue(map.body().contains("<svg"), "the map, drawn from the shipped geometry");
            assertEquals(200, server.get("/").statusCode());
        }
    }

    /** Writes the file; in the passage numbered {@code broken} (when not negative) the label lacks its ";". */
    private Path write(String name, int broken) throws IOException {
        StringBuilder b = new StringBuilder("""
                PREFIX ica: <https://w3id.org/ica-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
                PREFIX meeting: <https://w3id.org/ica-kg/id/meeting/>
                PREFIX state: <https://w3id.org/ica-kg/id/state/>

                """);
        for (int i = 0; i < PASSAGES; i++) {
            b.append("passage:p").append(i).append(" {\n")
                    .append("    meeting:m").append(i).append(" a ica:Meeting ;\n")
                    .append("        rdfs:label \"Meeting ").append(i).append(i == broken ? "\"@en\n" : "\"@en ;\n")
                    .append("        rdfs:comment \"").append(QUOTE).append("\"@en ;\n")
                    .append("        ica:date \"20").append(10 + i % 15).append("-06-1").append(i % 10).append("\"^^xsd:date .\n")
                    .append("}\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }

    private static org.apache.jena.graph.Node ica(String name) {
        return org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/ica-kg/ontology#" + name);
    }

    private static long lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++)
            if (lines.get(i).contains(text))
                return i + 1;
        throw new AssertionError(text + " not in " + file);
    }
}
