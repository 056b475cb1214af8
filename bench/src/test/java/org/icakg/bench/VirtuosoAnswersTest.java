package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.jena.query.Query;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.icakg.server.IcaServer;
import org.icakg.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Virtuoso column measures the same questions: on a small generated graph, bulk-loaded as the benchmark loads
 * it, Virtuoso gives every query class the same answers as this service. Runs only where Virtuoso is installed.
 */
class VirtuosoAnswersTest {

    static final long SIZE = 10_000;
    static final int VARIANTS_CHECKED = 12;

    @Test
    void every_query_class_has_the_same_answers_on_virtuoso_as_on_this_service(@TempDir Path dir) throws Exception {
        assumeTrue(Virtuoso.missing().isEmpty(), () -> "Virtuoso is not installed: " + Virtuoso.missing().orElse(""));
        Path file = dir.resolve("synthetic.trig");
        long written = Benchmark.generate(SIZE, SyntheticGraph.DEFAULT_SEED, file, new PrintStream(new ByteArrayOutputStream()));
        SyntheticGraph graph = new SyntheticGraph(SIZE, SyntheticGraph.DEFAULT_SEED);
        graph.generate(StreamRDFLib.sinkNull(), n -> { });
        try (IcaServer ica = IcaServer.start(ServerConfig.defaults().withPort(0).withData(List.of(file)));
             Virtuoso virtuoso = Virtuoso.start(dir.resolve("virtuoso"), dir)) {
            virtuoso.load(file);
            assertEquals(written, virtuoso.statements(), "every generated statement is in Virtuoso");
            for (QueryMix.QueryClass c : QueryMix.CLASSES) {
                if (c.isPage())
                    continue;
                long rows = 0;
                for (Query q : QueryMix.queries(c, graph.population(), SyntheticGraph.DEFAULT_SEED).subList(0, VARIANTS_CHECKED)) {
                    // LIMIT without a total order picks any rows: compare the whole answers.
                    q.setLimit(Query.NOLIMIT);
                    List<String> ours = answer(ica.port(), "/sparql", q), theirs = answer(virtuoso.port(), Virtuoso.ENDPOINT, q);
                    assertEquals(ours, theirs, c.name() + ": " + q);
                    rows += ours.size();
                }
                assertTrue(rows > 0, c.name() + " has answers to compare");
            }
        }
    }

    /** The answer as sorted rows of variable=term (ASK: one row, true or false). */
    static List<String> answer(int port, String endpoint, Query q) throws IOException {
        try (PlainHttpClient http = new PlainHttpClient("127.0.0.1", port)) {
            PlainHttpClient.Response r = http.get(endpoint + "?query=" + URLEncoder.encode(q.serialize(), StandardCharsets.UTF_8),
                    QueryMix.RESULTS_JSON);
            assertEquals(200, r.status(), r.text());
            SPARQLResult result = ResultsReader.create().lang(ResultSetLang.RS_JSON).build().readAny(new ByteArrayInputStream(r.body()));
            if (result.isBoolean())
                return List.of(Boolean.toString(result.getBooleanResult()));
            List<String> rows = new ArrayList<>();
            result.getResultSet().forEachRemaining(s -> {
                TreeMap<String, String> row = new TreeMap<>();
                s.varNames().forEachRemaining(v -> row.put(v, s.get(v).asNode().toString()));
                rows.add(row.toString());
            });
            rows.sort(null);
            return rows;
        }
    }
}
