package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Error answers, whoever raises them, come in the format {@code Accept} asks for — plain text by default, an escaped
 * HTML page for browsers, JSON — with the request's text escaped, and the safety headers on every answer.
 */
class ErrorAnswersTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    @RegisterExtension
    static final ServerExtension server = ServerExtension.bundled();

    @Test
    void the_reported_probe_gets_an_escaped_html_page() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan?format=" + TestServer.enc(SCRIPT), "Accept", "text/html");
        assertEquals(400, r.statusCode());
        assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(r.body().contains(SCRIPT), r.body());
        assertTrue(r.body().contains("Unknown format &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"), r.body());
        assertSafetyHeaders(r);
    }

    @Test
    void an_unknown_path_is_a_404_page_with_the_path_escaped() {
        HttpResponse<String> r = server.get("/no-such/" + TestServer.enc("\"><img src=x onerror=alert(1)>"),
                "Accept", "text/html");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertFalse(r.body().contains("<img"), r.body());
        assertSafetyHeaders(r);
    }

    @Test
    void curl_gets_plain_text_with_nosniff() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan?format=" + TestServer.enc(SCRIPT));
        assertEquals(400, r.statusCode());
        assertEquals("text/plain;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().startsWith("Unknown format '" + SCRIPT + "'"), r.body());
        assertSafetyHeaders(r);
    }

    @Test
    void json_clients_get_the_problem_as_json() throws Exception {
        HttpResponse<String> r = server.get("/class?iri=" + TestServer.enc("https://example.org/" + SCRIPT),
                "Accept", "application/json");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode problem = new ObjectMapper().readTree(r.body());
        assertEquals(404, problem.get("status").asInt());
        assertEquals("Not Found", problem.get("title").asText());
        assertTrue(problem.get("detail").asText().contains(SCRIPT), r.body());
        assertFalse(r.body().contains("<script>"), "JSON escapes < as well: " + r.body());
    }

    @Test
    void a_wrong_method_gets_a_problem_not_a_bare_javalin_page() {
        HttpResponse<String> r = server.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url("/search?q=" + TestServer.enc(SCRIPT))))
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()), "Accept", "text/html");
        assertTrue(r.statusCode() == 404 || r.statusCode() == 405, r.statusCode() + " " + r.body());
        assertFalse(r.body().contains(SCRIPT), r.body());
        assertSafetyHeaders(r);
    }

    @Test
    void a_malformed_accept_header_gets_the_default_answer_not_a_500() {
        for (String accept : new String[] {";", "text/html;q=abc", "*/x", ",,,", "text/html;q=2"}) {
            HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept", accept);
            assertEquals(200, r.statusCode(), "Accept: " + accept + " → " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"), accept);
        }
    }

    @Test
    void a_huge_accept_header_is_never_a_500() {
        HttpResponse<String> r = server.get("/id/state/kazakhstan", "Accept", "text/x-nothing;q=0.1, ".repeat(200)
                + "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void query_engine_errors_at_the_endpoint_are_problems_like_every_other_error_with_request_text_escaped() {
        HttpResponse<String> page = server.get("/sparql?query=" + TestServer.enc("SELECT " + SCRIPT), "Accept", "text/html");
        assertEquals(400, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), page.headers().toString());
        assertFalse(page.body().contains(SCRIPT), page.body());
        assertTrue(page.body().contains("Lexical error") || page.body().contains("Encountered"), page.body());
        assertSafetyHeaders(page);
        HttpResponse<String> text = server.get("/sparql?query=" + TestServer.enc("SELECT " + SCRIPT));
        assertEquals(400, text.statusCode());
        assertTrue(text.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"), text.headers().toString());
        assertTrue(text.body().contains("line 1"), text.body());
        assertSafetyHeaders(text);
    }

    @Test
    void pages_and_data_carry_the_content_security_policy() {
        for (String path : new String[] {"/", "/query", "/id/state/kazakhstan", "/health", "/assets/ica-kg.css",
                "/sparql?query=" + TestServer.enc("ASK {}")})
            assertSafetyHeaders(server.get(path, "Accept", "text/html"));
    }

    static void assertSafetyHeaders(HttpResponse<String> r) {
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null),
                r.uri() + " " + r.headers());
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline'; object")
                && csp.contains("object-src 'none'") && csp.contains("base-uri 'none'")
                && csp.contains("frame-ancestors 'none'"), r.uri() + " CSP: " + csp);
        assertFalse(csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
    }
}
