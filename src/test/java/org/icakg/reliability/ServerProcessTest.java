package org.icakg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.icakg.support.Fixtures;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerProcess;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process: killed with {@code kill -9} during writes it reopens with every acknowledged write
 * and no partial one; a store in use by another server is a clear error; the log never holds a password.
 */
class ServerProcessTest {

    /** Statements per write: each write must be found whole or not at all. */
    static final int STATEMENTS_PER_WRITE = 5;
    static final int WRITERS = 4;
    /**
     * Acknowledged writes to wait for before the kill, and the longest time to wait for them: generous, because a
     * busy machine acknowledges fewer writes a second; the kill falls into the stream of writes either way.
     */
    static final int ACKNOWLEDGED_BEFORE_KILL = 20;
    static final long KILL_DEADLINE_MS = 120_000;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    String[] serveArgs(Path store) {
        return new String[] {"--store", store.toString(), "--users", Maintainer.usersFile(dir).toString(),
                "--data", Fixtures.TINY.toString()};
    }

    @Test
    void a_server_killed_during_writes_reopens_with_every_acknowledged_write_and_no_partial_one() throws Exception {
        Path store = dir.resolve("store");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger(), refused = new AtomicInteger();
        try (var server = ServerProcess.serve(dir.resolve("first.log"), serveArgs(store))) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++)
                writers.submit(() -> writeUntilRefused(server, next, acknowledged, refused));
            long deadline = System.currentTimeMillis() + KILL_DEADLINE_MS;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.currentTimeMillis() < deadline
                    && refused.get() == 0)
                Thread.sleep(10);
            server.process().kill();
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(0, refused.get(), "every write conformed before the kill:\n" + server.process().log());
        }
        assertFalse(acknowledged.isEmpty(), "no write was acknowledged before the kill");
        try (var reopened = ServerProcess.serve(dir.resolve("second.log"), serveArgs(store))) {
            Map<Integer, Integer> found = statementsPerWrite(reopened);
            for (int i = 0; i < next.get(); i++) {
                int n = found.getOrDefault(i, 0);
                if (acknowledged.contains(i))
                    assertEquals(STATEMENTS_PER_WRITE, n, "acknowledged write " + i);
                else
                    assertTrue(n == 0 || n == STATEMENTS_PER_WRITE, "write " + i + " is partly there: " + n);
            }
            System.out.printf("kill -9 after %d acknowledged of %d sent writes; all %d found after restart%n",
                    acknowledged.size(), next.get(), acknowledged.size());
        }
    }

    /** Sends numbered writes until the server goes away; records the numbers answered 200. */
    void writeUntilRefused(ServerProcess.Started server, AtomicInteger next, Set<Integer> acknowledged, AtomicInteger refused) {
        while (true) {
            int i = next.getAndIncrement();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/update")))
                        .header("Authorization", Maintainer.AUTH).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(write(i))).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200)
                    acknowledged.add(i);
                else
                    refused.incrementAndGet();
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Write number {@code i}: {@link #STATEMENTS_PER_WRITE} comments in a passage graph of its own. */
    static String write(int i) {
        StringBuilder b = new StringBuilder("INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/crash-" + i + "> {\n");
        for (int k = 0; k < STATEMENTS_PER_WRITE; k++)
            b.append("<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> \"crash ")
                    .append(i).append(" part ").append(k).append("\" .\n");
        return b.append("} }").toString();
    }

    /** How many statements of each numbered write the server holds. */
    Map<Integer, Integer> statementsPerWrite(ServerProcess.Started server) throws Exception {
        String query = "SELECT ?c WHERE { <https://w3id.org/ica-kg/id/state/india> "
                + "<http://www.w3.org/2000/01/rdf-schema#comment> ?c FILTER(STRSTARTS(?c, \"crash \")) }";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/sparql?query=" + TestServer.enc(query))))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Map<Integer, Integer> counts = new HashMap<>();
        r.body().lines().skip(1).map(l -> Integer.parseInt(l.split(" ")[1])).forEach(i -> counts.merge(i, 1, Integer::sum));
        return counts;
    }

    @Test
    void a_store_in_use_by_another_server_is_refused_with_a_clear_message_and_status_2() {
        Path store = dir.resolve("store");
        try (var first = ServerProcess.serve(dir.resolve("first.log"), serveArgs(store))) {
            ServerProcess second = ServerProcess.run(dir.resolve("second.log"), args("serve", "--port", "0", serveArgs(store)));
            assertEquals(2, second.exitStatus(60), second.log());
            assertTrue(second.log().contains("in use by another process"), second.log());
            assertNoStackTrace(second.log());
            assertTrue(first.process().log().contains("ica-kg serving"), "the first server keeps running");
        }
    }

    @Test
    void the_log_never_holds_a_password_or_an_authorization_header() throws Exception {
        Path store = dir.resolve("store");
        try (var server = ServerProcess.serve(dir.resolve("server.log"), serveArgs(store))) {
            String wrong = Maintainer.basic(Maintainer.USER, Maintainer.PASSWORD + "-wrong");
            for (String auth : List.of(Maintainer.AUTH, wrong, "Basic " + Maintainer.PASSWORD, "Basic ???")) {
                for (String body : List.of(write(1), "INSERT DATA { broken", "LOAD <file:///etc/passwd>"))
                    client.send(HttpRequest.newBuilder(URI.create(server.url("/update"))).header("Authorization", auth)
                            .header("Content-Type", "application/sparql-update")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                client.send(HttpRequest.newBuilder(URI.create(server.url("/audit?limit=x"))).header("Authorization", auth)
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
            client.send(HttpRequest.newBuilder(URI.create(server.url("/health?end"))).build(), HttpResponse.BodyHandlers.discarding());
            String log = awaitLog(server.process(), "GET /health");
            assertTrue(log.contains("POST /update 401") && log.contains("POST /update 200") && log.contains("POST /update 400"),
                    "the request log is on:\n" + log);
            for (String secret : List.of(Maintainer.PASSWORD, Maintainer.AUTH.substring(6), wrong.substring(6)))
                assertFalse(log.contains(secret), "the log holds a secret:\n" + log);
        }
    }

    static String awaitLog(ServerProcess p, String line) throws InterruptedException {
        for (int i = 0; i < 100 && !p.log().contains(line); i++)
            Thread.sleep(20);
        return p.log();
    }

    static String[] args(String a, String b, String c, String[] rest) {
        String[] all = new String[3 + rest.length];
        all[0] = a;
        all[1] = b;
        all[2] = c;
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }

    static void assertNoStackTrace(String log) {
        assertFalse(log.contains("\tat ") || log.contains("Exception"), "a stack trace:\n" + log);
    }
}
