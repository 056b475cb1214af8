package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.icakg.federation.FederationPolicy;
import org.icakg.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --federation} and {@code --federation-file}: what the operator allows SERVICE to call. */
class ServeOptionsTest {

    static ServerConfig config(String... argv) {
        return ServeCommand.config(Args.parse(argv, Set.of("port", "host", "data", "store", "base", "query-timeout",
                "slow-query", "users", "max-body", "result-buffer", "federation", "federation-file"), Set.of()));
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
}
