package org.icakg.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Start to first answer: the service's own {@code serve} command in a fresh JVM, polled until it answers a query. */
final class Startup {

    private static final long GIVE_UP_MS = 180_000, POLL_MS = 5;
    private static final String ASK = "/sparql?query=ASK%7B%7D";

    private Startup() {}

    /** Milliseconds from spawning {@code serve ARGS} to the first 200 answer to {@code ASK {}}. */
    static long firstAnswerMillis(List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
        args.addAll(serveArgs);
        long start = System.nanoTime();
        Process p = ServerProcess.spawn(jvmOptions, "org.icakg.cli.Main", args, log);
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

    private static boolean answers(int port) {
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
