package org.icakg.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start to first answer: the service's own {@code serve} command launched as from a shell (a fresh JVM, its
 * relaunch included), polled until it answers a query.
 */
final class Startup {

    /** Launches whose median is reported. */
    static final int LAUNCHES = 5;

    private static final long GIVE_UP_MS = 180_000, POLL_MS = 5;
    private static final String ASK = "/sparql?query=ASK%7B%7D";

    private Startup() {}

    /** The median of {@link #LAUNCHES} launches of {@link #firstAnswerMillis}; each is reported as it ends. */
    static long medianFirstAnswerMillis(Optional<Path> serviceJar, List<String> jvmOptions, List<String> serveArgs,
                                        Path log, java.util.function.LongConsumer each) throws IOException, InterruptedException {
        long[] runs = new long[LAUNCHES];
        for (int i = 0; i < LAUNCHES; i++) {
            runs[i] = firstAnswerMillis(serviceJar, jvmOptions, serveArgs, log);
            each.accept(runs[i]);
        }
        java.util.Arrays.sort(runs);
        return runs[LAUNCHES / 2];
    }

    /**
     * One start of {@code serve ARGS}, unmeasured, before the measured ones, when the service's jar is built: a jar's
     * first start of each kind (in memory, on a store) records its class archive as it ends, having read every class
     * from the jar (cli/ClassArchive), once per jar and kind; the starts measured are then like every later one.
     */
    static void recordClassArchive(Optional<Path> serviceJar, List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException, InterruptedException {
        if (serviceJar.isPresent())
            launch(serviceJar, jvmOptions, serveArgs, log);
    }

    /** Milliseconds from spawning {@code serve ARGS} to the first 200 answer to {@code ASK {}}. */
    static long firstAnswerMillis(Optional<Path> serviceJar, List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException, InterruptedException {
        return launch(serviceJar, jvmOptions, serveArgs, log).millis();
    }

    /**
     * One launch: milliseconds to the first answer, and the processor time the launched processes (the launcher and
     * the server it starts) had used by then, which a machine's other load changes far less than the wall time.
     */
    record Launch(long millis, long cpuMillis) {}

    /** Launches {@code serve ARGS}, waits for its first answer, stops it. */
    static Launch launch(Optional<Path> serviceJar, List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port)));
        args.addAll(serveArgs);
        long start = System.nanoTime();
        Process p = ServerProcess.spawnServe(serviceJar, jvmOptions, args, log);
        try {
            long millis = awaitFirstAnswer(p, port, start, serveArgs, log);
            return new Launch(millis, cpuMillis(p.toHandle()));
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /**
     * Waits for the first 200 answer to {@code ASK {}} from {@code p}, launched as {@code serve ARGS} on {@code port}
     * at {@code start} ({@link System#nanoTime}), and returns the milliseconds since; a launch that ends or does not
     * answer within {@link #GIVE_UP_MS} is an error that quotes its log.
     */
    static long awaitFirstAnswer(Process p, int port, long start, List<String> serveArgs, Path log)
            throws IOException, InterruptedException {
        while (true) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (answers(port))
                return elapsed;
            if (!p.isAlive())
                throw new IOException("serve " + serveArgs + " ended with status " + p.exitValue()
                        + " before answering; its log " + log + " ends with:\n" + ServerProcess.tail(log));
            if (elapsed > GIVE_UP_MS)
                throw new IOException("serve " + serveArgs + " did not answer within " + GIVE_UP_MS + " ms");
            Thread.sleep(POLL_MS);
        }
    }

    /** Processor time used so far by {@code process} and its descendants. */
    static long cpuMillis(ProcessHandle process) {
        long total = process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
        for (ProcessHandle child : process.descendants().toList())
            total += child.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
        return total;
    }

    /** What each launch serves: the arguments of {@code serve} and the words the report names it with. */
    record What(List<String> serveArgs, String words) {
        /** Reopening {@code store}, else loading {@code data} in memory, else the bundled data. */
        static What of(Optional<Path> store, List<Path> data) {
            if (store.isPresent() && !data.isEmpty())
                throw new IllegalArgumentException("a launch either reopens a store or loads data files, not both");
            if (store.isPresent())
                return new What(List.of("--store", store.get().toString()), "reopening " + store.get());
            if (!data.isEmpty()) {
                List<String> args = new ArrayList<>();
                for (Path file : data) {
                    args.add("--data");
                    args.add(file.toString());
                }
                return new What(List.copyOf(args), "loading " + data + " in memory");
            }
            return new What(List.of(), "bundled data");
        }
    }

    /**
     * {@code startup}: {@code launches} launches of each jar in turn (so the jars share the machine's moments), to
     * the first answer, serving {@code what}, after one of each that is not measured ({@link #recordClassArchive});
     * the report gives each launch and the medians.
     */
    static String compare(List<Path> jars, int launches, What what, List<String> jvmOptions, Path logs,
                          java.io.PrintStream progress) throws IOException, InterruptedException {
        List<String> serveArgs = what.serveArgs();
        for (int j = 0; j < jars.size(); j++)
            recordClassArchive(Optional.of(jars.get(j)), jvmOptions, serveArgs, logs.resolve("startup-" + j + ".log"));
        long[][] ms = new long[jars.size()][launches], cpu = new long[jars.size()][launches];
        MachineLoad.CpuTimes from = MachineLoad.CpuTimes.now();
        for (int i = 0; i < launches; i++) {
            for (int j = 0; j < jars.size(); j++) {
                Launch l = launch(Optional.of(jars.get(j)), jvmOptions, serveArgs, logs.resolve("startup-" + j + ".log"));
                ms[j][i] = l.millis();
                cpu[j][i] = l.cpuMillis();
                progress.printf("%s: %,d ms to the first answer, %,d ms of CPU%n", jars.get(j), l.millis(), l.cpuMillis());
            }
        }
        StringBuilder out = new StringBuilder(String.format("Start to first answer (%s), %d launches of each after a first that "
                + "is not measured (it records the jar's class archive), JVM options %s%s%n%n", what.words(), launches, jvmOptions,
                BenchReport.steal(MachineLoad.stolenPercentSince(from))));
        out.append("| jar | median ms | median CPU ms | each launch, ms (CPU ms) |\n|---|--:|--:|---|\n");
        for (int j = 0; j < jars.size(); j++) {
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < launches; i++)
                each.append(i == 0 ? "" : ", ").append(ms[j][i]).append(" (").append(cpu[j][i]).append(')');
            out.append(String.format("| %s | %,d | %,d | %s |%n", jars.get(j), median(ms[j]), median(cpu[j]), each));
        }
        return out.toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static boolean answers(int port) {
        try (PlainHttpClient client = new PlainHttpClient("127.0.0.1", port)) {
            return client.get(ASK, QueryMix.RESULTS_JSON).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
