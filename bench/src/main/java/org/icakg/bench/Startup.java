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

    /** Milliseconds from spawning {@code serve ARGS} to the first 200 answer to {@code ASK {}}. */
    static long firstAnswerMillis(Optional<Path> serviceJar, List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port)));
        args.addAll(serveArgs);
        long start = System.nanoTime();
        Process p = ServerProcess.spawnServe(serviceJar, jvmOptions, args, log);
        try {
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
        } finally {
            p.destroy();
            p.waitFor();
        }
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
