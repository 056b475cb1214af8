package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Linked-data clients of other ecosystems, run for real against a server on loopback: Comunica (JavaScript; installed
 * by {@code .ci/run} with {@code npm ci} in {@code src/test/node/}) querying {@code /sparql} and dereferencing entity
 * IRIs (it asks for N-Quads first and reads only the default graph), and Python's rdflib reading entity documents in
 * its default format and in TriG. Each test is skipped, saying why, where its client is not installed.
 */
class LinkedDataClientsTest {

    static final Path COMUNICA = Path.of("src/test/node/node_modules/.bin/comunica-sparql");
    static final String PYTHON = "/usr/bin/python3";
    static final String KAZAKHSTAN_EN = "{\"value\":\"Kazakhstan\",\"type\":\"literal\",\"xml:lang\":\"en\"}";
    static final String LABEL_OF_KAZAKHSTAN = "SELECT ?label WHERE { <https://w3id.org/ica-kg/id/state/kazakhstan> "
            + "<http://www.w3.org/2000/01/rdf-schema#label> ?label }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    @Test
    void comunica_queries_the_sparql_endpoint() throws Exception {
        String out = comunica("sparql@" + server.url("/sparql"), LABEL_OF_KAZAKHSTAN);
        // Comunica 4 drops the language tag of literals from an endpoint's JSON results (this server sends "xml:lang").
        assertTrue(out.contains("{\"value\":\"Kazakhstan\",\"type\":\"literal\""), out);
    }

    @Test
    void comunica_dereferences_an_entity_iri_and_gets_its_statements() throws Exception {
        String out = comunica(server.url("/id/state/kazakhstan"), LABEL_OF_KAZAKHSTAN);
        assertTrue(out.contains(KAZAKHSTAN_EN), out);
    }

    @Test
    void comunica_follows_a_link_from_one_entity_document_to_the_next() throws Exception {
        String links = comunica(server.url("/id/state/kazakhstan"), "SELECT ?next WHERE { "
                + "<https://w3id.org/ica-kg/id/state/kazakhstan> <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?next }");
        assertTrue(links.contains("https://w3id.org/ica-kg/id/state/india"), links);
        // The IRI names the public base; this server answers the same path.
        String out = comunica(server.url("/id/state/india"), "SELECT ?label WHERE { "
                + "<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#label> ?label }");
        assertTrue(out.contains(KAZAKHSTAN_EN.replace("Kazakhstan", "India")), out);
    }

    @Test
    void rdflib_reads_an_entity_in_its_default_format_in_trig_and_in_n_quads() throws Exception {
        String script = """
                import sys
                from rdflib import Graph, URIRef
                iri = URIRef("https://w3id.org/ica-kg/id/state/kazakhstan")
                label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
                plain = Graph().parse(sys.argv[1])
                trig = Graph().parse(sys.argv[1] + "?format=trig", format="trig")
                quads = Graph().parse(sys.argv[1] + "?format=nquads", format="nquads")
                print(*[len(list(g.objects(iri, label))) for g in (plain, trig, quads)])
                """;
        assertEquals("1 1 1", python(script, server.url("/id/state/kazakhstan")));
    }

    /** Runs Comunica's command line on one source and a query; its standard output. */
    static String comunica(String source, String query) throws IOException, InterruptedException {
        if (!Files.isExecutable(COMUNICA))
            System.err.println("SKIPPED: " + COMUNICA + " is not installed (run `npm ci` in src/test/node; .ci/run does)");
        assumeTrue(Files.isExecutable(COMUNICA), "Comunica not installed in src/test/node");
        return run(List.of(COMUNICA.toString(), source, "-t", "application/sparql-results+json", query), 120);
    }

    static String python(String script, String... args) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import rdflib").start().waitFor() == 0;
        if (!present)
            System.err.println("SKIPPED: " + PYTHON + " with rdflib is not installed (Debian: python3-rdflib; .ci/run "
                    + "installs it)");
        assumeTrue(present, "python3 rdflib not installed");
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
        command.addAll(List.of(args));
        return run(command, 60).strip();
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path err = Files.createTempFile("client", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), command.get(0) + " finished within " + seconds + " s");
            String stderr = Files.readString(err);
            assertEquals(0, p.exitValue(), command.get(0) + " failed: " + stderr);
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
