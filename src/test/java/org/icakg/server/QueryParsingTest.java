package org.icakg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.junit.jupiter.api.Test;

/**
 * A parser whose lexer buffers and base resolver are reused by a thread reads every query exactly as Jena's
 * {@code QueryFactory.parse} does, also right after a query that failed half-way, and reports the same error at the
 * same line and column.
 */
class QueryParsingTest {

    private static final String BASE = SmallQueries.BASE;

    /** Good and bad queries mixed, so that each good one follows parser state left by a failure or another query. */
    private static final String[] TEXTS = {
            "ASK {}",
            "SELECT * WHERE { ?s ?p }",                                            // syntax error, line 1
            "PREFIX ex: <http://example.org/> SELECT ?s { ?s ex:p _:b . _:b ex:q ?o }",
            "SELECT * { _:a ?p ?o . OPTIONAL { _:a ?q ?r } }",                    // label reused across groups: error
            "SELECT * { _:a ?p ?o }",                                             // the same label, now fine
            "SELECT ?x (COUNT(*) AS ?n) { ?x ?p ?o }",                             // not grouped by ?x: scope error
            "SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }",
            "BASE <http://example.org/> SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }",
            "SELECT ?iri WHERE { VALUES ?iri { <again> } }",                       // the base is back to the default
            "SELECT * {\n  ?s ?p \"unterminated\n}",                               // lexical error, line 2
            "SELECT ?s (NOW() AS ?t) { { SELECT ?s { ?s ?p ?o } LIMIT 2 } FILTER(?s != <x>) } ORDER BY DESC(?t)",
            "ASK { ?s ?p ?o } # a comment at the end\n# and another",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 10 \u00e9",                         // a stray character
            "SELECT ?s { ?s <http://example.org/p> \"caf\u00e9\"@fr }",
            longQuery(),                                                            // longer than the lexer's 4,096 chars
            "ASK { ?s ?p 1 }",
            // the text's end met in every way the lexer meets it (QueryText)
            "",                                                                     // nothing: an error at the end
            "   \n\t ",                                                            // only white space
            "ASK {",                                                                // the end where a token is due
            "SELECT * WHERE { ?s ?p ?o } LIMIT",
            "ASK { ?s ?p 12",                                                       // the end inside a number
            "ASK { ?s ?p ?o",                                                       // ... a variable
            "ASK { ?s <http://example.org/p",                                       // ... an IRI (lexical error)
            "ASK { ?s ?p \"abc",                                                    // ... a string (lexical error)
            "ASK {}\n\n",                                                           // white space after the last token
            "ASK {} #",                                                             // a comment to the end, no newline
            "SELECT * {\r\n  ?s ?p ?o\r\n}",                                        // CR LF lines
            "ASK\n{\n}\n ?"};                                                       // a stray character on the last line

    /**
     * Queries whose last character falls on either side of the lexer's buffer sizes (4,096 characters, doubled as
     * it grows), where reading on means wrapping or growing the buffer, each whole and cut short.
     */
    private static List<String> atBufferEdges() {
        List<String> texts = new ArrayList<>();
        for (int size : new int[] {4096, 8192, 16384})
            for (int length = size - 3; length <= size + 2; length++) {
                String whole = ofLength(length);
                texts.add(whole);
                texts.add(whole.substring(0, whole.length() - 1));                  // the closing brace missing
                texts.add(whole.substring(0, whole.length() - 1) + "\"" + "x".repeat(3)); // an unterminated string
            }
        return texts;
    }

    /** An ASK of exactly {@code length} characters, ending with its closing brace. */
    private static String ofLength(int length) {
        StringBuilder b = new StringBuilder("ASK { VALUES ?v {");
        for (int i = 0; b.length() < length - 40; i++)
            b.append(" <http://example.org/i/").append(i).append('>');
        b.append(" } ");
        while (b.length() < length - 1)
            b.append(' ');
        return b.append('}').toString();
    }

    private static String longQuery() {
        StringBuilder b = new StringBuilder("SELECT ?s WHERE { VALUES ?v {");
        for (int i = 0; b.length() < 9000; i++)
            b.append(" <http://example.org/item/").append(i).append('>');
        return b.append(" } ?s ?p ?v }").toString();
    }

    private static Query jena(String text) {
        Query q = new Query();
        q.getPrologue().setBase(IRIx.create(BASE));
        return QueryFactory.parse(q, text, null, Syntax.syntaxARQ);
    }

    private static void parsesAsJena(QueryParsing parsing, String text) {
        QueryParseException expected = null;
        Query want = null;
        try {
            want = jena(text);
        } catch (QueryParseException e) {
            expected = e;
        }
        if (expected != null) {
            QueryParseException got = assertThrows(QueryParseException.class, () -> parsing.parse(text), text);
            assertEquals(expected.getLine(), got.getLine(), text);
            assertEquals(expected.getColumn(), got.getColumn(), text);
            assertEquals(expected.getMessage(), got.getMessage(), text);
            return;
        }
        Query got = parsing.parse(text);
        assertEquals(want, got, text);
        assertEquals(want.serialize(), got.serialize(), text);
        assertEquals(Algebra.compile(want), Algebra.compile(got), text);
        assertEquals(want.getBaseURI(), got.getBaseURI(), text);
        assertEquals(want.getSyntax(), got.getSyntax(), text);
    }

    @Test
    void every_query_reads_as_jena_reads_it_in_any_order_on_one_thread() {
        QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
        for (int round = 0; round < 3; round++)
            for (String text : TEXTS)
                parsesAsJena(parsing, text);
        for (int i = TEXTS.length - 1; i >= 0; i--)
            parsesAsJena(parsing, TEXTS[i]);
    }

    @Test
    void a_query_ending_at_the_edge_of_the_lexers_buffer_reads_as_jena_reads_it() {
        QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
        List<String> texts = atBufferEdges();
        assertEquals(4096, ofLength(4096).length());
        for (String text : texts)
            parsesAsJena(parsing, text);
    }

    @Test
    void the_competency_questions_and_the_benchmarks_queries_read_as_jena_reads_them() throws IOException {
        QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(Path.of("queries"), Path.of("bench/src/main/resources/bench"),
                Path.of("bench/src/main/resources/bench/plans")))
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(p -> p.toString().endsWith(".rq")).sorted().forEach(files::add);
            }
        assertTrue(files.size() >= 20, "queries found: " + files);
        for (Path file : files)
            parsesAsJena(parsing, Files.readString(file));
    }

    /**
     * JavaCC's stream ends its input with a new exception, twice a query, each recording the request thread's
     * stack; {@link QueryText} ends it with none. JFR's exception events count what a thread constructs.
     */
    @Test
    void reading_a_query_to_its_end_constructs_no_exception() throws Exception {
        QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
        parsing.parse("ASK {}"); // the parser's classes loaded before the recording
        Path file = Files.createTempFile("parse", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow");
            recording.start();
            for (String text : List.of("ASK {}", "SELECT ?p ?o WHERE { <http://example.org/x> ?p ?o } # a comment",
                    "SELECT * WHERE { ?s ?p ?o } LIMIT 10\n", ofLength(5000)))
                parsing.parse(text);
            assertThrows(QueryParseException.class, () -> parsing.parse("ASK {")); // the one it throws: ours
            recording.stop();
            recording.dump(file);
            List<String> thrown = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getThread() != null && e.getThread().getJavaThreadId() == Thread.currentThread().getId())
                    .map(e -> e.getClass("thrownClass").getName())
                    .toList();
            assertEquals(List.of(), thrown.stream().filter(name -> name.equals("java.io.IOException")).toList(),
                    "exceptions constructed while parsing: " + thrown);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void threads_parsing_at_once_do_not_disturb_each_other() throws Exception {
        QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++)
                        parsesAsJena(parsing, TEXTS[(i + offset) % TEXTS.length]);
                    return null;
                }));
            }
            for (Future<?> run : runs)
                run.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
