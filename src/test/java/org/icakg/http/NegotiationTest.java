package org.icakg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Content negotiation, the pure function every negotiated answer goes through. */
class NegotiationTest {

    static final List<String> OFFERS = List.of("text/plain", "text/html", "application/json");

    private static Optional<String> choose(String accept) {
        return Negotiation.choose(accept, OFFERS);
    }

    @Test
    void no_header_gets_the_first_offer() {
        assertEquals(Optional.of("text/plain"), choose(null));
        assertEquals(Optional.of("text/plain"), choose("   "));
    }

    @Test
    void browsers_get_html() {
        assertEquals(Optional.of("text/html"),
                choose("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"));
    }

    @Test
    void curl_gets_the_first_offer() {
        assertEquals(Optional.of("text/plain"), choose("*/*"));
    }

    @Test
    void application_json_gets_json() {
        assertEquals(Optional.of("application/json"), choose("application/json"));
        assertEquals(Optional.of("application/json"), choose("application/json, text/plain;q=0.5"));
    }

    @Test
    void quality_values_order_the_choice() {
        assertEquals(Optional.of("application/json"), choose("text/html;q=0.4, application/json;q=0.9"));
        assertEquals(Optional.of("text/html"), choose("text/*;q=0.5, text/html"));
    }

    @Test
    void q_zero_refuses_a_type_even_under_a_wildcard() {
        assertEquals(Optional.of("text/html"), choose("text/plain;q=0, */*"));
        assertEquals(Optional.empty(), choose("text/*;q=0, application/json;q=0"));
    }

    @Test
    void a_type_wildcard_matches_its_subtypes() {
        assertEquals(Optional.of("text/plain"), choose("text/*"));
    }

    @Test
    void nothing_acceptable_is_empty_for_a_406() {
        assertEquals(Optional.empty(), choose("image/png"));
    }

    @Test
    void a_malformed_header_gets_the_default_never_an_error() {
        for (String broken : List.of(";", ",", ";;,;", "/", "text/", "/html", "*/x", "text/html;q=abc", "text/html;q=",
                "text/html;q", "text/html;q=1.5", "text/html;q=-1", "text/html;q=0.0001", "te xt/html", "\u00e9/\u00e9",
                "text/html;q=NaN", "\"text/html\""))
            assertEquals(Optional.of("text/plain"), choose(broken), "Accept: " + broken);
    }

    @Test
    void malformed_ranges_are_skipped_and_the_good_ones_count() {
        assertEquals(Optional.of("application/json"), choose("text/html;q=abc, application/json"));
        assertEquals(Optional.of("text/html"), choose("*/x, text/html"));
    }

    @Test
    void a_huge_header_is_parsed_without_trouble() {
        String huge = "application/x-nothing;q=0.5, ".repeat(5_000) + "application/json";
        assertEquals(Optional.of("application/json"), choose(huge));
    }

    @Test
    void media_types_are_case_insensitive() {
        assertEquals(Optional.of("text/html"), choose("TEXT/HTML"));
    }

    @Test
    void ties_go_to_the_earlier_offer() {
        assertEquals(Optional.of("text/plain"), choose("application/json, text/plain"));
    }
}
