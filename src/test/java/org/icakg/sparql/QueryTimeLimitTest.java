package org.icakg.sparql;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.icakg.ServerConfig;
import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query that runs out of time ends with an error status, never with a 200 and a truncated body. */
class QueryTimeLimitTest {

    static ServerConfig limits(ServerConfig c, Path file, long buffer) {
        c = c.withData(java.util.List.of(file)).withQueryTimeout(Duration.ofSeconds(1));
        return c.withMaxBufferedResultBytes(buffer);
    }

    @Test
    void a_query_cut_off_before_its_first_result_gives_503(@TempDir Path dir) throws IOException {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> limits(c, file, ServerConfig.DEFAULT_MAX_BUFFERED_RESULT_BYTES))) {
            long start = System.nanoTime();
            var r = s.get("/sparql?query=" + enc(Fixtures.COUNT_CROSS), "Accept", "application/sparql-results+json");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue((System.nanoTime() - start) / 1e9 < 20, "the limit ends the query");
        }
    }

    @Test
    void a_query_cut_off_while_streaming_results_gives_an_error_status_not_a_truncated_200(@TempDir Path dir)
            throws IOException {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> limits(c, file, 512L * 1024 * 1024))) {
            var r = s.get("/sparql?query=" + enc(Fixtures.CROSS_PRODUCT), "Accept", "text/tab-separated-values");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("time limit of 1000 ms"), r.body());
            assertTrue(s.get("/health").statusCode() == 200, "the server keeps answering");
        }
    }

    @Test
    void results_too_large_to_hold_are_broken_off_rather_than_completed_with_200(@TempDir Path dir)
            throws IOException {
        Path file = Fixtures.manyStatements(dir);
        try (TestServer s = TestServer.start(c -> limits(c, file, 64 * 1024))) {
            RawAnswer answer = RawAnswer.get(s.server().port(),
                    "/sparql?query=" + enc(Fixtures.CROSS_PRODUCT), "text/tab-separated-values");
            if (answer.status() == 200) {
                // Chunked: a complete body ends with the zero-length chunk. Its absence is what tells a client
                // that the answer was cut off.
                assertTrue(answer.head().toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"),
                        answer.head());
                assertFalse(answer.body().endsWith(RawAnswer.LAST_CHUNK), "a cut-off answer must not look complete");
                assertTrue(answer.body().length() > 64 * 1024, "results streamed past the buffer before the cut");
            } else {
                assertEquals(503, answer.status(), answer.head());
            }
            assertEquals(200, s.get("/health").statusCode(), "the server keeps answering");
        }
    }

    /**
     * A GET on a kept-alive HTTP/1.1 connection, read from a raw socket until the zero-length chunk that ends a
     * complete chunked body, or until the server closes or resets the connection, so that an incomplete body stays
     * visible.
     */
    record RawAnswer(String head, String body) {

        private static final String LAST_CHUNK = "\r\n0\r\n\r\n";

        int status() { return Integer.parseInt(head.split(" ", 3)[1]); }

        static RawAnswer get(int port, String target, String accept) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                StringBuilder text = new StringBuilder();
                byte[] buffer = new byte[64 * 1024];
                try {
                    for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                        text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        if (text.length() >= LAST_CHUNK.length()
                                && text.lastIndexOf(LAST_CHUNK) == text.length() - LAST_CHUNK.length())
                            break;
                    }
                } catch (SocketException reset) {
                    // A reset connection is one of the ways the server breaks off an answer: keep what arrived.
                }
                int end = text.indexOf("\r\n\r\n");
                assertTrue(end > 0, "an HTTP head arrived: " + text.substring(0, Math.min(200, text.length())));
                return new RawAnswer(text.substring(0, end), text.substring(end + 4));
            }
        }
    }
}
