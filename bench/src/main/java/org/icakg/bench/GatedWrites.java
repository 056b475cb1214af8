package org.icakg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write target: {@code serve --store} on a copy of the benchmark's TDB2 store, with one maintainer, then
 * {@link WritePayload 100-statement} SPARQL Updates sent one after the other with credentials, each applied,
 * inferred, validated and committed by the server before the next is sent. Latency is measured at the client.
 */
final class GatedWrites {

    /** Writes sent before measuring, so the server's JIT has compiled the write path. */
    static final int WARMUP_WRITES = 5;

    private static final String USER = "bench", PASSWORD = "bench-writes";
    private static final Pattern GATE_MILLIS = Pattern.compile("\"millis\"\\s*:\\s*([0-9.]+)");

    /** What the writes measured: client-side latency and the gate's own time (from the answers). */
    record Result(int writes, double p50Ms, double p99Ms, double maxMs, double gateP50Ms, String firstError) {}

    private final BenchSettings settings;
    private final PrintStream progress;

    GatedWrites(BenchSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Copies {@code store}, serves the copy and sends {@code count} measured writes after the warm-up. */
    Result run(Path store, int count) throws IOException, InterruptedException {
        Path copy = settings.workDir().resolve(store.getFileName() + "-writes");
        Benchmark.say(progress, "Writes: copying the store to %s (writes change it) ...", copy);
        copyTree(store, copy);
        return serveAndSend(List.of("--store", copy.toString()), count);
    }

    /** Serves {@code data} in memory ({@code serve --data}, no store) and sends {@code count} measured writes. */
    Result runInMemory(Path data, int count) throws IOException, InterruptedException {
        Benchmark.say(progress, "Writes: serving %s in memory (no store) ...", data);
        return serveAndSend(List.of("--data", data.toString()), count);
    }

    private Result serveAndSend(List<String> source, int count) throws IOException, InterruptedException {
        Path users = settings.workDir().resolve("bench-users.txt");
        Files.writeString(users, USER + ":" + PASSWORD + "\n");
        int port = Startup.freePort();
        Path log = settings.workDir().resolve("logs").resolve("writes.log");
        List<String> serve = new ArrayList<>(List.of("--port", Integer.toString(port), "--users", users.toString()));
        serve.addAll(source);
        List<String> jvm = new ArrayList<>(List.of(BenchSettings.SERVICE_HEAP));
        jvm.addAll(settings.serviceJvmOptions());
        long start = System.nanoTime();
        Process server = ServerProcess.spawnServe(settings.serviceJarIfBuilt(), jvm, serve, log);
        try {
            Startup.awaitFirstAnswer(server, port, start, serve, log);
            Benchmark.say(progress, "Writes: %d warm-up and %d measured writes of %d statements ...", WARMUP_WRITES,
                    count, WritePayload.TRIPLES);
            return send(port, count);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private Result send(int port, int count) throws IOException {
        WritePayload payload = new WritePayload(Population.forTriples(settings.triples()));
        String auth = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        double[] client = new double[count], gate = new double[count];
        String firstError = null;
        try (PlainHttpClient http = new PlainHttpClient("127.0.0.1", port)) {
            for (int i = 0; i < WARMUP_WRITES + count; i++) {
                byte[] body = payload.update(i, settings.seed()).getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                PlainHttpClient.Response r = http.post("/update", "application/sparql-update", auth, body);
                double ms = (System.nanoTime() - start) / 1e6;
                Matcher m = GATE_MILLIS.matcher(r.text());
                if ((r.status() != 200 || !m.find()) && firstError == null)
                    firstError = "write " + i + ": HTTP " + r.status() + " " + r.text().lines().findFirst().orElse("");
                if (i < WARMUP_WRITES)
                    continue;
                client[i - WARMUP_WRITES] = ms;
                gate[i - WARMUP_WRITES] = m.find(0) ? Double.parseDouble(m.group(1)) : Double.NaN;
            }
        }
        Arrays.sort(client);
        Arrays.sort(gate);
        return new Result(count, percentile(client, 0.50), percentile(client, 0.99), client[count - 1],
                percentile(gate, 0.50), firstError);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Extras.deleteTree(to);
        try (var walk = Files.walk(from)) {
            List<Path> all = new ArrayList<>(walk.toList());
            for (Path p : all) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p))
                    Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("tdb.lock"))
                    Files.copy(p, target);
            }
        }
    }
}
