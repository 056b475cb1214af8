package org.icakg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.icakg.cli.Main;
import org.junit.jupiter.api.Test;
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

    static void assertGolden(String name, String actual) throws IOException {
        Path golden = BROKEN.resolve(name + ".expected.txt");
        String normalised = actual.replaceAll("over \\d+ triples", "over N triples");
        if (Boolean.getBoolean("golden.update"))
            Files.writeString(golden, normalised);
        assertTrue(Files.exists(golden), "no golden report " + golden + ": write it with -Dgolden.update=true and review it");
        assertEquals(Files.readString(golden), normalised, "report differs from " + golden);
    }
}
