package org.icakg.bench;

import org.icakg.validate.WholeGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.server.IcaServer;
import org.icakg.ServerConfig;
import org.icakg.store.Stores;
import org.icakg.validate.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic benchmark graph: deterministic, shaped like the curated data, and accepted by the validator. */
class SyntheticGraphTest {

    static final long SIZE = 10_000;

    static DatasetGraph generate(long seed) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        StreamRDF sink = StreamRDFLib.dataset(dsg);
        new SyntheticGraph(SIZE, seed).generate(sink, n -> { });
        return dsg;
    }

    @Test
    void the_same_seed_gives_the_same_triples_and_another_seed_other_ones() {
        DatasetGraph a = generate(SyntheticGraph.DEFAULT_SEED), b = generate(SyntheticGraph.DEFAULT_SEED);
        assertTrue(IsoMatcher.isomorphic(a, b), "two runs with one seed differ");
        assertTrue(a.stream().count() >= SIZE);
        assertNotEquals(a.stream().toList(), generate(SyntheticGraph.DEFAULT_SEED + 1).stream().toList());
    }

    @Test
    void a_generated_graph_conforms_to_the_shapes_and_the_ontology(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("synthetic.trig");
        Benchmark.generate(SIZE, SyntheticGraph.DEFAULT_SEED, file, new PrintStream(new ByteArrayOutputStream()));
        KnowledgeBase kb = KnowledgeBase.open(Bundle.withData(List.of(file)), Vocab.DEFAULT, Stores.inMemory());
        Report report = WholeGraph.validate(kb);
        assertTrue(report.conforms(), () -> report.findings().stream().filter(f -> f.isViolation()).limit(20)
                .map(f -> f.focusNode() + ": " + f.entry().message()).toList().toString());
    }

    @Test
    void bench_generate_writes_a_trig_file_that_serve_loads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("g.trig");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new String[] {"generate", "--triples", "10000", "--out", file.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(file) > 0);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("generated"), "progress lines while generating");
        try (IcaServer server = IcaServer.start(ServerConfig.defaults().withPort(0).withData(List.of(file)));
             PlainHttpClient client = new PlainHttpClient("127.0.0.1", server.port())) {
            var r = client.get("/sparql?query=" + URLEncoder.encode(
                    "ASK { <https://w3id.org/ica-kg/id/meeting/meeting-0> <https://w3id.org/ica-kg/ontology#hadParticipant> ?s }",
                    StandardCharsets.UTF_8), QueryMix.RESULTS_JSON);
            assertEquals(200, r.status(), r.text());
            assertTrue(r.text().contains("true"), r.text());
        }
    }
}
