package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request gets a line in the server's own output, laid out as the other log lines; queries slower than the
 * threshold are logged in full, with their time.
 */
class RequestLogTest {

    @Test
    void every_request_has_a_line_with_its_time_method_path_status_and_duration(@TempDir Path dir)
            throws IOException, InterruptedException {
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"), "--data", Fixtures.TINY.toString())) {
            HttpClient client = HttpClient.newHttpClient();
            // Answered ahead of the servlet chain (a plain query, /health), and by the chain (a page, a 404).
            for (String path : List.of("/sparql?query=" + enc("ASK {} # line-probe"), "/health", "/", "/no-such-page-9c1")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.url(path))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(r.statusCode() < 500, path + " " + r.statusCode());
            }
            String log = awaitLog(s.process(), "GET /no-such-page-9c1 404");
            String stamp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO request - ";
            for (String line : List.of("GET /sparql 200", "GET /health 200", "GET / 200", "GET /no-such-page-9c1 404"))
                assertTrue(Pattern.compile("(?m)^" + stamp + Pattern.quote(line) + " \\d+\\.\\d ms$").matcher(log).find(),
                        line + " in\n" + log);
            // Laid out as the server's other lines (the load's), which the logger itself writes.
            Matcher other = Pattern.compile("(?m)^(\\S+) INFO load - ").matcher(log);
            assertTrue(other.find(), log);
            assertTrue(other.group(1).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"), other.group(1));
        }
    }

    @Test
    void the_lines_written_in_batches_are_laid_out_as_the_logger_lays_out_its_own() {
        Logger probe = LoggerFactory.getLogger("ica-kg.layout-probe");
        RequestLog.Layout layout = RequestLog.Layout.ofLogger(probe);
        assertNotNull(layout, "the project's logging set-up is the one laid out directly");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long before, after;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            before = System.currentTimeMillis();
            probe.info("GET /sparql 200 0.1 ms");
            after = System.currentTimeMillis();
        } finally {
            System.setErr(err);
        }
        String logged = captured.toString(StandardCharsets.UTF_8);
        StringBuilder ours = new StringBuilder();
        layout.prefix(before, ours);
        ours.append("GET /sparql 200 0.1 ms").append(System.lineSeparator());
        assertEquals(logged.replaceFirst("^\\S+", "TIME"), ours.toString().replaceFirst("^\\S+", "TIME"));
        // The logger's time, read back in the layout's format, is the time of the call.
        long loggedAt = LocalDateTime.parse(logged.substring(0, logged.indexOf(' ')),
                DateTimeFormatter.ofPattern(RequestLog.Layout.DATE_TIME)).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        assertTrue(loggedAt >= before && loggedAt <= after, before + " <= " + loggedAt + " <= " + after);
        // The same instant written by both: the same text.
        assertEquals(logged.substring(0, logged.indexOf(" ")), timeOf(loggedAt, layout));
    }

    private static String timeOf(long millis, RequestLog.Layout layout) {
        StringBuilder b = new StringBuilder();
        layout.prefix(millis, b);
        return b.substring(0, b.indexOf(" "));
    }

    @Test
    void another_logging_layout_is_left_to_the_logger() {
        Map<String, String> project = Map.of("org.slf4j.simpleLogger.showDateTime", "true",
                "org.slf4j.simpleLogger.dateTimeFormat", RequestLog.Layout.DATE_TIME,
                "org.slf4j.simpleLogger.showThreadName", "false", "org.slf4j.simpleLogger.showShortLogName", "true");
        assertTrue(RequestLog.Layout.configuredAsExpected(project::get));
        for (var change : List.of(Map.entry("org.slf4j.simpleLogger.showThreadName", "true"),
                Map.entry("org.slf4j.simpleLogger.showDateTime", "false"),
                Map.entry("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss"),
                Map.entry("org.slf4j.simpleLogger.levelInBrackets", "true"),
                Map.entry("org.slf4j.simpleLogger.showLogName", "true"),
                Map.entry("org.slf4j.simpleLogger.logFile", "/var/log/ica-kg.log"))) {
            Map<String, String> changed = new HashMap<>(project);
            changed.put(change.getKey(), change.getValue());
            assertFalse(RequestLog.Layout.configuredAsExpected(changed::get), change.toString());
        }
        Map<String, String> threadNameUnset = new HashMap<>(project);
        threadNameUnset.remove("org.slf4j.simpleLogger.showThreadName"); // slf4j-simple shows it by default
        assertFalse(RequestLog.Layout.configuredAsExpected(threadNameUnset::get));
    }

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

    @Test
    void a_slow_query_posted_as_its_body_is_logged_in_full_too(@TempDir Path dir) throws IOException, InterruptedException {
        String select = "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } # marker-b0d1";
        String construct = "CONSTRUCT WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } # marker-c0n5";
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"),
                "--data", Fixtures.TINY.toString(), "--slow-query", "0")) {
            for (String query : List.of(select, construct)) { // answered here, and handed on to Fuseki
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url("/sparql")))
                                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            }
            String log = awaitLog(s.process(), "marker-c0n5");
            assertTrue(log.matches("(?s).*slow-query.*\\d+ ms: SELECT \\?label.*# marker-b0d1.*"), log);
            assertTrue(log.matches("(?s).*slow-query.*\\d+ ms: CONSTRUCT WHERE.*# marker-c0n5.*"), log);
        }
    }

    /** The process's log once it holds {@code marker} (the line is written after the answer is sent). */
    static String awaitLog(ServerProcess process, String marker) throws InterruptedException {
        for (int i = 0; i < 200 && !process.log().contains(marker); i++)
            Thread.sleep(50);
        return process.log();
    }
}
