package org.icakg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Error answers rendered by the client's {@code Accept}, with request text made harmless in every format. */
class ProblemResponsesTest {

    static final Problem HOSTILE = Problem.badRequest("No such thing: <script>alert(1)</script> & more");

    private static String body(ProblemResponses.Rendered r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void plain_text_is_the_default_even_for_a_malformed_header() {
        for (String accept : new String[] {null, "", "*/*", "text/html;q=abc", "image/png"}) {
            ProblemResponses.Rendered r = ProblemResponses.render(HOSTILE, accept);
            assertEquals("text/plain;charset=utf-8", r.contentType(), "Accept: " + accept);
            assertEquals(HOSTILE.getMessage() + "\n", body(r));
        }
    }

    @Test
    void browsers_get_an_escaped_page() {
        ProblemResponses.Rendered r = ProblemResponses.render(HOSTILE, "text/html,*/*;q=0.8");
        assertEquals("text/html;charset=utf-8", r.contentType());
        assertTrue(body(r).contains("&lt;script&gt;"), body(r));
        assertFalse(body(r).contains("<script>"), body(r));
        assertTrue(body(r).contains("400 Bad Request"), body(r));
    }

    @Test
    void json_clients_get_rfc_9457_members_with_html_characters_escaped() {
        for (String accept : new String[] {"application/json", "application/problem+json"}) {
            String json = body(ProblemResponses.render(HOSTILE, accept));
            assertTrue(json.startsWith("{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"No such thing: "), json);
            assertFalse(json.contains("<") || json.contains("&"), json);
        }
    }

    @Test
    void a_status_chosen_elsewhere_outside_the_error_range_becomes_500() {
        assertEquals(500, Problem.withStatus(302, "moved").status());
        assertEquals(405, Problem.withStatus(405, "not allowed").status());
    }
}
