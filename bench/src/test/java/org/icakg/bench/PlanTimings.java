package org.icakg.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.plan.QueryPlans;
import org.icakg.store.Stores;
import org.junit.jupiter.api.Test;

/**
 * In-process timings of the query planner, not a test: skipped unless {@code -Dplans.triples=N} is given (and
 * {@code -Dplans.variants=K} queries per class, 64 by default). Loads the
 * benchmark's graph of N statements into the service's in-memory store, then runs the distinct variants of each
 * query class (parsed beforehand) three ways, taking turns on each query, after a warm-up round: as written, with
 * Jena's standard optimiser, and with the service's planner; prints the median milliseconds of each.
 */
class PlanTimings {

    static final int VARIANTS = Integer.getInteger("plans.variants", 64), ROUNDS = 2;

    private record Way(String name, UnaryOperator<QueryExecBuilder> setup) {}

    private static final List<Way> WAYS = List.of(
            new Way("as written", QueryPlans::unplanned),
            new Way("Jena standard", b -> b.set(ARQConstants.sysOptimizerFactory, Optimize.stdOptimizationFactory)
                    .set(ARQ.stageGenerator, StageBuilder.standardGenerator())),
            new Way("planner", b -> b));

    @Test
    void print_median_milliseconds_per_class() {
        String size = System.getProperty("plans.triples");
        assumeTrue(size != null, "timings run with -Dplans.triples=N");
        long triples = Long.parseLong(size);
        DatasetGraph dsg = Stores.inMemory();
        QueryPlans.install(dsg);
        SyntheticGraph graph = new SyntheticGraph(triples, SyntheticGraph.DEFAULT_SEED);
        long start = System.nanoTime();
        Txn.executeWrite(dsg, () -> graph.generate(StreamRDFLib.dataset(dsg), n -> { }));
        System.out.printf("%,d statements loaded in %d s%n%n", triples, (System.nanoTime() - start) / 1_000_000_000);

        Map<String, List<Query>> classes = new LinkedHashMap<>();
        for (QueryMix.QueryClass c : QueryMix.CLASSES)
            if (!c.isPage())
                classes.put(c.title(), variants("bench/" + c.query() + ".rq", c.parameters(), graph.population()));
        classes.put("path + text, label written first", variants("plans/path-after-label.rq",
                QueryMix.CLASSES.stream().filter(c -> c.name().equals("path-text")).findFirst().orElseThrow().parameters(),
                graph.population()));
        classes.put("COUNT(*) of one predicate", variants("plans/count-party.rq", (r, p) -> Map.of(), graph.population()));
        classes.put("GROUP BY count of one predicate's objects", variants("plans/count-per-status.rq", (r, p) -> Map.of(),
                graph.population()));

        System.out.printf("| query class | %s |%n|---|%s%n", String.join(" | ", WAYS.stream().map(Way::name).toList()),
                "--:|".repeat(WAYS.size()));
        classes.forEach((title, queries) -> {
            List<String> cells = new ArrayList<>();
            for (double ms : medians(dsg, queries))
                cells.add(String.format("%.2f", ms));
            System.out.printf("| %s | %s |%n", title, String.join(" | ", cells));
        });
    }

    private static List<Query> variants(String resource, BiFunction<SplittableRandom, Population, Map<String, Node>> parameters,
                                        Population population) {
        Query template = QueryFactory.create(QueryLibrary.text(resource));
        SplittableRandom random = new SplittableRandom(resource.hashCode());
        List<Query> out = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++)
            out.add(QueryMix.bind(template, parameters.apply(random, population)));
        return out;
    }

    /** Median milliseconds of each way over {@code queries}; the ways take turns on each query, so drift in the machine's load reaches all alike. */
    private static double[] medians(DatasetGraph dsg, List<Query> queries) {
        long[][] nanos = new long[WAYS.size()][queries.size()];
        for (int round = 0; round < ROUNDS; round++)
            for (int i = 0; i < queries.size(); i++)
                for (int w = 0; w < WAYS.size(); w++)
                    nanos[w][i] = time(dsg, queries.get(i), WAYS.get(w));
        double[] out = new double[WAYS.size()];
        for (int w = 0; w < WAYS.size(); w++) {
            Arrays.sort(nanos[w]);
            out[w] = nanos[w][queries.size() / 2] / 1e6;
        }
        return out;
    }

    private static long time(DatasetGraph dsg, Query q, Way way) {
        long t0 = System.nanoTime();
        Txn.executeRead(dsg, () -> {
            try (QueryExec exec = way.setup().apply(QueryExec.dataset(dsg).query(q)).build()) {
                if (q.isAskType())
                    exec.ask();
                else
                    exec.select().forEachRemaining(b -> { });
            }
        });
        return System.nanoTime() - t0;
    }
}
