package org.icakg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.icakg.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The validate command on the bundled data and on broken inputs (golden reports in src/test/resources/broken/;
 * regenerate with -Dgolden.update=true and review the diff).
 */
class ValidateCommandTest {

    static final Path BROKEN = Path.of("src/test/resources/broken");

    record Run(int status, String out, String err) {}

    static Run validate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] argv = new String[args.length + 1];
        argv[0] = "validate";
        System.arraycopy(args, 0, argv, 1, args.length);
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_bundled_data_conforms() {
        Run r = validate();
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("Conforms: 0 violation(s)"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing-label", "wrong-datatype", "wrong-class", "unknown-term"})
    void a_broken_file_beside_the_data_gets_the_report_that_points_at_the_problem(String name) throws IOException {
        Run r = validate("data", BROKEN.resolve(name + ".trig").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertGolden(name, r.out());
        assertTrue(r.out().contains(BROKEN.resolve(name + ".trig").toString()), "names the file and line:\n" + r.out());
    }

    @Test
    void a_syntax_error_gives_file_line_and_column_and_exit_2() throws IOException {
        Run r = validate("data", BROKEN.resolve("syntax-error.trig").toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertGolden("syntax-error", r.out());
        assertTrue(r.out().matches("(?s).*syntax-error\\.trig:\\d+:\\d+: .*"), r.out());
    }

    @Test
    void json_format_is_for_scripts() {
        Run r = validate("--format", "json", "data", BROKEN.resolve("missing-label.trig").toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("\"conforms\" : false"), r.out());
        assertTrue(r.out().contains("\"severity\" : \"Violation\""), r.out());
    }

    @Test
    void turtle_format_is_a_shacl_validation_report() {
        Run r = validate("--format", "turtle", "data", BROKEN.resolve("missing-label.trig").toString());
        var g = org.apache.jena.riot.RDFParser.fromString(r.out(), org.apache.jena.riot.Lang.TURTLE).toGraph();
        assertTrue(g.contains(org.apache.jena.graph.Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(),
                org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/shacl#ValidationReport")));
    }

    @Test
    void a_missing_file_or_a_bad_option_is_a_usage_error() {
        assertEquals(2, validate("no/such/file.ttl").status());
        assertEquals(2, validate("--format", "yaml").status());
    }

    /** A copy of the project's data/ and sources/ folders, as export writes them. */
    static Path copyOfDataAndTexts(Path dir) throws IOException {
        for (String folder : new String[] {"data", "sources"}) {
            Files.createDirectories(dir.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path f : files.toList())
                    Files.copy(f, dir.resolve(folder).resolve(f.getFileName()));
            }
        }
        return dir.resolve("data");
    }

    @Test
    void every_quote_is_checked_against_the_text_beside_the_data(@TempDir Path dir) throws IOException {
        Path data = copyOfDataAndTexts(dir);
        assertEquals(0, validate(data.toString()).status(), "the copy conforms, texts included");
        Path text = dir.resolve("sources/soulguide-india-central-asia-partnership.txt");
        // A sentence of the text reworded: the passage that quotes it no longer does.
        Files.writeString(text, Files.readString(text).replace("less competitive", "less  costly"));
        Run reworded = validate(data.toString());
        assertEquals(1, reworded.status(), reworded.out());
        assertTrue(reworded.out().contains("passage:soulguide-india-central-asia-partnership-05")
                && reworded.out().contains("The quote is not in the text of its document")
                && reworded.out().contains("[QuoteNotInSourceText]"), reworded.out());
        Files.delete(dir.resolve("sources/defence-security-cooperation-commentary.txt"));
        Run missing = validate(data.toString());
        assertTrue(missing.out().contains("\"sources/defence-security-cooperation-commentary.txt\" that ica:sourceFile "
                + "names is not in the sources folder") && missing.out().contains("[MissingSourceText]"), missing.out());
    }

    @Test
    void a_passage_with_offsets_must_quote_exactly_the_characters_between_them(@TempDir Path dir) throws IOException {
        Path data = copyOfDataAndTexts(dir);
        Files.writeString(data.resolve("offsets.trig"), """
                @prefix ica: <https://w3id.org/ica-kg/ontology#> .
                @prefix passage: <https://w3id.org/ica-kg/id/passage/> .
                <https://w3id.org/ica-kg/graph/sources> {
                    passage:soulguide-india-central-asia-partnership-01 ica:startOffset 3 ; ica:endOffset 9 .
                }
                """);
        Run r = validate("--sources", dir.resolve("sources").toString(), data.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("The quote differs from the text between offsets 3 and 9, which reads"), r.out());
    }

    @Test
    void without_a_sources_folder_the_quotes_are_not_checked_and_the_command_says_so(@TempDir Path dir) throws IOException {
        Path data = copyOfDataAndTexts(dir);
        try (var files = Files.list(dir.resolve("sources"))) {
            for (Path f : files.toList())
                Files.delete(f);
        }
        Files.delete(dir.resolve("sources"));
        Run r = validate(data.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("the quotes were not checked against their texts"), r.err());
        assertEquals(2, validate("--sources", dir.resolve("nowhere").toString(), data.toString()).status());
    }

    @Test
    void offsets_count_code_points() {
        assertEquals("b😀c", QuotedTexts.between("ab😀cd", 1, 4));
        assertNull(QuotedTexts.between("abc", 2, 4));
    }

    static void assertGolden(String name, String actual) throws IOException {
        Path golden = BROKEN.resolve(name + ".expected.txt");
        String normalised = actual.replaceAll("over \\d+ triples", "over N triples");
        if (Boolean.getBoolean("golden.update"))
            Files.writeString(golden, normalised);
        assertTrue(Files.exists(golden), "no golden report " + golden + ": write it with -Dgolden.update=true and review it");
        assertEquals(Files.readString(golden), normalised, "report differs from " + golden);
    }
}
