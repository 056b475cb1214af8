package org.icakg.reliability;

import static org.icakg.support.Maintainer.AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

import org.apache.jena.system.Txn;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated Turtle documents, from a fixed seed, sent to the dry run and to an authenticated write:
 * each is answered 200, 400 or 422 (never a 5xx), a refused write changes nothing, and the server stays healthy.
 */
class RdfFuzzTest {

    /** Documents each pass sends (a gated write costs more than a dry run): a fixed seed and a fixed count, so every machine covers the same cases. */
    static final int DRY_RUNS = 600, WRITES = 300;
    static final long SEED = 20261124;

    static final String[] SEEDS = {
            """
            @prefix ica: <https://w3id.org/ica-kg/ontology#> .
            @prefix state: <https://w3id.org/ica-kg/id/state/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            state:kyrgyzstan a ica:State ; rdfs:label "Kyrgyzstan"@en ; ica:population 7000000 ;
                ica:memberOf <https://w3id.org/ica-kg/id/forum/dialogue> .
            """,
            """
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/ica-kg/id/state/india> rdfs:comment "a \\"quoted\\" comment"@en, 'single' , \"""long
            text\""" ; rdfs:seeAlso ( <https://w3id.org/ica-kg/id/state/kazakhstan> [ rdfs:label "blank" ] ) .
            """,
            """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            BASE <https://w3id.org/ica-kg/id/>
            <state/tajikistan> a ica:State ; <http://www.w3.org/2000/01/rdf-schema#label> "Tajikistan" ;
                ica:population "9000000"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """};
    static final String ALPHABET = "<>[](){}\"'.;,:@^#_\\ \n\tax09-+eE%?/=\u00e9\u202e\u200b\ufeff\u0000";
    static final Set<Integer> DRY_RUN_ANSWERS = Set.of(200, 400), WRITE_ANSWERS = Set.of(200, 400, 422);

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> Maintainer.server(dir));

    @Test
    void mutated_turtle_sent_to_the_dry_run_is_answered_200_or_400() {
        Random random = new Random(SEED);
        int sent = 0;
        for (; sent < DRY_RUNS; sent++) {
            String doc = mutate(random);
            long before = quads();
            HttpResponse<String> r = server.post("/validate", "text/turtle", doc, "Accept", "application/json");
            assertTrue(DRY_RUN_ANSWERS.contains(r.statusCode()), r.statusCode() + " for:\n" + doc + "\n" + r.body());
            assertEquals(before, quads(), "a dry run wrote:\n" + doc);
        }
        System.out.println("dry run fuzz: " + sent + " documents");
        assertEquals(200, server.get("/health").statusCode());
    }

    @Test
    void mutated_turtle_sent_as_a_write_is_answered_200_400_or_422_and_a_refusal_writes_nothing() {
        Random random = new Random(SEED + 1);
        int sent = 0, written = 0;
        for (; sent < WRITES; sent++) {
            String doc = mutate(random);
            long before = quads();
            HttpResponse<String> r = Maintainer.send(server, "POST", "/data", "text/turtle",
                    doc.getBytes(StandardCharsets.UTF_8), "Authorization", AUTH, "Accept", "application/json");
            assertTrue(WRITE_ANSWERS.contains(r.statusCode()), r.statusCode() + " for:\n" + doc + "\n" + r.body());
            if (r.statusCode() == 200)
                written++;
            else
                assertEquals(before, quads(), "a refused write (" + r.statusCode() + ") changed the store:\n" + doc);
        }
        System.out.println("write fuzz: " + sent + " documents, " + written + " accepted");
        assertEquals(200, server.get("/health").statusCode());
    }

    /** A seed document with one to four characters deleted, inserted or replaced. */
    static String mutate(Random random) {
        StringBuilder doc = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && doc.length() > 0; e++) {
            int at = random.nextInt(doc.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> doc.deleteCharAt(at);
                case 1 -> doc.insert(at, c);
                default -> doc.setCharAt(at, c);
            }
        }
        return doc.toString();
    }

    static long quads() {
        var dsg = server.server().knowledgeBase().dataset();
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            for (var it = dsg.find(); it.hasNext(); it.next())
                n++;
            return n;
        });
    }
}
