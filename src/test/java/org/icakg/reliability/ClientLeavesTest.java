package org.icakg.reliability;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.icakg.support.StubEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that hangs up ends its query and the query's outbound calls within seconds, long before the query's time
 * limit (two minutes here, so that only the client leaving can explain an early end).
 */
class ClientLeavesTest {

    static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    /** Far below {@link #TIME_LIMIT}, generous for a busy machine. */
    static final long WITHIN_MILLIS = 15_000;
    static final Pattern RUNNING = Pattern.compile("(?m)^ica_admission_running(?:\\{[^}]*})? (\\S+)$");

    @TempDir
    static Path dir;
    @RegisterExtension
    static final StubEndpoint remote = StubEndpoint.started();
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(c -> c
            .withData(List.of(Fixtures.TINY, Fixtures.manyStatements(dir))).withQueryTimeout(TIME_LIMIT)
            .withFederation(c.federation().allowing(List.of(remote.silentUrl()))));

    @Test
    void a_client_that_hangs_up_on_a_service_query_ends_the_outbound_call_and_frees_its_slot() throws Exception {
        int acceptedBefore = remote.silentAccepted(), closedBefore = remote.silentClosedAt().size();
        try (Socket client = sendQuery("SELECT * WHERE { SERVICE <" + remote.silentUrl() + "> { ?s ?p ?o } }")) {
            assertTrue(waitFor(() -> remote.silentAccepted() > acceptedBefore, WITHIN_MILLIS),
                    "the server called the remote that never answers");
            assertEquals(1, running(), "the query holds its slot while the remote is silent");
        }
        long left = System.nanoTime();
        assertTrue(waitFor(() -> remote.silentClosedAt().size() > closedBefore, WITHIN_MILLIS),
                "the remote saw its connection closed within seconds of the client leaving (time limit "
                        + TIME_LIMIT + ")");
        assertTrue(waitFor(() -> running() == 0, WITHIN_MILLIS), "no request in flight any more: " + running());
        System.out.printf("client leaves: outbound call closed %d ms after the client left%n",
                (remote.silentClosedAt().get(closedBefore) - left) / 1_000_000);
        assertEquals(200, server.get("/sparql?query=" + enc("ASK {}")).statusCode(), "the server answers on");
    }

    @Test
    void a_client_that_hangs_up_on_a_long_local_query_frees_its_slot() throws Exception {
        try (Socket client = sendQuery(Fixtures.COUNT_CROSS)) {
            assertTrue(waitFor(() -> running() == 1, WITHIN_MILLIS), "the cross product is running");
            Thread.sleep(500); // well into the computation, past the point where it gives up its slot
            assertEquals(1, running(), "still running while its client waits");
        }
        assertTrue(waitFor(() -> running() == 0, WITHIN_MILLIS),
                "the abandoned cross product ended within seconds (time limit " + TIME_LIMIT + "): " + running());
    }

    @Test
    void a_hang_up_after_a_quiet_spell_is_still_noticed() throws Exception {
        // The thread that probes connections ends when nothing has been watched for a second; the next watched query
        // must start it again.
        assertTrue(waitFor(() -> running() == 0, WITHIN_MILLIS), "nothing running");
        Thread.sleep(2_000);
        for (int round = 0; round < 2; round++) {
            try (Socket client = sendQuery(Fixtures.COUNT_CROSS)) {
                assertTrue(waitFor(() -> running() == 1, WITHIN_MILLIS), "the cross product is running");
            }
            assertTrue(waitFor(() -> running() == 0, WITHIN_MILLIS),
                    "round " + round + ": the abandoned query ended within seconds, not at its time limit");
            Thread.sleep(1_500);
        }
    }

    /** Sends a GET query on a raw connection, without reading the answer. */
    private static Socket sendQuery(String query) throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.server().port());
        OutputStream out = client.getOutputStream();
        out.write(("GET /sparql?query=" + enc(query) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: application/sparql-results+json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return client;
    }

    /** Requests admitted and not finished, read from {@code /metrics}. */
    private static int running() {
        Matcher m = RUNNING.matcher(server.get("/metrics").body());
        assertTrue(m.find(), "/metrics reports ica_admission_running");
        return (int) Double.parseDouble(m.group(1));
    }

    private static boolean waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean())
                return true;
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
