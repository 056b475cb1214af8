package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.icakg.federation.FederationPolicy;
import org.icakg.ServerConfig;
import org.icakg.write.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s options and environment: what the operator allows SERVICE to call, who may write, the limits. */
class ServeOptionsTest {

    static ServerConfig config(String... argv) {
        return ServeCommand.config(argv, Map.of());
    }

    static boolean allowed(ServerConfig c, String url) {
        return c.federation().match(URI.create(url)).isPresent();
    }

    @Test
    void federation_names_endpoints_on_top_of_the_defaults_and_none_removes_the_defaults() {
        ServerConfig c = config("--federation", "http://127.0.0.1:7000/sparql", "--federation", "https://data.example/q/");
        assertTrue(allowed(c, "http://127.0.0.1:7000/sparql"));
        assertTrue(allowed(c, "https://data.example/q/any"));
        assertTrue(allowed(c, FederationPolicy.DEFAULT_ENDPOINTS.get(0)));
        assertFalse(allowed(config("--federation", "none"), FederationPolicy.DEFAULT_ENDPOINTS.get(0)));
    }

    @Test
    void a_federation_file_lists_one_endpoint_a_line_with_comments(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("endpoints.txt"), "# ours\nhttp://10.0.0.5:3030/sparql\n\n");
        ServerConfig c = config("--federation-file", file.toString());
        assertTrue(allowed(c, "http://10.0.0.5:3030/sparql"));
        assertTrue(c.federation().namesHost("10.0.0.5", 3030));
    }

    @Test
    void a_bad_entry_or_a_missing_file_is_a_usage_error_that_names_it() {
        var bad = assertThrows(Args.UsageException.class, () -> config("--federation", "gopher://x/"));
        assertTrue(bad.getMessage().contains("gopher://x/"), bad.getMessage());
        var missing = assertThrows(Args.UsageException.class, () -> config("--federation-file", "/no/such/file"));
        assertTrue(missing.getMessage().contains("/no/such/file"), missing.getMessage());
    }

    @Test
    void every_option_reaches_the_config() {
        ServerConfig c = config("--host", "0.0.0.0", "--port", "8080", "--data", "a.ttl", "--data", "b", "--store",
                "db", "--base", "https://example.org/kg/", "--query-timeout", "7", "--slow-query", "250",
                "--max-body", "1000", "--result-buffer", "2000", "--no-answer-cache");
        assertEquals("0.0.0.0", c.host());
        assertEquals(8080, c.port());
        assertEquals(List.of(Path.of("a.ttl"), Path.of("b")), c.dataPaths());
        assertEquals(Path.of("db"), c.store());
        assertEquals("https://example.org/kg/", c.vocab().base());
        assertEquals(Duration.ofSeconds(7), c.queryTimeout());
        assertEquals(Duration.ofMillis(250), c.slowQuery());
        assertEquals(1000, c.maxBodyBytes());
        assertEquals(2000, c.maxBufferedResultBytes());
        assertFalse(c.answerCache());
    }

    @Test
    void no_options_are_the_defaults_with_the_answer_cache_on() {
        assertEquals(ServerConfig.defaults(), config());
        assertTrue(config().answerCache());
    }

    @Test
    void writers_come_from_the_environment_when_no_users_option_is_given() {
        ServerConfig c = ServeCommand.config(new String[0],
                Map.of(ServeCommand.USERS_FILE_ENV, "/etc/ica-kg/users", Users.ENV, "alice:s3cret"));
        assertEquals(Path.of("/etc/ica-kg/users"), c.usersFile());
        assertEquals("alice:s3cret", c.usersInline());
        assertFalse(c.toString().contains("s3cret"), "the config's text shows no secret: " + c);
        ServerConfig option = ServeCommand.config(new String[] {"--users", "mine"},
                Map.of(ServeCommand.USERS_FILE_ENV, "/etc/ica-kg/users"));
        assertEquals(Path.of("mine"), option.usersFile());
        assertNull(option.usersInline());
    }

    @Test
    void an_unknown_option_or_a_positional_argument_is_a_usage_error() {
        var unknown = assertThrows(Args.UsageException.class, () -> config("--answer-cache", "off"));
        assertTrue(unknown.getMessage().contains("answer-cache"), unknown.getMessage());
        var positional = assertThrows(Args.UsageException.class, () -> config("data.ttl"));
        assertTrue(positional.getMessage().contains("data.ttl"), positional.getMessage());
    }
}
