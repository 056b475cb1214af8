package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browsing pages over the bundled, curated data. */
class BundledBrowsingTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.bundled();

    @Test
    void the_home_page_counts_the_states_as_a_query_does_and_lists_the_latest_events() {
        String home = server.get("/", "Accept", "text/html").body();
        Matcher row = Pattern.compile("<a href=\"(/class\\?iri&#61;[^\"]+%23State)\">state</a></td><td class=\"num\">(\\d+)</td>")
                .matcher(home);
        assertTrue(row.find(), home);
        String counted = server.get("/sparql?query=" + TestServer.enc("PREFIX ica: <https://w3id.org/ica-kg/ontology#> "
                + "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ica:State }"), "Accept", "text/csv").body();
        assertEquals("n\r\n" + row.group(2) + "\r\n", counted);
        assertEquals(200, server.get(row.group(1).replace("&#61;", "=")).statusCode(), row.group(1));
        Matcher totals = Pattern.compile("(\\d+) statements about (\\d+) subjects in (\\d+) named graphs").matcher(home);
        assertTrue(totals.find(), home);
        assertTrue(Long.parseLong(totals.group(1)) > Long.parseLong(totals.group(2)), totals.group());
        String classes = server.get("/classes", "Accept", "text/html").body();
        assertTrue(classes.contains(row.group()), "the class index counts as the home page does: " + classes);
        String events = home.substring(home.indexOf("id=\"latest-events\""));
        assertTrue(events.indexOf("<li><time>") > 0 && events.indexOf("<li><time>") < events.indexOf("</ol>"), events);
    }

    @Test
    void searching_kazakh_finds_kazakhstan_first() {
        String json = server.get("/search?q=Kazakh&format=json").body();
        assertTrue(json.indexOf("\"href\":\"/id/state/kazakhstan\"") == json.indexOf("\"href\":"), json);
    }

    @Test
    void every_state_of_the_partnership_is_on_the_map_and_linked_to_its_page() {
        String map = server.get("/map").body();
        for (String state : List.of("india", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"))
            assertTrue(map.contains("<a href=\"/id/state/" + state + "\" class=\"state-link\">"), state);
    }

    @Test
    void kazakhstan_page_quotes_the_passages_its_statements_come_from() {
        var r = server.get("/id/state/kazakhstan", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<blockquote>"), "at least one quoted passage");
        assertTrue(r.body().contains("href=\"/id/passage/"), "links to passages");
    }

    @Test
    void an_inferred_statement_says_which_passage_it_is_inferred_from() {
        String page = server.get("/id/state/kazakhstan", "Accept", "text/html").body();
        int participated = page.indexOf(">participated in</a>");
        assertTrue(participated > 0, "Kazakhstan took part in the dialogue, read through the inverse property");
        String row = page.substring(participated, page.indexOf("</tr>", participated));
        assertTrue(row.contains("class=\"inferred\""), "marked as inferred: " + row);
        assertTrue(row.contains("from"), row);
        assertTrue(row.contains("href=\"/id/passage/soulguide-india-central-asia-partnership-09\""), "names the passage: " + row);
        assertTrue(row.contains("The Foreign Affairs Ministers from Kazakhstan"), "quotes it: " + row);
    }

    @Test
    void a_curators_reading_is_shown_as_an_interpretation_with_why_and_the_passages_it_reads() {
        String page = server.get("/id/meeting/india-central-asia-dialogue-4", "Accept", "text/html").body();
        int hosted = page.indexOf(">hosted by</a>");
        assertTrue(hosted > 0, "the dialogue has a host statement");
        String row = page.substring(hosted, page.indexOf("</tr>", hosted));
        assertTrue(row.contains("class=\"interpreted\""), "marked as an interpretation: " + row);
        assertTrue(row.contains("held in New Delhi"), "says why: " + row);
        assertTrue(row.contains("href=\"/id/passage/soulguide-india-central-asia-partnership-08\""), "names the passage it reads");
        assertTrue(row.contains("were present in New Delhi."), "quotes the passage");
        int heldIn = page.indexOf(">held in</a>");
        String plain = page.substring(heldIn, page.indexOf("</tr>", heldIn));
        assertTrue(!plain.contains("class=\"interpreted\""), "what the passage says is not marked: " + plain);
    }
}
