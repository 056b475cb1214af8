package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;

/**
 * What no request of the real server can be made to do on purpose: a handler that fails with an unexpected exception
 * or an {@link Error}. The app here has the server's own error mapping ({@link ErrorMapping#install}, the call
 * {@code WebApp} makes) and handlers that throw, carrying script and a secret in their messages; it is served on a
 * free port and asked over HTTP.
 */
class UnexpectedErrorsTest {

    static final String HOSTILE = "<script>alert(1)</script> secret-cause-detail";

    static final Queue<SubstituteLoggingEvent> logged = new ConcurrentLinkedQueue<>();
    static Javalin app;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        var log = new EventRecordingLogger(new SubstituteLogger("ica-kg.web", logged, false), logged);
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/exception", ctx -> { throw new IllegalStateException(HOSTILE); });
            cfg.routes.get("/stack-overflow", ctx -> { throw new StackOverflowError(HOSTILE); });
            cfg.routes.get("/out-of-memory", ctx -> { throw new OutOfMemoryError(HOSTILE); });
            cfg.routes.get("/deep", ctx -> ctx.result(Integer.toString(recurse(0))));
            ErrorMapping.install(cfg, log);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @BeforeEach
    void forget() {
        logged.clear();
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @ParameterizedTest(name = "{0} with Accept {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /exception      | text/html,application/xhtml+xml,*/*;q=0.8 | text/html
            /exception      | application/json                          | application/json
            /exception      | application/problem+json                  | application/problem+json
            /exception      | ;;;                                       | text/plain
            /exception      | image/png                                 | text/plain
            /stack-overflow | text/html                                 | text/html
            /stack-overflow | application/json                          | application/json
            /stack-overflow | */*                                       | text/plain
            /out-of-memory  | text/html                                 | text/html
            /out-of-memory  | application/json                          | application/json
            /deep           | text/html                                 | text/html
            /deep           | application/json                          | application/json
            """)
    void a_handler_that_fails_unexpectedly_gets_a_negotiated_escaped_500_and_one_log_line(
            String path, String accept, String type) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        assertEquals(500, r.statusCode(), body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), r.headers().toString());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(body.contains("Internal server error"), body);
        for (String leak : List.of("<script", "secret-cause-detail", "Exception", "Error:", "\tat ", "org.icakg"))
            assertFalse(body.contains(leak), "the answer shows '" + leak + "': " + body);
        if (type.contains("json")) {
            JsonNode json = new ObjectMapper().readTree(body);
            assertEquals(500, json.get("status").asInt(), body);
        }
        if (type.equals("text/html"))
            assertTrue(body.contains("<html") || body.contains("<!DOCTYPE"), body);
        assertEquals(1, logged.size(), "the cause is logged once: " + logged.stream().map(e -> e.getMessage()).toList());
        SubstituteLoggingEvent event = logged.peek();
        assertEquals(Level.ERROR, event.getLevel());
    }
}
