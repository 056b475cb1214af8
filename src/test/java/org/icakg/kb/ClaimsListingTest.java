package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.icakg.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed claims listing is what the claims command prints for the bundled data (the test never writes it). */
class ClaimsListingTest {

    static final Path COMMITTED = Path.of("data/CLAIMS.md");
    static String generated;

    @BeforeAll
    static void generate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"claims"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        generated = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_committed_listing_is_up_to_date() throws IOException {
        assertEquals(Files.readString(COMMITTED), generated,
                "data/CLAIMS.md is out of date: run `java -jar target/ica-kg.jar claims > data/CLAIMS.md` and review the diff");
    }

    @Test
    void each_passage_is_quoted_and_followed_by_its_statements_in_words() {
        int passage = generated.indexOf("> This partition left New Delhi without a direct land corridor to the region.");
        int next = generated.indexOf("\n### ", passage);
        assertTrue(passage > 0 && next > passage, "passage 4 is quoted");
        String claims = generated.substring(passage, next);
        assertTrue(claims.contains("- Direct land corridor between India and Central Asia (lacking) — modality — absent"), claims);
        assertTrue(!claims.contains("https://"), "labels, not IRIs: " + claims);
    }

    @Test
    void interpretations_say_why_and_which_passages_they_read() {
        int host = generated.indexOf("### Interpretation: India as host of the 4th India–Central Asia Dialogue");
        assertTrue(host > 0);
        String section = generated.substring(host, generated.indexOf("\n### ", host + 1));
        assertTrue(section.contains("Why: The article says only that the dialogue was held in New Delhi"), section);
        assertTrue(section.contains("Reads: SoulGuide article, passage 8; SoulGuide article, passage 9"), section);
        assertTrue(section.contains("- 4th India–Central Asia Dialogue — hosted by — India"), section);
    }

    @Test
    void the_command_refuses_arguments_with_a_usage_error() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"claims", "extra"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("claims takes no arguments, got 'extra'"));
    }
}
