package org.icakg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a benchmark run is made.
 *
 * @param triples      size of the synthetic graph (asserted statements)
 * @param connections  concurrent connections of the query mix
 * @param seconds      measured time per query class and server
 * @param warmupSeconds unmeasured time before each measurement
 * @param mixWarmupSeconds unmeasured time before a server's first class, on the whole mix of SPARQL classes (every
 *                     request distinct), in windows whose throughput the report shows, then as long again on entity
 *                     pages for a server that has them; 0 for none
 * @param seed         seed of the generator and of the query parameters
 * @param workDir      where data files, stores and server logs go
 * @param classes      names of the query classes to run (all when empty)
 * @param baseline     whether to run the stock Fuseki baseline
 * @param virtuoso     whether to run Virtuoso 7 (when installed) as a column of the same run
 * @param extras       whether to measure start-up, reopening, validation and the entity page at 16 connections
 * @param cached       whether to run the mix a second time with repeated requests (the answer cache's table)
 * @param serviceJvmOptions extra JVM options of this service's process (e.g. a flight recording)
 * @param serviceJar   the service's runnable jar, launched as from a shell for start-up, reopening and writes
 * @param store        whether this service answers the query mix from the TDB2 store of this size ({@code serve
 *                     --store}, the store built once) rather than from the TriG file loaded in memory
 */
public record BenchSettings(long triples, int connections, double seconds, double warmupSeconds,
                            double mixWarmupSeconds, long seed,
                            Path workDir, List<String> classes, boolean baseline, boolean virtuoso, boolean extras,
                            boolean cached, List<String> serviceJvmOptions, Path serviceJar, boolean store) {

    /** Heap this service is given: the SPEC target for a million triples. */
    public static final String SERVICE_HEAP = "-Xmx2g";

    /**
     * Measured writes of the write target (after a few unmeasured ones that warm the server up): a hundred, so that
     * their 99th percentile is the 99th of them, not the slowest (of 30 it was the slowest); the slowest is shown too.
     */
    public static final int WRITES = 100;

    /** Connections of the entity-page latency target. */
    public static final int ENTITY_PAGE_CONNECTIONS = 16;

    /**
     * The whole mix's warm-up by default: a freshly started JVM server compiles its hot code for a minute or more of
     * traffic on two cores (C2's compilations took 54 s in the first 60 s of the join class alone, its throughput
     * rising from 190 to 1,750 req/s); measured before that, a class shows how far the compiler has got, not the engine.
     */
    public static final double MIX_WARMUP_SECONDS = 60;

    /** Length of one window of the mix's warm-up, whose throughput is reported. */
    public static final double MIX_WARMUP_WINDOW_SECONDS = 10;

    public BenchSettings {
        if (mixWarmupSeconds < 0)
            throw new IllegalArgumentException("the mix's warm-up must be 0 or more seconds, got " + mixWarmupSeconds);
        if (connections < 1 || connections > 1024)
            throw new IllegalArgumentException("connections must be 1..1024, got " + connections);
        if (seconds <= 0)
            throw new IllegalArgumentException("seconds must be positive, got " + seconds);
        classes = List.copyOf(classes);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** The synthetic data file of this size and seed. */
    public Path dataFile() { return workDir.resolve("synthetic-" + triples + "-" + seed + ".trig"); }

    /** The service's jar when it exists; without it {@code serve} runs from the benchmark's own class path. */
    public Optional<Path> serviceJarIfBuilt() {
        return Files.isRegularFile(serviceJar) ? Optional.of(serviceJar) : Optional.empty();
    }

    /** Virtuoso's database for this run (made anew each time). */
    public Path virtuosoDir() { return workDir.resolve("virtuoso"); }

    /** The TDB2 store of this size and seed (for the reopening measurement). */
    public Path storeDir() { return workDir.resolve("store-" + triples + "-" + seed); }

    boolean runs(QueryMix.QueryClass c) { return classes.isEmpty() || classes.contains(c.name()); }
}
