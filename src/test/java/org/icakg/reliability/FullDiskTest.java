package org.icakg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.icakg.support.Maintainer;
import org.icakg.support.ServerProcess;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose store's disk fills up during a stream of writes: each write it cannot take is refused with 507 and
 * a message naming the full disk, reads go on, the process lives, writes resume without a restart once the disk has
 * room, and the store reopens elsewhere with every acknowledged write and nothing of a refused one. The disk is a
 * small tmpfs mounted in a user and mount namespace of the server's own.
 */
class FullDiskTest {

    /**
     * Size of the tmpfs. A fresh store of the bundled data takes about 1.1 MB of it (the index files are 8 MiB each
     * but sparse); each write then takes about 140 KB (TDB2 copies the changed B+tree blocks of its nine indexes,
     * plus a 4 KB page for the audit patch), so about a hundred writes fill it.
     */
    static final String TMPFS_SIZE = "16m";
    /** Size the tmpfs is grown to once full, as an operator freeing space would: writes go on without a restart. */
    static final String GROWN_SIZE = "64m";
    /** Writes sent after the tmpfs has grown, each of which must be acknowledged. */
    static final int WRITES_AFTER_GROWING = 5;
    static final int STATEMENTS_PER_WRITE = 5;
    /** Bounds of the stream of writes: at most this many, for at most this long. */
    static final int MAX_WRITES = 2_000;
    static final long WRITE_DEADLINE_MS = 30_000;
    /** Refusals in a row after which the disk counts as full and the stream stops. */
    static final int REFUSALS_TO_STOP = 10;
    static final String COMMENT = "<http://www.w3.org/2000/01/rdf-schema#comment>";

    /**
     * Mounts the tmpfs on $0, runs the server ("$@") in the background passing it a SIGTERM, and once it has ended
     * copies the store to $1 (outside the tmpfs, which goes away with the namespace).
     */
    static final String WRAPPER = """
            mnt=$0; out=$1; shift
            mount -t tmpfs -o size=%s tmpfs "$mnt" || exit 97
            "$@" & pid=$!
            trap 'kill -TERM $pid' TERM
            wait $pid; wait $pid; status=$?
            cp -a "$mnt/store" "$out" || exit 98
            exit $status
            """.formatted(TMPFS_SIZE);

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void a_full_disk_refuses_writes_with_507_keeps_reading_and_loses_no_acknowledged_write() throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("tmpfs")), copy = dir.resolve("copy");
        Assumptions.assumeTrue(canMountTmpfs(mnt), "skipped: a tmpfs cannot be mounted in a user namespace here "
                + "(unshare -rm sh -c 'mount -t tmpfs ...' failed), so a full disk cannot be simulated");
        String users = Maintainer.usersFile(dir).toString();
        List<String> wrapper = List.of("unshare", "-rm", "sh", "-c", WRAPPER, mnt.toString(), copy.toString());
        Set<Integer> acknowledged = new HashSet<>();
        ServerProcess process;
        try (var server = ServerProcess.serve(dir.resolve("full.log"), wrapper,
                "--store", mnt.resolve("store").toString(), "--users", users)) {
            process = server.process();
            fillUp(server, acknowledged);
            grow(process, mnt);
            for (int i = MAX_WRITES; i < MAX_WRITES + WRITES_AFTER_GROWING; i++) {
                assertEquals(200, write(server, i).statusCode(), "a write once the disk has room again");
                acknowledged.add(i);
            }
        }
        assertTrue(Files.isDirectory(copy), "the store was copied off the tmpfs once the server stopped:\n" + process.log());
        try (var reopened = ServerProcess.serve(dir.resolve("reopened.log"), "--store", copy.toString(), "--users", users)) {
            assertEquals(expected(acknowledged), statementsPerWrite(reopened),
                    "every acknowledged write is there whole, nothing of a refused one");
            assertEquals(acknowledged.size(), auditEntries(reopened), "one audit entry per acknowledged write");
            assertEquals(200, write(reopened, MAX_WRITES + WRITES_AFTER_GROWING).statusCode(), "the reopened store takes writes");
        }
    }

    /** Writes until the disk is full; checks every refusal, and that the full server reads and lives on. */
    void fillUp(ServerProcess.Started server, Set<Integer> acknowledged) throws Exception {
        List<HttpResponse<String>> refusals = writeUntilFull(server, acknowledged);
        String log = server.process().log();
        assertTrue(!acknowledged.isEmpty() && refusals.size() >= REFUSALS_TO_STOP, "the disk filled up after "
                + acknowledged.size() + " writes, " + refusals.size() + " refused:\n" + log);
        for (HttpResponse<String> r : refusals)
            assertClearRefusal(r);
        assertEquals(200, get(server, "/health").statusCode(), "health while the disk is full");
        assertEquals(expected(acknowledged), statementsPerWrite(server), "what the full server answers");
        assertTrue(javaAlive(server.process()), "the server process lives on:\n" + log);
        System.out.printf("tmpfs of %s full after %d acknowledged writes; %d refused, with: %s%n", TMPFS_SIZE,
                acknowledged.size(), refusals.size(),
                refusals.stream().map(r -> r.statusCode() + " " + r.body().strip()).distinct().toList());
    }

    /** Sends numbered writes until {@link #REFUSALS_TO_STOP} in a row are refused (or a bound is hit); the refusals. */
    List<HttpResponse<String>> writeUntilFull(ServerProcess.Started server, Set<Integer> acknowledged)
            throws IOException, InterruptedException {
        List<HttpResponse<String>> refusals = new ArrayList<>();
        long deadline = System.currentTimeMillis() + WRITE_DEADLINE_MS;
        int inARow = 0;
        for (int i = 0; i < MAX_WRITES && inARow < REFUSALS_TO_STOP && System.currentTimeMillis() < deadline; i++) {
            HttpResponse<String> r = write(server, i);
            if (r.statusCode() == 200) {
                acknowledged.add(i);
                inARow = 0;
            } else {
                refusals.add(r);
                inARow++;
            }
        }
        return refusals;
    }

    static void assertClearRefusal(HttpResponse<String> r) {
        String body = r.body();
        assertEquals(507, r.statusCode(), body);
        assertTrue(body.startsWith("the store's disk is full: ") && body.contains("nothing was written"), body);
        ServerProcessTest.assertNoStackTrace(body);
    }

    /** Write number {@code i}: {@link #STATEMENTS_PER_WRITE} texts "full i part k" in a passage graph of its own. */
    HttpResponse<String> write(ServerProcess.Started server, int i) throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder("INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/full-" + i + "> {\n");
        for (int k = 0; k < STATEMENTS_PER_WRITE; k++)
            b.append("<https://w3id.org/ica-kg/id/state/india> ").append(COMMENT).append(" \"full ").append(i)
                    .append(" part ").append(k).append("\" .\n");
        return client.send(HttpRequest.newBuilder(URI.create(server.url("/update"))).timeout(Duration.ofSeconds(20))
                .header("Authorization", Maintainer.AUTH).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(b.append("} }").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Statements of each numbered write, counted twice through different indexes: by graph (the write's passage
     * graph) and by the number in the text; the two must agree.
     */
    Map<Integer, Integer> statementsPerWrite(ServerProcess.Started server) throws Exception {
        String byGraph = "SELECT ?g ?c WHERE { GRAPH ?g { ?s " + COMMENT + " ?c } "
                + "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/ica-kg/id/passage/full-\")) }";
        String byText = "SELECT ?c WHERE { ?s " + COMMENT + " ?c FILTER(STRSTARTS(?c, \"full \")) }";
        Map<Integer, Integer> graphs = new HashMap<>(), texts = new HashMap<>();
        for (String line : csv(server, byGraph)) {
            int fromGraph = Integer.parseInt(line.substring(line.indexOf("/full-") + 6, line.indexOf(',')));
            assertEquals(fromGraph, Integer.parseInt(line.split(",")[1].split(" ")[1]), "statement in its own graph");
            graphs.merge(fromGraph, 1, Integer::sum);
        }
        for (String line : csv(server, byText))
            texts.merge(Integer.parseInt(line.split(" ")[1]), 1, Integer::sum);
        assertEquals(graphs, texts, "the graph and the text indexes agree");
        return graphs;
    }

    List<String> csv(ServerProcess.Started server, String query) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/sparql?query=" + TestServer.enc(query))))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1).toList();
    }

    int auditEntries(ServerProcess.Started server) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/audit?limit=10000")))
                .header("Authorization", Maintainer.AUTH).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().split("\"id\"", -1).length - 1;
    }

    HttpResponse<String> get(ServerProcess.Started server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<Integer, Integer> expected(Set<Integer> acknowledged) {
        Map<Integer, Integer> m = new HashMap<>();
        acknowledged.forEach(i -> m.put(i, STATEMENTS_PER_WRITE));
        return m;
    }

    /** The java process under the wrapper shell is still running. */
    static boolean javaAlive(ServerProcess p) {
        return p.handle().isAlive() && p.handle().descendants().anyMatch(ProcessHandle::isAlive);
    }

    /** Remounts the tmpfs at {@link #GROWN_SIZE}, from inside the namespaces of the wrapper shell. */
    static void grow(ServerProcess p, Path mnt) throws IOException, InterruptedException {
        Process remount = new ProcessBuilder("nsenter", "-t", String.valueOf(p.handle().pid()), "-U", "-m",
                "--preserve-credentials", "mount", "-o", "remount,size=" + GROWN_SIZE, mnt.toString())
                .redirectErrorStream(true).start();
        String output = new String(remount.getInputStream().readAllBytes());
        assertEquals(0, remount.waitFor(), "growing the tmpfs: " + output);
    }

    static boolean canMountTmpfs(Path mnt) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs \"$0\"",
                    mnt.toString()).redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
