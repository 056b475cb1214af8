package org.icakg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.icakg.cli.Args;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.sparql.plan.QueryPlans;
import org.icakg.store.Stores;

/**
 * The query engine without HTTP: loads the benchmark's graph into the service's store and prints, per query class,
 * the median processor milliseconds of its distinct variants (best of the rounds for each) (query objects parsed beforehand, so parsing is left out), with
 * the service's planner and as written; with {@code --layouts}, also over the same statements copied into one plain
 * {@link GraphMem2Fast} default graph with Jena's standard engine (the store layout Jena itself offers). With
 * {@code --data FILE.trig} the file is loaded the way {@code serve --data} loads it (inferences included), else the
 * graph is generated straight into the store. {@code --jena-standard} adds Jena's own optimiser and stages over the
 * same store (what the planner is measured against); {@code --plans} adds the rows the planner has rewrites for and
 * the benchmark's classes do not ask ({@link #PLAN_ROWS}). {@code --explain} prints each class's plan.
 * {@code --profile-seconds S} then runs each class's variants with the planner for S seconds, one class after the
 * other as the HTTP benchmark sends them (for a profiler such as JFR to sample), and prints the processor
 * milliseconds per query of that steady state.
 * <pre>
 * java -cp bench/target/ica-kg-bench.jar org.icakg.bench.EngineProfile --triples 1000000 [--data FILE.trig]
 *      [--variants 64] [--rounds 3] [--classes a,b] [--layouts] [--jena-standard] [--plans] [--explain]
 *      [--profile-seconds S]
 * </pre>
 */
public final class EngineProfile {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private record Way(String name, DatasetGraph dataset, UnaryOperator<QueryExecBuilder> setup) {}

    /** Queries of {@code bench/plans/}, each with a rewrite of the planner: its constant end, a count read from statistics. */
    static final List<QueryMix.QueryClass> PLAN_ROWS = List.of(
            new QueryMix.QueryClass("path-text-label-first", "path + text, label written before the path",
                    "plans/path-after-label", QueryMix.CLASSES.stream().filter(c -> c.name().equals("path-text"))
                            .findFirst().orElseThrow().parameters()),
            new QueryMix.QueryClass("count-party", "COUNT(*) of one predicate (ica:party)", "plans/count-party",
                    (r, p) -> Map.of()),
            new QueryMix.QueryClass("count-per-status", "GROUP BY count of one predicate's objects (ica:status)",
                    "plans/count-per-status", (r, p) -> Map.of()));

    /** Jena's standard optimiser and stages, instead of the service's planner. */
    private static QueryExecBuilder jenaStandard(QueryExecBuilder b) {
        return b.set(ARQConstants.sysOptimizerFactory, Optimize.stdOptimizationFactory)
                .set(ARQ.stageGenerator, StageBuilder.standardGenerator());
    }

    private EngineProfile() {}

    public static void main(String[] argv) {
        Args args = Args.parse(argv, Set.of("triples", "data", "variants", "rounds", "classes", "profile-seconds", "seed"),
                Set.of("layouts", "explain", "jena-standard", "plans"));
        long triples = Long.parseLong(args.get("triples", "1000000"));
        long seed = Long.parseLong(args.get("seed", Long.toString(SyntheticGraph.DEFAULT_SEED)));
        int variants = Integer.parseInt(args.get("variants", "64")), rounds = Integer.parseInt(args.get("rounds", "3"));
        List<String> only = args.has("classes") ? List.of(args.get("classes", "").split(",")) : List.of();

        SyntheticGraph graph = new SyntheticGraph(triples, seed);
        DatasetGraph store;
        long start = System.nanoTime();
        if (args.has("data")) {
            graph.generate(StreamRDFLib.sinkNull(), n -> { }); // the population's sizes only
            store = Stores.inMemory();
            KnowledgeBase.open(Bundle.withData(List.of(Path.of(args.get("data", null)))), Vocab.DEFAULT, store);
        } else {
            store = Stores.inMemory();
            QueryPlans.install(store);
            Txn.executeWrite(store, () -> graph.generate(StreamRDFLib.dataset(store), n -> { }));
        }
        System.out.printf("%,d statements loaded in %.1f s; heap used %,d MB%n", triples,
                (System.nanoTime() - start) / 1e9, usedHeapMb());

        List<Way> ways = new ArrayList<>(List.of(new Way("planner", store, b -> b),
                new Way("as written", store, QueryPlans::unplanned)));
        if (args.has("jena-standard"))
            ways.add(new Way("Jena standard", store, EngineProfile::jenaStandard));
        if (args.has("layouts"))
            ways.add(new Way("GraphMem2Fast, Jena standard", plainCopy(store), EngineProfile::jenaStandard));

        List<QueryMix.QueryClass> asked = new ArrayList<>(QueryMix.CLASSES);
        if (args.has("plans"))
            asked.addAll(PLAN_ROWS);
        Map<String, List<Query>> classes = new LinkedHashMap<>();
        for (QueryMix.QueryClass c : asked)
            if (!c.isPage() && (only.isEmpty() || only.contains(c.name())))
                classes.put(c.name(), QueryMix.queries(c, graph.population(), seed).subList(0, Math.min(variants, QueryMix.VARIANTS)));

        System.out.printf("%n| query class | rows | %s |%n|---|--:|%s%n",
                String.join(" | ", ways.stream().map(w -> w.name() + " ms").toList()), "--:|".repeat(ways.size()));
        classes.forEach((name, queries) -> {
            List<String> cells = new ArrayList<>();
            for (double ms : medians(ways, queries, rounds))
                cells.add(String.format("%.3f", ms));
            long rows = queries.stream().mapToLong(q -> run(store, q, b -> b)).sum();
            System.out.printf("| %s | %.1f | %s |%n", name, (double) rows / queries.size(), String.join(" | ", cells));
        });

        System.out.printf("%nheap used after the queries: %,d MB%n", usedHeapMb());

        if (args.has("explain"))
            classes.forEach((name, queries) -> System.out.printf("%n%s:%n%s%n%s", name, queries.get(0),
                    Txn.calculateRead(store, () -> Algebra.optimize(Algebra.compile(queries.get(0)), store.getContext()))));

        int seconds = Integer.parseInt(args.get("profile-seconds", "0"));
        classes.forEach((name, queries) -> {
            if (seconds <= 0)
                return;
            long end = System.nanoTime() + seconds * 1_000_000_000L, cpu = CPU.getCurrentThreadCpuTime();
            int n = 0;
            while (System.nanoTime() < end)
                run(store, queries.get(n++ % queries.size()), b -> b);
            System.out.printf("profiled %s: %d queries in %d s, %.3f processor ms per query%n", name, n, seconds,
                    (CPU.getCurrentThreadCpuTime() - cpu) / 1e6 / n);
        });
    }

    /** The union of {@code store}'s named graphs copied into one plain in-memory graph. */
    private static DatasetGraph plainCopy(DatasetGraph store) {
        GraphMem2Fast plain = new GraphMem2Fast();
        Txn.executeRead(store, () -> store.getUnionGraph().find().forEachRemaining(plain::add));
        return DatasetGraphFactory.wrap(plain);
    }

    /**
     * Median over the queries of each way's best processor time of the rounds: processor time of the querying
     * thread, not wall time, so that other work on a shared machine does not count. The ways take turns on each query.
     */
    private static double[] medians(List<Way> ways, List<Query> queries, int rounds) {
        long[][] nanos = new long[ways.size()][queries.size()];
        for (int round = 0; round <= rounds; round++) // round 0 warms up
            for (int i = 0; i < queries.size(); i++)
                for (int w = 0; w < ways.size(); w++) {
                    long t0 = CPU.getCurrentThreadCpuTime();
                    run(ways.get(w).dataset(), queries.get(i), ways.get(w).setup());
                    long t = CPU.getCurrentThreadCpuTime() - t0;
                    nanos[w][i] = round == 1 ? t : Math.min(nanos[w][i], t);
                }
        double[] out = new double[ways.size()];
        for (int w = 0; w < ways.size(); w++) {
            Arrays.sort(nanos[w]);
            out[w] = nanos[w][queries.size() / 2] / 1e6;
        }
        return out;
    }

    /** Runs {@code q} to its last row; returns the rows (1 or 0 for ASK). */
    private static long run(DatasetGraph dsg, Query q, UnaryOperator<QueryExecBuilder> setup) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = setup.apply(QueryExec.dataset(dsg).query(q)).build()) {
                if (q.isAskType())
                    return exec.ask() ? 1L : 0L;
                long[] n = {0};
                exec.select().forEachRemaining(b -> n[0]++);
                return n[0];
            }
        });
    }

    private static long usedHeapMb() {
        Runtime r = Runtime.getRuntime();
        r.gc();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }
}
