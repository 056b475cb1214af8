package org.icakg.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No path reaches a file outside the static resources, however it is spelt. */
class PathTraversalTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    @ParameterizedTest
    @ValueSource(strings = {"/assets/../../../../etc/passwd", "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
            "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/%252e%252e/pom.xml", "/assets//etc/passwd",
            "/assets/..\\..\\pom.xml", "/id/../../../etc/passwd", "/id/%2e%2e/%2e%2e/etc/passwd",
            "/static/../pom.xml", "/templates/head.mustache", "/simplelogger.properties", "/bundle/../pom.xml",
            "/META-INF/MANIFEST.MF", "/org/icakg/cli/Main.class", "/dumps/../../etc/passwd", "/etc/passwd",
            "//etc/passwd", "/file:///etc/passwd", "/assets/yasgui.min.js/../../pom.xml"})
    void no_file_outside_the_static_resources_is_served(String path) throws Exception {
        String response = raw(path);
        String status = response.lines().findFirst().orElse("");
        assertFalse(response.contains("root:x:0:0"), path + " served /etc/passwd");
        assertFalse(response.contains("<modelVersion>"), path + " served the pom");
        assertFalse(response.contains("Main-Class"), path + " served the manifest");
        assertFalse(response.contains("simpleLogger"), path + " served a resource file");
        assertTrue(status.matches("HTTP/1\\.1 (4\\d\\d|3\\d\\d) .*"), path + " -> " + status);
    }

    /** Sends the path exactly as written (no client-side normalisation). */
    static String raw(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.server().port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
