package org.icakg.bench;

import org.icakg.validate.WholeGraph;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.validate.Report;

/** The measurements beside the query mix: start-up on the bundled data, reopening a store, gated writes, validation. */
final class Extras {

    /** Validation runs; the first warms the JVM, the best of the rest is reported (parsing excluded). */
    private static final int VALIDATION_RUNS = 4;

    /** Least heap for building a store: loading materialises inferences in memory first. */
    static final long MIN_BUILD_HEAP_GB = 4;
    /** Asserted statements a gigabyte of build heap holds (measured: about 8 GB for 10 M). */
    static final long TRIPLES_PER_BUILD_GB = 1_250_000;
    /** Share of the machine's memory the build may take, the rest left to the system and other processes. */
    static final double MAX_BUILD_SHARE = 0.75;

    private final BenchSettings settings;
    private final PrintStream progress;
    private final Results results;

    Extras(BenchSettings settings, PrintStream progress, Results results) {
        this.settings = settings;
        this.progress = progress;
        this.results = results;
    }

    void run() throws IOException, InterruptedException {
        Path logs = settings.workDir().resolve("logs");
        Optional<Path> jar = settings.serviceJarIfBuilt();
        attempt("start-up", () -> {
            Benchmark.say(progress, "Start-up: %s serve on the bundled data, to the first answer, median of %d launches%s ...",
                    jar.map(j -> "java -jar " + j).orElse("(no service jar built: from the bench's class path)"), Startup.LAUNCHES,
                    firstUnmeasured(jar));
            Startup.recordClassArchive(jar, List.of(), List.of(), logs.resolve("startup.log"));
            MachineLoad.CpuTimes from = MachineLoad.CpuTimes.now();
            results.startupBundledMillis = Startup.medianFirstAnswerMillis(jar, List.of(), List.of(), logs.resolve("startup.log"),
                    ms -> Benchmark.say(progress, "  %,d ms", ms));
            results.startupStealPercent = MachineLoad.stolenPercentSince(from);
        });
        attempt("reopen", () -> {
            Path store = ensureStore(logs);
            Benchmark.say(progress, "Reopen: serve --store on the %,d-triple store, to the first answer, median of %d launches%s ...",
                    results.triples, Startup.LAUNCHES, firstUnmeasured(jar));
            List<String> reopen = List.of("--store", store.toString());
            Startup.recordClassArchive(jar, List.of(BenchSettings.SERVICE_HEAP), reopen, logs.resolve("reopen.log"));
            MachineLoad.CpuTimes from = MachineLoad.CpuTimes.now();
            results.reopenMillis = Startup.medianFirstAnswerMillis(jar, List.of(BenchSettings.SERVICE_HEAP), reopen,
                    logs.resolve("reopen.log"), ms -> Benchmark.say(progress, "  %,d ms", ms));
            results.reopenStealPercent = MachineLoad.stolenPercentSince(from);
        });
        attempt("writes", () -> writes(BenchSettings.WRITES));
        attempt("validation", this::validation);
    }

    /** What the progress line says of {@link Startup#recordClassArchive}'s launch, when there is one. */
    private static String firstUnmeasured(Optional<Path> jar) {
        return jar.isPresent() ? " after a first that is not measured (it records the jar's class archive)" : "";
    }

    /** A measurement of the extras. */
    interface Measurement {
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs one measurement; when it fails, says why, notes it in the results ({@link Results#notMeasured}) and returns
     * false, so that the others still run and the report is still written.
     */
    boolean attempt(String name, Measurement measurement) throws InterruptedException {
        try {
            measurement.run();
            return true;
        } catch (IOException | RuntimeException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            results.notMeasured.put(name, why);
            Benchmark.say(progress, "  %s not measured: %s (the run goes on)", name, why);
            return false;
        }
    }

    /** The write target alone: {@code count} measured 100-statement writes to a copy of the store. */
    void writes(int count) throws IOException, InterruptedException {
        writes(count, false);
    }

    /** {@code count} measured writes, to a copy of the TDB2 store or, {@code inMemory}, to the data served in memory. */
    void writes(int count, boolean inMemory) throws IOException, InterruptedException {
        GatedWrites gated = new GatedWrites(settings, progress);
        results.writes = inMemory ? gated.runInMemory(settings.dataFile(), count)
                : gated.run(ensureStore(settings.workDir().resolve("logs")), count);
        GatedWrites.Result w = results.writes;
        Benchmark.say(progress, "  %d writes: p50 %.1f ms, p99 %.1f ms (gate p50 %.1f ms)%s", w.writes(), w.p50Ms(),
                w.p99Ms(), w.gateP50Ms(), w.firstError() == null ? "" : "; first error: " + w.firstError());
    }

    /** The TDB2 store of this size, built once (a marker file says it is complete). */
    Path ensureStore(Path logs) throws IOException, InterruptedException {
        Path store = settings.storeDir();
        Path done = store.resolve("ica-kg-bench-complete");
        if (!Files.exists(done)) {
            Benchmark.say(progress, "Store: building a TDB2 store of %,d triples in %s (once per size) ...",
                    results.triples, store);
            deleteTree(store);
            try (Ticker t = new Ticker(progress, "building the store");
                 ServerProcess build = ServerProcess.start(List.of(buildHeap(results.triples, physicalMemory())),
                    List.of("build-store", settings.dataFile().toString(), store.toString()), logs.resolve("build-store.log"))) {
                Benchmark.say(progress, "  built in %,d ms", build.readyMillis());
            }
            Files.writeString(done, "built from " + settings.dataFile() + "\n");
        }
        return store;
    }

    /**
     * The {@code -Xmx} option for building a store of {@code triples}: a gigabyte per {@link #TRIPLES_PER_BUILD_GB}
     * statements, at least {@link #MIN_BUILD_HEAP_GB}, at most {@link #MAX_BUILD_SHARE} of {@code physicalBytes}
     * (when known, i.e. positive).
     */
    static String buildHeap(long triples, long physicalBytes) {
        long gb = Math.max(MIN_BUILD_HEAP_GB, (triples + TRIPLES_PER_BUILD_GB - 1) / TRIPLES_PER_BUILD_GB);
        if (physicalBytes > 0)
            gb = Math.max(1, Math.min(gb, (long) (physicalBytes * MAX_BUILD_SHARE) >> 30));
        return "-Xmx" + gb + "g";
    }

    /** This machine's memory in bytes, or 0 when the JVM cannot tell. */
    private static long physicalMemory() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    }

    private void validation() {
        Benchmark.say(progress, "Validation: the bundled data, %d runs in this JVM ...", VALIDATION_RUNS);
        KnowledgeBase kb = KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT);
        long best = Long.MAX_VALUE;
        Report report = null;
        for (int i = 0; i < VALIDATION_RUNS; i++) {
            long start = System.nanoTime();
            report = WholeGraph.validate(kb);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i > 0)
                best = Math.min(best, ms);
        }
        results.validationMillis = best;
        results.validationTriples = report.triples();
        results.validationOutcome = report.conforms() ? "conforms" : "does not conform";
        Benchmark.say(progress, "  %,d ms for %,d triples (%s)", best, report.triples(), results.validationOutcome);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }
}
