package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries slower than the threshold are logged in full, with their time, in the server's own output. */
class RequestLogTest {

    @Test
    void a_query_slower_than_the_threshold_is_logged_in_full_with_its_time(@TempDir Path dir)
            throws IOException, InterruptedException {
        String query = "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } # marker-7f3a";
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"),
                "--data", Fixtures.TINY.toString(), "--slow-query", "0")) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(s.url("/sparql?query=" + enc(query)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String log = awaitLog(s.process(), "marker-7f3a");
            assertTrue(log.matches("(?s).*slow-query.*\\d+ ms: SELECT \\?label.*# marker-7f3a.*"), log);
        }
    }

    /** The process's log once it holds {@code marker} (the line is written after the answer is sent). */
    static String awaitLog(ServerProcess process, String marker) throws InterruptedException {
        for (int i = 0; i < 200 && !process.log().contains(marker); i++)
            Thread.sleep(50);
        return process.log();
    }
}
