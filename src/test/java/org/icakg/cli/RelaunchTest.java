package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} started as documented runs with the JIT allowed to compile the SPARQL tokenizer, and no longer. */
class RelaunchTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void serve_runs_in_a_jvm_that_compiles_huge_methods_and_stops_when_its_launcher_is_killed(@TempDir Path dir)
            throws Exception {
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"), "--data", Fixtures.TINY.toString())) {
            ProcessHandle launcher = s.process().handle();
            List<ProcessHandle> servers = launcher.descendants().toList();
            assertEquals(1, servers.size(), "one relaunched server JVM");
            ProcessHandle server = servers.get(0);
            String commandLine = Files.readString(Path.of("/proc", Long.toString(server.pid()), "cmdline"));
            assertTrue(commandLine.contains(Relaunch.FLAG), "the server JVM runs with " + Relaunch.FLAG + ": " + commandLine);
            assertEquals(200, ask(s.url("/sparql?query=ASK%7B%7D")));

            launcher.destroyForcibly(); // kill -9: the launcher runs no shutdown hook
            server.onExit().completeOnTimeout(server, 20, TimeUnit.SECONDS).get();
            assertFalse(server.isAlive(), "the server ends with its launcher");
        }
    }

    @Test
    void naming_the_jit_option_on_the_command_line_means_no_relaunch(@TempDir Path dir) {
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"),
                List.of(), List.of("-XX:+DontCompileHugeMethods"), "--data", Fixtures.TINY.toString())) {
            assertEquals(0, s.process().handle().descendants().count(), "the launcher serves itself");
        }
    }

    private int ask(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
