package org.icakg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.icakg.cli.Args;

/**
 * Entry point of {@code ica-kg-bench.jar}: generates a synthetic graph, runs the query mix against this service,
 * stock Fuseki, a plain Javalin route and Virtuoso (when installed), and prints the table; {@code generate} only
 * writes the synthetic graph to a TriG file, {@code writes} only measures gated writes.
 */
public final class BenchCommand {

    static final String USAGE = String.join("\n",
            "usage: java -jar bench/target/ica-kg-bench.jar [OPTIONS]      measure this service beside the baselines",
            "         [--triples 1000000] [--connections 8] [--seconds 5] [--warmup 2] [--mix-warmup 60] [--out FILE] [--seed N]",
            "         [--work target/bench] [--classes a,b] [--no-baseline] [--no-virtuoso] [--no-extras] [--no-cached]",
            "         [--store]                                              this service from a TDB2 store, not in memory",
            "         [--service-jvm OPTION]... [--service-jar target/ica-kg.jar]",
            "       java -jar bench/target/ica-kg-bench.jar generate --triples N --out FILE.trig [--seed N]",
            "                                                                  only write the synthetic graph",
            "       java -jar bench/target/ica-kg-bench.jar startup [--service-jar JAR]... [--launches 5] [--reopen STORE]",
            "         [--data FILE]... [--service-jvm OPTION]...             only start to first answer, each jar in turn",
            "                                                                  (--data: loading FILE in memory, -Xmx2g",
            "                                                                  unless --service-jvm names a heap)",
            "       java -jar bench/target/ica-kg-bench.jar writes [--triples N] [--writes 100] [--seed N] [--work DIR]",
            "         [--in-memory] [--service-jvm OPTION]... [--service-jar JAR]",
            "                                                                only the gated-write target (to a copy",
            "                                                                  of the TDB2 store, or served in memory)");

    private static final long DEFAULT_TRIPLES = 1_000_000;
    private static final int MAX_WRITES = 10_000;

    private BenchCommand() {}

    public static void main(String[] argv) {
        // Interrupted (Ctrl-C), the run must not leave its servers (JVMs, Virtuoso) running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy), "bench-stop-servers"));
        System.exit(run(argv, System.out, System.err));
    }

    /** Runs the benchmark (or {@code generate}, {@code writes}); returns 0, 1 when requests failed, 2 for bad usage. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length > 0 && (argv[0].equals("--help") || argv[0].equals("help"))) {
            err.println(USAGE);
            return 0;
        }
        try {
            return measure(argv, out, err);
        } catch (Args.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static int measure(String[] argv, PrintStream out, PrintStream err) {
        boolean generate = argv.length > 0 && argv[0].equals("generate");
        boolean writes = argv.length > 0 && argv[0].equals("writes");
        boolean startup = argv.length > 0 && argv[0].equals("startup");
        Args args = Args.parse(generate || writes || startup ? Arrays.copyOfRange(argv, 1, argv.length) : argv,
                Set.of("triples", "connections", "seconds", "warmup", "mix-warmup", "out", "seed", "work", "classes", "service-jvm",
                        "service-jar", "writes", "launches", "reopen", "data"),
                Set.of("no-baseline", "no-virtuoso", "no-extras", "no-cached", "store", "in-memory"));
        if (!args.positional().isEmpty())
            throw new Args.UsageException("the benchmark takes no positional arguments, got " + args.positional());
        long triples = args.getInt("triples", (int) DEFAULT_TRIPLES, (int) SyntheticGraph.MIN_TRIPLES,
                (int) SyntheticGraph.MAX_TRIPLES);
        long seed = Long.parseLong(args.get("seed", Long.toString(SyntheticGraph.DEFAULT_SEED)));
        try {
            if (generate)
                return generate(args, triples, seed, err);
            if (startup)
                return startup(args, out, err);
            BenchSettings settings = new BenchSettings(triples, args.getInt("connections", 8, 1, 1024),
                    args.getInt("seconds", 5, 1, 3600), args.getInt("warmup", 2, 0, 600),
                    args.getInt("mix-warmup", (int) BenchSettings.MIX_WARMUP_SECONDS, 0, 3600), seed,
                    Path.of(args.get("work", "target/bench")), classes(args), !args.has("no-baseline"),
                    !args.has("no-virtuoso"), !args.has("no-extras"), !args.has("no-cached"), args.all("service-jvm"),
                    Path.of(args.get("service-jar", "target/ica-kg.jar")), args.has("store"));
            if (writes)
                return writes(args, settings, out, err);
            BenchReport report = new Benchmark(settings, err).run();
            String table = report.markdown();
            out.println();
            out.print(table);
            if (args.has("out"))
                write(Path.of(args.get("out", null)), table);
            return report.errors() == 0 ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int generate(Args args, long triples, long seed, PrintStream err) throws IOException {
        if (!args.has("out"))
            throw new Args.UsageException("generate needs --out FILE.trig");
        Path file = Path.of(args.get("out", null));
        err.printf("Generating %,d triples into %s ...%n", triples, file);
        long written = Benchmark.generate(triples, seed, file, err);
        err.printf("Wrote %,d triples to %s; serve them with: java -jar target/ica-kg.jar serve --data %s%n",
                written, file, file);
        return 0;
    }

    private static int writes(Args args, BenchSettings settings, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        BenchReport report = new Benchmark(settings, err).runWrites(args.getInt("writes", BenchSettings.WRITES, 1, MAX_WRITES),
                args.has("in-memory"));
        out.println();
        out.print(report.writesMarkdown());
        return 0;
    }

    private static int startup(Args args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<Path> jars = args.all("service-jar").isEmpty() ? List.of(Path.of("target/ica-kg.jar"))
                : args.all("service-jar").stream().map(Path::of).toList();
        for (Path jar : jars)
            if (!Files.isRegularFile(jar))
                throw new Args.UsageException("no service jar " + jar + " (build it with mvn package)");
        java.util.Optional<Path> store = args.has("reopen") ? java.util.Optional.of(Path.of(args.get("reopen", null)))
                : java.util.Optional.empty();
        List<Path> data = args.all("data").stream().map(Path::of).toList();
        for (Path file : data)
            if (!Files.isRegularFile(file))
                throw new Args.UsageException("no data file " + file + " (write one with: generate --triples N --out FILE.trig)");
        Startup.What what;
        try {
            what = Startup.What.of(store, data);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--reopen and --data: " + e.getMessage());
        }
        String table = Startup.compare(jars, args.getInt("launches", Startup.LAUNCHES, 1, 100), what,
                startupJvm(args.all("service-jvm"), !data.isEmpty()), Path.of(args.get("work", "target/bench")).resolve("logs"), err);
        out.println();
        out.print(table);
        if (args.has("out"))
            write(Path.of(args.get("out", null)), table);
        return 0;
    }

    /**
     * The JVM options of {@code startup}'s launches: those given, and for a load of data files the heap this service
     * is given in the benchmark ({@link BenchSettings#SERVICE_HEAP}) unless they name one.
     */
    static List<String> startupJvm(List<String> given, boolean loadsData) {
        if (!loadsData || given.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")))
            return given;
        List<String> options = new java.util.ArrayList<>(List.of(BenchSettings.SERVICE_HEAP));
        options.addAll(given);
        return options;
    }

    /** The query classes {@code --classes} names (all when absent); a name no class has is a usage error. */
    static List<String> classes(Args args) {
        String list = args.get("classes", "");
        if (list.isBlank())
            return List.of();
        List<String> known = QueryMix.CLASSES.stream().map(QueryMix.QueryClass::name).toList();
        for (String name : list.split(","))
            if (!known.contains(name))
                throw new Args.UsageException("--classes: no query class '" + name + "' (the classes: "
                        + String.join(", ", known) + ")");
        return List.of(list.split(","));
    }

    private static void write(Path file, String table) throws IOException {
        if (file.toAbsolutePath().getParent() != null)
            Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, table);
    }
}
