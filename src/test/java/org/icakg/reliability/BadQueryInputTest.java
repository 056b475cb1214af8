package org.icakg.reliability;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed queries get a 400 that says what is wrong; no input, however mangled, gets a 5xx. */
class BadQueryInputTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-input/sparql");
    /** Mutated queries the generated pass sends: a fixed seed and a fixed count, the same cases on every machine. */
    static final int FUZZ_CASES = 1000;

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void each_malformed_query_gets_400_naming_the_problem(Path file) throws IOException {
        String query = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        var post = server.post("/sparql", "application/sparql-query", query);
        assertEquals(400, post.statusCode(), file + ": " + post.body());
        assertFalse(post.body().isBlank());
        var get = server.get("/sparql?query=" + enc(query));
        assertEquals(400, get.statusCode(), file + ": " + get.body());
        assertFalse(get.body().contains("<script>"), "the message does not echo markup unescaped into HTML");
        assertEquals(200, server.get("/health").statusCode());
    }

    @Test
    void syntax_errors_name_line_and_column() throws IOException {
        var r = server.post("/sparql", "application/sparql-query", Files.readString(CORPUS.resolve("unclosed-brace.rq")));
        assertTrue(r.body().matches("(?s).*line \\d+, column \\d+.*"), r.body());
    }

    @Test
    void thousands_of_mutated_queries_never_get_a_server_error() {
        String[] seeds = {
                "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(CONTAINS(?label, \"Kaz\")) } ORDER BY ?label LIMIT 10",
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s rdfs:label ?o } } GROUP BY ?g",
                "ASK { ?s ?p \"Kazakhstan\"@en }",
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } } LIMIT 5"};
        String alphabet = "{}()<>?\"'.;,:#@^\\ \n\tSELECTWHEREFILTERGRAPH0123456789*+-/!=|&aé\u0000\uFFFF";
        Random random = new Random(20261124);
        int sent = 0;
        for (; sent < FUZZ_CASES; sent++) {
            StringBuilder q = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && q.length() > 0; e++) {
                int at = random.nextInt(q.length());
                switch (random.nextInt(3)) {
                    case 0 -> q.deleteCharAt(at);
                    case 1 -> q.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> q.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            var r = server.post("/sparql", "application/sparql-query", q.toString());
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, "status " + r.statusCode() + " for: " + q);
        }
        assertEquals(200, server.get("/health").statusCode());
    }
}
