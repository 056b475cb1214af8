package org.icakg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * A whole benchmark run: the synthetic data, then each server in its own process (a plain Javalin route as the
 * floor, this service, stock embedded Fuseki, Virtuoso 7 when installed) under the same query mix, then the
 * start-up, reopening, writes and validation measurements. Progress goes to {@code progress} as it happens.
 */
public final class Benchmark {

    /** Warm-up of the floor, at least: it is measured in a fresh JVM with no other class to warm it. */
    private static final double FLOOR_WARMUP_SECONDS = 5;
    /**
     * Warm-up of the first query class measured on each server (this service, stock Fuseki and Virtuoso alike), at
     * least: a server that has just loaded compiles its whole request path (HTTP, query parsing, answer writing) in
     * its first seconds of serving, which would otherwise be charged to whichever class comes first. In a fresh 1 M
     * server the JIT compiled some 1,500 methods in the 7.5 s after ready, both compiler threads busy throughout.
     */
    static final double FIRST_CLASS_WARMUP_SECONDS = 5;

    private final BenchSettings settings;
    private final PrintStream progress;
    private final Results results = new Results();
    private Population population;

    public Benchmark(BenchSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs everything and returns the report. */
    public BenchReport run() throws IOException, InterruptedException {
        try (MachineLoad load = new MachineLoad()) {
            prepareData();
            try (ServerProcess hello = floor()) {
                service(hello);
            }
            if (settings.baseline())
                baseline();
            if (settings.virtuoso())
                virtuoso();
            else
                results.virtuosoAbsent = "left out (--no-virtuoso)";
            if (settings.extras())
                new Extras(settings, progress, results).run();
            results.machine = load.summary();
            say(progress, "Machine: %s", results.machine);
        }
        return new BenchReport(settings, results);
    }

    /** Only the write target: the data and its store (made when absent), then {@code count} gated writes. */
    public BenchReport runWrites(int count, boolean inMemory) throws IOException, InterruptedException {
        prepareData();
        new Extras(settings, progress, results).writes(count, inMemory);
        return new BenchReport(settings, results);
    }

    /** Writes the synthetic graph of {@code triples} statements to a TriG file; returns the count written. */
    public static long generate(long triples, long seed, Path file, PrintStream progress) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long count;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS);
            count = new SyntheticGraph(triples, seed).generate(writer, n -> say(progress, "  generated %,d of %,d triples", n, triples));
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return count;
    }

    private void prepareData() throws IOException {
        Path file = settings.dataFile();
        long start = System.nanoTime();
        SyntheticGraph graph = new SyntheticGraph(settings.triples(), settings.seed());
        if (Files.exists(file)) {
            say(progress, "Data: reusing %s (same size and seed give the same triples)", file);
            results.triples = graph.generate(StreamRDFLib.sinkNull(), n -> { });
        } else {
            say(progress, "Data: generating %,d triples into %s", settings.triples(), file);
            results.triples = generate(settings.triples(), settings.seed(), file, progress);
            graph.generate(StreamRDFLib.sinkNull(), n -> { });
        }
        population = graph.population();
        results.generateMillis = (System.nanoTime() - start) / 1_000_000;
        say(progress, "Data: %,d triples, %,d meetings, %,d commitments, %d states (%d ms)", results.triples,
                population.meetings(), population.commitments(), population.states(), results.generateMillis);
    }

    /**
     * The floor, measured with the bench's client; its server is left running for {@link #sameMinutes}, which drives
     * it with {@code wrk} again beside this service's {@code ASK {}} and {@code /health}.
     */
    private ServerProcess floor() throws IOException, InterruptedException {
        say(progress, "Floor: plain Javalin \"hello\" route");
        ServerProcess hello = ServerProcess.start(List.of(), List.of("hello"), log("hello"));
        try {
            // The floor runs in a JVM of its own, first: a longer warm-up lets its JIT catch up with the others.
            results.hello = new LoadDriver("127.0.0.1", hello.port()).run("hello", List.of("/hello"), "text/plain",
                    settings.connections(), Math.max(settings.warmupSeconds(), FLOOR_WARMUP_SECONDS), settings.seconds(), true);
            report(results.hello);
            // wrk's warm-up of the floor, now; its measured run comes in the same minutes as the service's (below).
            if (Wrk.missing().isEmpty())
                wrk("hello-warm-up", hello.port(), "/hello", "text/plain", true, FLOOR_WARMUP_SECONDS);
            return hello;
        } catch (InterruptedException | RuntimeException e) {
            hello.close();
            throw e;
        }
    }

    /**
     * The floor's targets measured next to the floor, so that both see the same machine and a like warm-up: the
     * service's distinct {@code ASK {}} is first driven as long as the floor was before its runs, then the floor and
     * {@code ASK {}} take turns, twice with the bench's client and twice with {@code wrk} (with {@code /health}
     * between); each figure is the sum of its two runs, so each ratio compares runs of the same minutes.
     */
    private void sameMinutes(ServerProcess hello, ServerProcess server, String endpoint) throws InterruptedException {
        QueryMix.QueryClass ask = QueryMix.CLASSES.stream().filter(c -> c.name().equals("ask")).findFirst().orElseThrow();
        boolean asks = settings.runs(ask);
        String askPath = QueryMix.paths(ask, population, endpoint, settings.seed()).get(0);
        LoadDriver floor = new LoadDriver("127.0.0.1", hello.port()), service = new LoadDriver("127.0.0.1", server.port());
        say(progress, "  the floor and this service's smallest answers in turn, with the bench's client, then wrk:");
        LoadDriver.Result[] helloRuns = new LoadDriver.Result[2], askRuns = new LoadDriver.Result[2];
        for (int turn = 0; turn < 2; turn++) {
            helloRuns[turn] = floor.run("hello", List.of("/hello"), "text/plain", settings.connections(),
                    settings.warmupSeconds(), settings.seconds(), true);
            report(helloRuns[turn]);
            if (asks) {
                // Before the first run, ASK {} is driven as long as the floor was before its own first run.
                askRuns[turn] = service.run("ask", List.of(askPath), accept(ask), settings.connections(),
                        turn == 0 ? Math.max(settings.warmupSeconds(), FLOOR_WARMUP_SECONDS) : settings.warmupSeconds(),
                        settings.seconds(), true);
                report(askRuns[turn]);
            }
        }
        results.helloSameMinutes = LoadDriver.Result.sum("hello", helloRuns[0], helloRuns[1]);
        results.askSameMinutes = asks ? LoadDriver.Result.sum("ask", askRuns[0], askRuns[1]) : null;
        LoadDriver.Result floor1 = wrk("hello", hello.port(), "/hello", "text/plain", true, 0);
        LoadDriver.Result ask1 = asks ? wrk("ask", server.port(), askPath, accept(ask), true, 0) : null;
        results.healthWrk = wrk("health", server.port(), "/health", "application/json", true, 0);
        if (asks)
            results.askPostedWrk = wrkPosted("ask-posted", server.port(), askPath, accept(ask));
        LoadDriver.Result floor2 = wrk("hello", hello.port(), "/hello", "text/plain", true, 0);
        LoadDriver.Result ask2 = asks ? wrk("ask", server.port(), askPath, accept(ask), true, 0) : null;
        results.helloWrk = floor1 == null || floor2 == null ? floor1 : LoadDriver.Result.sum("hello", floor1, floor2);
        results.askWrk = ask1 == null || ask2 == null ? ask1 : LoadDriver.Result.sum("ask", ask1, ask2);
    }

    /**
     * One floor measurement with {@code wrk} when it is installed (else null, and the reason kept); a failure is
     * reported and the run goes on.
     */
    private LoadDriver.Result wrk(String name, int port, String path, String accept, boolean distinct, double warmup)
            throws InterruptedException {
        Optional<String> missing = Wrk.missing();
        if (missing.isPresent()) {
            results.wrkAbsent = missing.get();
            return null;
        }
        try {
            LoadDriver.Result r = Wrk.run(name, port, path, accept, distinct, settings.connections(),
                    Math.max(settings.warmupSeconds(), warmup), settings.seconds(), settings.workDir());
            say(progress, "  %-20s %,7.0f req/s   p50 %8.2f ms   p99 %8.2f ms   (wrk)%s", name, r.throughput(), r.p50Ms(),
                    r.p99Ms(), r.errors() > 0 ? "   " + r.errors() + " errors: " + r.firstError() : "");
            return r;
        } catch (IOException e) {
            results.wrkAbsent = "failed: " + e.getMessage().lines().findFirst().orElse("");
            say(progress, "  wrk FAILED for %s, the run goes on: %s", name, e.getMessage());
            return null;
        }
    }

    /**
     * The query of {@code queryPath} ({@code /sparql?query=...}) posted as an {@code application/sparql-query} body,
     * driven by {@code wrk} as {@link #wrk} drives a path (null when {@code wrk} cannot run).
     */
    private LoadDriver.Result wrkPosted(String name, int port, String queryPath, String accept) throws InterruptedException {
        if (Wrk.missing().isPresent())
            return null;
        int at = queryPath.indexOf("?query=");
        String query = java.net.URLDecoder.decode(queryPath.substring(at + "?query=".length()), java.nio.charset.StandardCharsets.UTF_8);
        try {
            // warmed up as long as the floor, being the first request of its path (the mix sends none)
            LoadDriver.Result r = Wrk.runPosted(name, port, queryPath.substring(0, at), query, accept, settings.connections(),
                    Math.max(settings.warmupSeconds(), FLOOR_WARMUP_SECONDS), settings.seconds(), settings.workDir());
            say(progress, "  %-20s %,7.0f req/s   p50 %8.2f ms   p99 %8.2f ms   (wrk)%s", name, r.throughput(), r.p50Ms(),
                    r.p99Ms(), r.errors() > 0 ? "   " + r.errors() + " errors: " + r.firstError() : "");
            return r;
        } catch (IOException e) {
            say(progress, "  wrk FAILED for %s, the run goes on: %s", name, e.getMessage());
            return null;
        }
    }

    /**
     * This service, launched as a user launches it ({@code java -Xmx2g -jar target/ica-kg.jar serve ...}, through the
     * launcher and the server JVM it starts with its own options), so that its load to ready and its answers are
     * what a user gets.
     */
    private void service(ServerProcess hello) throws IOException, InterruptedException {
        List<String> serve;
        if (settings.store()) {
            Path store = new Extras(settings, progress, results).ensureStore(settings.workDir().resolve("logs"));
            say(progress, "ica-kg: opening the TDB2 store of %,d triples, %s (%s) ...", results.triples, store,
                    BenchSettings.SERVICE_HEAP);
            serve = List.of("--store", store.toString());
        } else {
            say(progress, "ica-kg: loading %,d triples (%s) ...", results.triples, BenchSettings.SERVICE_HEAP);
            serve = List.of("--data", settings.dataFile().toString());
        }
        List<String> jvm = new java.util.ArrayList<>(List.of(BenchSettings.SERVICE_HEAP));
        jvm.addAll(settings.serviceJvmOptions());
        Startup.recordClassArchive(settings.serviceJarIfBuilt(), jvm, settings.store() ? serve : List.of(),
                log("ica-kg-first-start"));
        ServerProcess served;
        MachineLoad.CpuTimes from = MachineLoad.CpuTimes.now();
        try (Ticker t = new Ticker(progress, "loading")) {
            served = ServerProcess.serve(settings.serviceJarIfBuilt(), jvm, serve, log("ica-kg"));
        }
        results.loadStealPercent = MachineLoad.stolenPercentSince(from);
        try (ServerProcess ica = served) {
            measureServer(ica, results.service, "/sparql", true);
            sameMinutes(hello, ica, "/sparql");
        }
    }

    private void baseline() throws IOException, InterruptedException {
        say(progress, "Stock Fuseki: loading %,d triples (JVM default heap) ...", results.triples);
        try (ServerProcess fuseki = start(List.of(), List.of("fuseki", settings.dataFile().toString()), "fuseki")) {
            measureServer(fuseki, results.baseline, "/ds/sparql", false);
        }
    }

    /** Virtuoso 7 on a new database: start, bulk load, the same distinct queries, stop. A failure is reported, not fatal. */
    private void virtuoso() throws InterruptedException {
        Optional<String> missing = Virtuoso.missing();
        if (missing.isPresent()) {
            results.virtuosoAbsent = "not installed: " + missing.get();
            say(progress, "Virtuoso: skipped, %s", missing.get());
            return;
        }
        try {
            measureVirtuoso();
        } catch (IOException e) {
            results.virtuosoAbsent = "failed: " + e.getMessage().lines().findFirst().orElse("");
            say(progress, "Virtuoso: FAILED, the run goes on without it: %s", e.getMessage());
        }
    }

    private void measureVirtuoso() throws IOException, InterruptedException {
        say(progress, "Virtuoso: starting on a new database in %s ...", settings.virtuosoDir());
        long start = System.nanoTime();
        Virtuoso started;
        try (Ticker t = new Ticker(progress, "starting Virtuoso")) {
            started = Virtuoso.start(settings.virtuosoDir(), settings.dataFile().toAbsolutePath().getParent());
        }
        try (Virtuoso v = started) {
            results.virtuosoStartMillis = (System.nanoTime() - start) / 1_000_000;
            say(progress, "  answering in %,d ms; bulk-loading %,d triples (ld_dir, rdf_loader_run, checkpoint) ...",
                    results.virtuosoStartMillis, results.triples);
            long load = System.nanoTime();
            try (Ticker t = new Ticker(progress, "loading into Virtuoso")) {
                v.load(settings.dataFile());
            }
            Results.Server into = results.virtuoso;
            into.readyMillis = (System.nanoTime() - load) / 1_000_000;
            results.virtuosoStatements = v.statements();
            into.heapAfterLoad = v.residentBytes();
            say(progress, "  loaded in %,d ms: %,d statements in the benchmark's graphs%s; resident memory %,d MB",
                    into.readyMillis, results.virtuosoStatements, results.virtuosoStatements == results.triples ? ""
                            : String.format(" (NOT the %,d generated)", results.triples), into.heapAfterLoad >> 20);
            say(progress, "  every request distinct:");
            measureClasses(v.port(), into, Virtuoso.ENDPOINT, false);
            into.heapAfterRun = v.residentBytes();
        }
    }

    private ServerProcess start(List<String> jvm, List<String> args, String name) throws IOException {
        try (Ticker t = new Ticker(progress, "loading")) {
            return ServerProcess.start(jvm, args, log(name));
        }
    }

    private void measureServer(ServerProcess server, Results.Server into, String endpoint, boolean pages)
            throws IOException, InterruptedException {
        into.readyMillis = server.readyMillis();
        into.heapAfterLoad = server.heapAfterGc();
        say(progress, "  ready in %,d ms; heap after GC %,d MB", into.readyMillis, into.heapAfterLoad >> 20);
        say(progress, "  every request distinct:");
        measureClasses(server.port(), into, endpoint, pages);
        if (pages) {
            results.health = drive(server.port(), "health", List.of("/health"), "application/json",
                    settings.connections(), true);
        }
        if (pages && settings.extras()) {
            QueryMix.QueryClass page = QueryMix.CLASSES.get(QueryMix.CLASSES.size() - 1);
            MachineLoad.CpuTimes from = MachineLoad.CpuTimes.now();
            results.entityPage16 = drive(server.port(), "entity-page@16", QueryMix.paths(page, population, endpoint,
                    settings.seed()), accept(page), BenchSettings.ENTITY_PAGE_CONNECTIONS, true);
            results.entityPage16StealPercent = MachineLoad.stolenPercentSince(from);
        }
        if (pages && settings.cached()) {
            say(progress, "  cached mix (%d variants per class, repeated):", QueryMix.VARIANTS);
            for (QueryMix.QueryClass c : QueryMix.CLASSES) {
                if (settings.runs(c))
                    into.cached.put(c.name(), drive(server.port(), c.name(), QueryMix.paths(c, population, endpoint,
                            settings.seed()), accept(c), settings.connections(), false));
            }
        }
        into.heapAfterRun = server.heapAfterGc();
    }

    /** Every selected class, each request distinct (pages only where the server has them). */
    private void measureClasses(int port, Results.Server into, String endpoint, boolean pages) throws InterruptedException {
        warmUpOnMix(port, into, endpoint, pages);
        boolean first = true;
        for (QueryMix.QueryClass c : QueryMix.CLASSES) {
            if (!settings.runs(c) || (c.isPage() && !pages))
                continue;
            List<String> paths = QueryMix.paths(c, population, endpoint, settings.seed());
            into.classes.put(c.name(), drive(port, c.name(), paths, accept(c), settings.connections(), true,
                    warmupSeconds(settings.warmupSeconds(), first)));
            first = false;
        }
    }

    /**
     * Before a server's first class: the selected SPARQL classes' requests in turn (every request distinct, none of
     * them sent again later), for {@code --mix-warmup} seconds in windows whose throughput is reported, so that every
     * class is measured on a server that has compiled the code the whole mix runs, not only the classes before it.
     * Every server gets the same warm-up. Then, on a server with pages, as long again of entity pages (the other servers
     * have none): a page's code (Jetty's and Javalin's paths for a page, the templates, the labels) is not the queries',
     * and C2 compiles it over a minute of pages on two cores, as it does the queries' over a minute of the mix.
     */
    private void warmUpOnMix(int port, Results.Server into, String endpoint, boolean pages) throws InterruptedException {
        double total = settings.warmupSeconds() > 0 ? settings.mixWarmupSeconds() : 0;
        if (total <= 0)
            return;
        List<List<String>> perClass = new ArrayList<>();
        for (QueryMix.QueryClass c : QueryMix.CLASSES)
            if (settings.runs(c) && !c.isPage())
                perClass.add(QueryMix.paths(c, population, endpoint, settings.seed()));
        if (!perClass.isEmpty()) {
            List<String> mix = interleave(perClass);
            say(progress, "  warm-up on the mix of %d classes, %.0f s, every request distinct:", perClass.size(), total);
            warmUp(port, "mix", mix, QueryMix.RESULTS_JSON, total, into.mixWarmup);
        }
        for (QueryMix.QueryClass c : QueryMix.CLASSES)
            if (pages && settings.runs(c) && c.isPage()) {
                say(progress, "  warm-up on entity pages, %.0f s, every request distinct:", total);
                warmUp(port, "pages", QueryMix.paths(c, population, endpoint, settings.seed()), accept(c), total,
                        into.pageWarmup);
            }
    }

    /** {@code seconds} of {@code paths} (each request distinct), in reported windows added to {@code windows}. */
    private void warmUp(int port, String name, List<String> paths, String accept, double seconds,
                        List<LoadDriver.Result> windows) throws InterruptedException {
        for (double done = 0; done < seconds; done += BenchSettings.MIX_WARMUP_WINDOW_SECONDS) {
            double window = Math.min(BenchSettings.MIX_WARMUP_WINDOW_SECONDS, seconds - done);
            LoadDriver.Result r = new LoadDriver("127.0.0.1", port).run(String.format(Locale.ROOT, "%s %.0f-%.0f s",
                    name, done, done + window), paths, accept, settings.connections(), 0, window, true);
            windows.add(r);
            report(r);
        }
    }

    /** The lists' elements in turn: the first of each, then the second of each, and so on. */
    static List<String> interleave(List<List<String>> lists) {
        List<String> out = new ArrayList<>();
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++)
            for (List<String> l : lists)
                if (i < l.size())
                    out.add(l.get(i));
        return out;
    }

    /**
     * The warm-up before a class: {@code warmup}, or for the first class of a server at least
     * {@link #FIRST_CLASS_WARMUP_SECONDS}; none at all when {@code warmup} is 0 ({@code --warmup 0}: no warm-up asked).
     */
    static double warmupSeconds(double warmup, boolean firstClass) {
        return firstClass && warmup > 0 ? Math.max(warmup, FIRST_CLASS_WARMUP_SECONDS) : warmup;
    }

    private LoadDriver.Result drive(int port, String name, List<String> paths, String accept, int connections,
                                    boolean distinct) throws InterruptedException {
        return drive(port, name, paths, accept, connections, distinct, settings.warmupSeconds());
    }

    private LoadDriver.Result drive(int port, String name, List<String> paths, String accept, int connections,
                                    boolean distinct, double warmupSeconds) throws InterruptedException {
        LoadDriver.Result r = new LoadDriver("127.0.0.1", port).run(name, paths, accept, connections,
                warmupSeconds, settings.seconds(), distinct);
        report(r);
        return r;
    }

    private void report(LoadDriver.Result r) {
        say(progress, "  %-16s %,10.0f req/s   p50 %8.2f ms   p99 %8.2f ms%s", r.name(), r.throughput(), r.p50Ms(),
                r.p99Ms(), r.errors() == 0 ? "" : "   " + r.errors() + " errors, first: " + r.firstError());
    }

    private static String accept(QueryMix.QueryClass c) {
        return c.isPage() ? "text/html" : QueryMix.RESULTS_JSON;
    }

    private Path log(String name) { return settings.workDir().resolve("logs").resolve(name + ".log"); }

    static void say(PrintStream out, String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }
}
