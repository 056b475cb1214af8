package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.CDTAwareParserProfile;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/**
 * {@link TrigReader}, with RIOT taking over where it stops, reads what RIOT alone reads: the same statements in the same
 * order (blank nodes compared by where they first appear), the same prefixes, and the same errors with the same lines,
 * columns and messages. Compared on the bundled data, on every Turtle and TriG file of the tests (the bad-input corpus
 * among them), and on thousands of generated documents mixing the forms it reads with those it leaves to RIOT, a
 * third of them with a character deleted or inserted.
 */
class TrigReaderTest {

    private static final Vocab VOCAB = Vocab.DEFAULT;

    /** What a parse sent and reported. */
    private record Read(List<String> statements, Map<String, String> prefixes, List<SyntaxError> errors) {}

    @Test
    void the_bundled_data_is_read_by_the_reader_alone_and_as_riot_reads_it() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("data"))) {
            files = s.filter(p -> p.toString().endsWith(".trig")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertEquals(-1, readerAlone(bytes, true), f + ": the reader reads the whole file, RIOT none of it");
            assertSame(f.toString(), Lang.TRIG, bytes);
        }
    }

    @Test
    void every_turtle_and_trig_file_of_the_tests_is_read_as_riot_reads_it() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            files = s.filter(p -> p.toString().endsWith(".trig") || p.toString().endsWith(".ttl")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the corpus: " + files.size());
        int withErrors = 0;
        for (Path f : files) {
            Lang lang = f.toString().endsWith(".trig") ? Lang.TRIG : Lang.TURTLE;
            withErrors += assertSame(f.toString(), lang, Files.readAllBytes(f)).errors().isEmpty() ? 0 : 1;
        }
        assertTrue(withErrors >= 10, "the bad-input corpus is among them: " + withErrors);
    }

    @Test
    void the_forms_of_a_large_data_file_are_read_by_the_reader_alone() {
        String trig = """
                PREFIX ica: <https://w3id.org/ica-kg/ontology#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                @prefix meeting: <https://w3id.org/ica-kg/id/meeting/> .
                <https://w3id.org/ica-kg/graph/sources> { meeting:m-1 a ica:Meeting ; ica:date "2025-06-11"^^xsd:date . }
                meeting:m-1 { meeting:m-1 ica:label "Meeting \\"one\\""@en-GB , 'two' ; ica:position 1 , -2.5 , 3e2 ;
                    ica:final true ; ica:next _:b1 ; . _:b1 ica:x <rel/path> }
                GRAPH meeting:g2 { meeting:m-2 ica:y meeting:m-1 . } .
                { meeting:m-3 ica:z "ü and ä" . }
                meeting:m-4 ica:w meeting:m-5 .
                """;
        byte[] bytes = trig.getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, readerAlone(bytes, true), "read to the end by the reader");
        Read read = assertSame("forms.trig", Lang.TRIG, bytes);
        assertEquals(13, read.statements().size(), read.toString());
        assertEquals(List.of(), read.errors());
    }

    @Test
    void a_form_the_reader_does_not_read_is_read_by_riot_from_the_start_of_its_unit_with_the_files_lines() {
        String trig = "@prefix ex: <http://example.org/> .\n"
                + "ex:g1 { ex:a ex:p ex:b . }\n"
                + "ex:g2 {\n  ex:c ex:p \"before\" .\n  ex:c ex:q ( 1 2 ) .\n}\n"
                + "ex:g3 { ex:d ex:p ex:e ;\n     ex:q \"x\"@en--ltr . }\n"
                + "ex:g4 { ex:f ex:p ex:g . }\n"
                + "ex:g5 {\n ex:h ex:p ex:i .\n   ex:h ex:q ] }\n";
        Read ours = assertSame("mixed.trig", Lang.TRIG, trig.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, ours.errors().size(), ours.toString());
        assertEquals(12, ours.errors().get(0).line(), "the line of the file, not of the rest RIOT was given");
        assertEquals(14, ours.errors().get(0).column());
        assertTrue(ours.statements().stream().anyMatch(s -> s.contains("\"before\"")), ours.statements().toString());
    }

    @Test
    void a_prefix_declared_again_with_another_iri_changes_the_names_read_after_it() {
        String ttl = "@prefix ex: <http://example.org/one/> .\nex:a ex:p ex:b .\n"
                + "@prefix ex: <http://example.org/two/> .\nex:a ex:p ex:b .\n";
        byte[] bytes = ttl.getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, readerAlone(bytes, false));
        Read read = assertSame("again.ttl", Lang.TURTLE, bytes);
        assertTrue(read.statements().get(1).contains("http://example.org/two/a"), read.statements().toString());
    }

    @Test
    void generated_documents_with_and_without_damage_are_read_as_riot_reads_them() {
        // -Dtrigreader.seed and -Dtrigreader.documents run other and more documents.
        int documents = Integer.getInteger("trigreader.documents", 3000);
        Random random = new Random(Long.getLong("trigreader.seed", 20261202));
        int handedOver = 0, damaged = 0, failed = 0;
        for (int i = 0; i < documents; i++) {
            boolean trig = random.nextInt(4) != 0;
            String text = Generator.document(random, trig);
            if (random.nextInt(3) == 0) {
                text = Generator.damage(random, text);
                damaged++;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (Utf8.firstError("g", bytes) != null)
                continue; // a load refuses such bytes before either parser sees them
            Read read = assertSame("generated " + i + ":\n" + text, trig ? Lang.TRIG : Lang.TURTLE, bytes);
            handedOver += readerAlone(bytes, trig) >= 0 ? 1 : 0;
            failed += read.errors().isEmpty() ? 0 : 1;
        }
        assertTrue(handedOver > documents / 6 && handedOver < documents * 9 / 10,
                "both readers took part: " + handedOver + " of " + documents + " handed over");
        assertTrue(damaged > documents / 6 && failed > documents / 10, "errors were compared: " + failed);
    }

    /** Reads {@code bytes} both ways and asserts the results equal; answers the reader's. */
    private static Read assertSame(String what, Lang lang, byte[] bytes) {
        Read riot = riot(lang, bytes), ours = ours(lang, bytes);
        assertEquals(riot.errors(), ours.errors(), what);
        assertEquals(riot.statements(), ours.statements(), what);
        assertEquals(riot.prefixes(), ours.prefixes(), what);
        return ours;
    }

    /** RIOT alone, configured as the loader configured it before the reader. */
    private static Read riot(Lang lang, byte[] bytes) {
        Recorder out = new Recorder();
        List<SyntaxError> errors = new ArrayList<>();
        try {
            RDFParser.source(new java.io.ByteArrayInputStream(bytes)).lang(lang).base(VOCAB.base())
                    .resolver(Loader.resolver(VOCAB)).errorHandler(Loader.collector("f", errors)).parse(out);
        } catch (RuntimeException e) {
            failed(e, errors);
        }
        return out.read(errors);
    }

    /** The loader's reading: the reader, and RIOT where it stops. */
    private static Read ours(Lang lang, byte[] bytes) {
        Recorder out = new Recorder();
        List<SyntaxError> errors = new ArrayList<>();
        try {
            new Loader(VOCAB).readTurtle(new RdfSource("f", lang, bytes), out, errors);
        } catch (RuntimeException e) {
            failed(e, errors);
        }
        return out.read(errors);
    }

    private static void failed(RuntimeException e, List<SyntaxError> errors) {
        if (!(e instanceof RiotException || e instanceof IllegalFormatException
                || e instanceof org.apache.jena.irix.IRIException))
            throw e;
        if (errors.isEmpty())
            errors.add(new SyntaxError("f", -1, -1, e.getMessage()));
    }

    /** Where the reader alone stops in {@code bytes} (-1: at the end). */
    private static int readerAlone(byte[] bytes, boolean trig) {
        var profile = new CDTAwareParserProfile(RiotLib.factoryRDF(), Loader.collector("f", new ArrayList<>()),
                Loader.resolver(VOCAB), PrefixMapFactory.create(), org.apache.jena.riot.RIOT.getContext().copy(), true, false);
        return new TrigReader(bytes, 0, bytes.length, profile, new StreamRDFBase(), trig, () -> 0).read();
    }

    /** Records statements with blank nodes named by the order they first appear in. */
    private static final class Recorder extends StreamRDFBase {
        private final List<String> statements = new ArrayList<>();
        private final Map<String, String> prefixes = new TreeMap<>();
        private final Map<Node, String> blanks = new HashMap<>();

        @Override
        public void triple(Triple t) {
            statements.add("T " + term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject()));
        }

        @Override
        public void quad(Quad q) {
            statements.add("Q " + term(q.getGraph()) + " " + term(q.getSubject()) + " " + term(q.getPredicate())
                    + " " + term(q.getObject()));
        }

        @Override
        public void prefix(String prefix, String iri) { prefixes.put(prefix, iri); }

        private String term(Node n) {
            if (n.isBlank())
                return blanks.computeIfAbsent(n, b -> "_:n" + blanks.size());
            if (n.isLiteral()) // the datatype and language as made, and the value's identity
                return n + " " + n.getLiteralDatatypeURI() + " " + n.getLiteralLanguage();
            return n.toString();
        }

        Read read(List<SyntaxError> errors) { return new Read(statements, prefixes, errors); }
    }

    /** Random Turtle and TriG: the forms the reader reads, and others. */
    private static final class Generator {
        private static final String[] NAMES = {
                "ex:a", "ex:b1", "ex:c-d", "ex:e.f", "ex:g_h", "ex:1x", "ex:a:b", ":e", "ex:", "<http://example.org/i>",
                "<rel/j>", "<http://example.org/ü>", "ex:k", "ex:k", "ex:l", "<http://example.org/k>",
                // names the profile warns of or reports, each time they are read
                "<http://example.org/%zz>", "<http://Example.ORG/x>", "<urn:x:1>", "<//no-scheme/x>",
                "<http://example.org:port/>", "<x:y>",
        };
        /** Names left to RIOT, or errors. */
        private static final String[] OTHER_NAMES = {
                "ex:a\\-b", "ex:a%41", "ex:é", "no:x", "<http://example.org/\\u0041>", "<http://example.org/a b>",
                "<http://ex ample>", "ex:.x", "ex:-x", "e.x:y", "_x:y", "<http://example.org/𝄞>",
        };
        private static final String[] OBJECTS = {
                "\"s\"", "\"with \\\"q\\\" and \\\\ and \\n\"", "'single'", "\"x\"@en", "\"x\"@en-GB", "\"x\"@EN",
                "\"1\"^^xsd:int", "\"2020-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>", "\"bad\"^^xsd:date",
                "\"x\"^^ex:dt", "1", "-2", "+3", "4.5", "1e3", "1.5E-2", "true", "false", "_:b1", "_:b2", "_:b.3",
                "\"ü€\"", "\"\"",
        };
        /** Objects left to RIOT, or errors. */
        private static final String[] OTHER_OBJECTS = {
                "\"\"\"long\n\"\"\"", "\"\\u00e9\"", "\"x\"@en--ltr", "\"x\"@1", ".5", "1.", "( ex:a \"b\" )", "()",
                "[]", "[ ex:p ex:o ]", "\"𝄞\"", "tru", "\"x\"^^no:t", "'''l'''", "<<( ex:a ex:b ex:c )>>",
        };
        private static final String[] SUBJECTS = {"ex:a", "ex:s", "<http://example.org/s>", "_:b1", "_:b9", ":e",
                "<http://example.org/%zz>", "<http://example.org:port/>"};
        private static final String[] OTHER_SUBJECTS = {"[]", "[ ex:p 1 ]", "( 1 )", "ex:s{", "<<( ex:a ex:b 1 )>>"};
        private static final String[] PREDICATES = {"ex:p", "ex:q", "a", "<http://example.org/p>", "ex:p"};

        static String document(Random r, boolean trig) {
            StringBuilder sb = new StringBuilder(r.nextInt(50) == 0 ? "\uFEFF" : "");
            sb.append(pick(r, "@prefix ex: <http://example.org/> .\n", "PREFIX ex: <http://example.org/>\n",
                    "prefix ex: <http://example.org/>\n", "@prefix ex:<http://example.org/>.\n"));
            sb.append("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\nPREFIX : <http://example.org/e#>\n");
            int units = 1 + r.nextInt(6);
            for (int u = 0; u < units; u++) {
                int k = r.nextInt(20);
                if (k == 0 && rarely(r))
                    sb.append(pick(r, "@base <http://example.org/base/> .\n", "BASE <http://example.org/b2/>\n"));
                else if (k == 1)
                    sb.append("@prefix ex: <http://example.org/other/> .\n");
                else if (k == 2)
                    sb.append("# a comment { [ ( \"\n");
                else if (trig && k < 12)
                    block(r, sb);
                else
                    statement(r, sb, false);
                sb.append(pick(r, "\n", "\r\n", " ", "\n\n"));
            }
            return sb.toString();
        }

        private static void block(Random r, StringBuilder sb) {
            sb.append(rarely(r) ? pick(r, "_:g ", "[] ", "GRAPH ", "<http://example.org/%zz> ") : pick(r, "ex:g ",
                    "GRAPH ex:g2 ", "graph <http://example.org/g3> ", "", "<g4>", "ex:g5\n"));
            sb.append("{");
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                sb.append(pick(r, " ", "\n  ", "\t"));
                statement(r, sb, i == n - 1);
            }
            sb.append(pick(r, " }", "\n}", "}", " } ."));
        }

        private static void statement(Random r, StringBuilder sb, boolean lastInBlock) {
            sb.append(rarely(r) ? pick(r, OTHER_SUBJECTS) : pick(r, SUBJECTS)).append(' ');
            int ps = 1 + r.nextInt(3);
            for (int p = 0; p < ps; p++) {
                if (p > 0)
                    sb.append(pick(r, " ;\n    ", ";", " ; ; "));
                sb.append(pick(r, PREDICATES)).append(pick(r, " ", "  ", "\t"));
                int os = 1 + r.nextInt(3);
                for (int o = 0; o < os; o++) {
                    if (o > 0)
                        sb.append(pick(r, " , ", ",", ",\n  "));
                    boolean name = r.nextInt(3) == 0;
                    sb.append(rarely(r) ? pick(r, name ? OTHER_NAMES : OTHER_OBJECTS) : pick(r, name ? NAMES : OBJECTS));
                }
            }
            if (r.nextInt(6) == 0)
                sb.append(" ;");
            sb.append(lastInBlock && r.nextBoolean() ? "" : pick(r, " .", ".", " . # done"));
        }

        /** A character deleted, or one of the syntax's characters inserted, somewhere. */
        static String damage(Random r, String text) {
            int at = r.nextInt(text.length());
            if (r.nextBoolean())
                return text.substring(0, at) + text.substring(at + 1);
            String c = pick(r, ".", ";", ",", "{", "}", "[", "]", "(", ")", "\"", "'", "<", ">", "@", "^", ":", "_",
                    "#", "\\", " ", "\n", "a", "1", "é");
            return text.substring(0, at) + c + text.substring(at);
        }

        private static String pick(Random r, String... options) { return options[r.nextInt(options.length)]; }

        /** One time in 25: a form left to RIOT. */
        private static boolean rarely(Random r) { return r.nextInt(25) == 0; }
    }
}
