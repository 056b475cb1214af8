package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /health}, answered ahead of the servlet context, gets everything any answer gets (safety headers, HEAD, 405,
 * the request metrics); cross-origin requests are answered for any origin, but never with the browser's credentials.
 */
class EarlyAnswersTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    @Test
    void health_is_small_json_with_the_safety_headers() {
        HttpResponse<String> r = server.get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\",\"store\":\"memory\"}", r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(r.body().length(), r.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY,
                r.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    @Test
    void head_of_health_has_the_headers_of_get_and_no_body() {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/health")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY,
                r.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    @Test
    void another_method_on_health_is_a_405_naming_the_allowed_ones() {
        HttpResponse<String> r = server.post("/health", "text/plain", "x");
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(null));
        assertTrue(r.body().contains("POST") && r.body().contains("allowed: GET"), r.body());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void health_requests_are_counted_in_the_metrics() {
        long before = healthCount();
        server.get("/health");
        server.get("/health");
        assertEquals(before + 2, healthCount());
    }

    private static long healthCount() {
        String scrape = server.get("/metrics").body();
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{[^}]*method=\"GET\",route=\"/health\","
                + "status=\"2xx\"[^}]*} (\\d+)").matcher(scrape);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void cross_origin_reads_are_allowed_without_credentials() {
        for (String path : new String[] {"/health", "/sparql?query=" + enc("ASK {}"), "/id/state/kazakhstan", "/audit"}) {
            HttpResponse<String> r = server.get(path, "Origin", "http://elsewhere.example");
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), path + " " + r.headers());
            assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").isPresent(),
                    path + " must not let a browser send its credentials: " + r.headers());
        }
    }

    @Test
    void a_preflight_allows_a_query_by_post_but_not_a_write() {
        HttpResponse<String> query = preflight("/sparql", "POST");
        assertTrue(query.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"),
                query.headers().toString());
        assertFalse(query.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), query.headers().toString());
        HttpResponse<String> write = preflight("/data", "PUT");
        assertFalse(write.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"),
                write.headers().toString());
    }

    private static HttpResponse<String> preflight(String path, String method) {
        return server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", "http://elsewhere.example", "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "content-type");
    }
}
