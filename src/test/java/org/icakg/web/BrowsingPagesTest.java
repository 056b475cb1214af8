package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The browsing pages over plain HTTP: search, entity pages with sources and paging, classes, vocabulary. */
class BrowsingPagesTest {

    static final String HTML = "text/html";
    static final int HUB_LINKS = EntityPage.INCOMING_PAGE_SIZE + 10;
    static final int THINGS = ClassController.INSTANCES_PAGE_SIZE + 10;
    static final String THING = "https://w3id.org/ica-kg/id/test/Thing";
    /** Characters of one to four bytes in UTF-8, and markup to escape. */
    static final String MANY_SCRIPTS = "Qazaqstan · Қазақстан – हिन्दी 🇮🇳 😀 <b>&";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(
            () -> TestServer.withData(Path.of("src/test/resources/fixtures/browse"), hubFixture()));

    /** An entity with more incoming statements than one page holds, and a class with more instances than one page. */
    static Path hubFixture() {
        StringBuilder b = new StringBuilder("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                + "<https://w3id.org/ica-kg/id/passage/hub-01> {\n"
                + "  <https://w3id.org/ica-kg/id/test/hub> rdfs:label \"Hub\"@en .\n"
                + "  <https://w3id.org/ica-kg/id/test/many-scripts> rdfs:label \"" + MANY_SCRIPTS + "\"@en .\n");
        for (int i = 0; i < HUB_LINKS; i++)
            b.append(String.format("  <https://w3id.org/ica-kg/id/test/spoke-%02d> rdfs:label \"Spoke %02d\"@en ;"
                    + " rdfs:seeAlso <https://w3id.org/ica-kg/id/test/hub> .%n", i, i));
        for (int i = 0; i < THINGS; i++)
            b.append(String.format("  <https://w3id.org/ica-kg/id/test/thing-%03d> a <%s> ; rdfs:label \"Thing %03d\"@en .%n",
                    i, THING, i));
        Path file = dir.resolve("hub.trig");
        try {
            Files.writeString(file, b.append("}\n"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    static JsonNode json(String path) throws IOException {
        HttpResponse<String> r = server.get(path, "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    /** The HTML of a page, with the templates' escaped '=' ({@code &#61;}) read back as '='. */
    static String html(String path) {
        return server.get(path, "Accept", HTML).body().replace("&#61;", "=");
    }

    static List<String> labels(JsonNode hits) {
        List<String> out = new java.util.ArrayList<>();
        hits.get("hits").forEach(h -> out.add(h.get("label").asText()));
        return out;
    }

    /**
     * Pages are encoded to UTF-8 as they render, into an array sized from the template's last page: every script
     * arrives intact, the length sent is the length of the page, and a long page after a short one (or the reverse)
     * arrives whole.
     */
    @Test
    void pages_arrive_whole_in_utf8_whatever_their_script_and_size() throws Exception {
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        for (String entity : List.of("many-scripts", "hub", "spoke-03", "many-scripts", "hub")) {
            HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url("/id/test/" + entity))).header("Accept", HTML).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElseThrow());
            String page = decoder.decode(java.nio.ByteBuffer.wrap(r.body())).toString(); // throws on malformed UTF-8
            assertTrue(page.stripTrailing().endsWith("</html>"), entity);
            if (entity.equals("many-scripts"))
                assertTrue(page.contains("<h1 id=\"label\">Qazaqstan · Қазақстан – हिन्दी 🇮🇳 😀 &lt;b&gt;&amp;</h1>"), page);
            if (entity.equals("hub"))
                assertTrue(page.contains("Spoke 00"), page);
        }
    }

    @Test
    void search_answers_json_to_clients_that_prefer_it_and_a_page_to_the_others() {
        for (String accept : List.of("application/json", "application/json, text/html;q=0.5", "text/html;q=0, */*;q=0.1"))
            assertTrue(server.get("/search?q=Kazakh", "Accept", accept).headers().firstValue("Content-Type")
                    .orElseThrow().startsWith("application/json"), accept);
        for (String accept : List.of("*/*", "text/html,application/xhtml+xml,*/*;q=0.8", "text/html, application/json",
                "application/json;q=0.5, text/html", "text/html;q=abc"))
            assertTrue(server.get("/search?q=Kazakh", "Accept", accept).headers().firstValue("Content-Type")
                    .orElseThrow().startsWith("text/html"), accept);
    }

    @Test
    void search_ranks_exact_then_prefix_then_word_then_contains() throws IOException {
        assertEquals(List.of("Kazakhstan", "Kazakhstan Railways", "Embassy of Kazakhstan"),
                labels(json("/search?q=kazakhstan")));
    }

    @Test
    void search_ignores_case_and_accents() throws IOException {
        assertEquals(labels(json("/search?q=kazakhstan")), labels(json("/search?q=" + TestServer.enc("KAZAKHSTÁN"))));
    }

    @Test
    void search_finds_alternative_labels_and_names_the_class() throws IOException {
        JsonNode first = json("/search?q=INSTC&format=json").get("hits").get(0);
        assertEquals("International North–South Transport Corridor", first.get("label").asText());
        assertEquals("INSTC", first.get("matched").asText());
        assertEquals("corridor", first.get("class").asText().toLowerCase());
        assertEquals("/id/corridor/instc", first.get("href").asText());
    }

    @Test
    void search_as_html_links_each_hit_to_its_page() {
        HttpResponse<String> r = server.get("/search?q=kazakh", "Accept", HTML);
        assertTrue(r.body().contains("<a class=\"hit\" href=\"/id/state/kazakhstan\">Kazakhstan</a>"), r.body());
        assertTrue(r.body().matches("(?s).*result\\(s\\), exact matches first.*"), r.body());
        String instc = server.get("/search?q=INSTC", "Accept", HTML).body();
        assertTrue(instc.toLowerCase().contains("<span class=\"class\">corridor</span>"), "the hit names its class: " + instc);
        String nothing = server.get("/search?q=zzzzqqq", "Accept", HTML).body();
        assertTrue(nothing.contains("No label or alternative label contains"), nothing);
    }

    @Test
    void empty_or_too_long_search_text_is_refused_with_the_reason() {
        HttpResponse<String> empty = server.get("/search?q=", "Accept", HTML);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Type part of a name"));
        HttpResponse<String> tooLong = server.get("/search?format=json&q=" + "x".repeat(SearchController.MAX_QUERY_CHARS + 1));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("limited to " + SearchController.MAX_QUERY_CHARS + " characters; got "
                + (SearchController.MAX_QUERY_CHARS + 1)), tooLong.body());
    }

    @Test
    void entity_page_shows_each_statement_with_its_passage_and_quote() {
        String page = html("/id/meeting/dialogue-4");
        assertTrue(page.contains("<h1 id=\"label\">4th India–Central Asia Dialogue</h1>"));
        assertTrue(page.contains("href=\"/id/passage/joint-statement-01\""), "link to the passage");
        assertTrue(page.contains("Joint Statement of the 4th India–Central Asia Dialogue"), "the document's title");
        assertTrue(page.contains("was held in New Delhi on 6 June 2025."), "the quoted passage");
        assertTrue(page.contains(">hosted by</a>"), "properties by label, not IRI");
        assertTrue(page.contains("?format=turtle") && page.contains("?format=jsonld") && page.contains("?format=ntriples"));
    }

    @Test
    void entity_page_marks_inferred_statements_and_links_types_and_same_as() {
        String page = html("/id/state/kazakhstan");
        int row = page.indexOf("4th India–Central Asia Dialogue</a>");
        assertTrue(row > 0 && page.indexOf("class=\"inferred\"", row) > row, "participated in is inferred");
        assertTrue(page.toLowerCase().contains("href=\"/class?iri=https%3a%2f%2fw3id.org%2fica-kg%2fontology%23state\">state</a>"), page);
        assertTrue(page.contains("<a href=\"http://www.wikidata.org/entity/Q232\" rel=\"external\">"));
    }

    @Test
    void entity_page_shows_its_iri_names_description_sources_and_links() {
        String page = html("/id/meeting/dialogue-4");
        assertTrue(page.contains("<p class=\"iri\">https://w3id.org/ica-kg/id/meeting/dialogue-4</p>"), "the IRI");
        assertTrue(page.contains("<title>4th India–Central Asia Dialogue · ica-kg</title>"), "the title");
        assertTrue(page.contains("Also: <span>Fourth India-Central Asia Dialogue</span>"), "the other names");
        assertTrue(page.contains("<p class=\"description\">The fourth meeting of the foreign ministers"), "the description");
        assertTrue(page.contains("href=\"/id/document/joint-statement\">Joint Statement"), "the document's page");
        assertTrue(page.contains("<span class=\"note\">en</span>"), "a literal's language");
        assertTrue(page.contains("data-src=\"/graph.json?iri=https%3A%2F%2Fw3id.org%2Fica-kg%2Fid%2Fmeeting%2Fdialogue-4\""),
                "the neighbourhood's data");
        assertTrue(page.contains("<a href=\"/id/meeting/dialogue-4?format=rdfxml\">RDF/XML</a>"), "the formats, by name");
        assertTrue(page.contains("Incoming <span class=\"muted\">(7)</span>"), "the number of incoming statements");
        assertTrue(page.contains("<span>made at: 1</span> <span>participated in: 5</span>"), "incoming counted per property");
        assertTrue(page.contains(">Hold regular consultations</a></td>\n<td>made at</td>"), "an incoming row");
        String india = html("/id/state/india");
        assertTrue(india.contains("<div class=\"source external\"><a href=\"https://w3id.org/ica-kg/graph/external/wikidata\">Wikidata</a></div>")
                || india.contains("<div class=\"source external\">Wikidata</div>"), "an external source, by its label");
        String state = html("/id/state/kazakhstan");
        assertTrue(state.contains("<p class=\"description\">A Central Asian republic, the largest landlocked country.</p>"));
    }

    @Test
    void incoming_statements_are_counted_and_paged() {
        String first = html("/id/test/hub");
        assertTrue(first.contains("see also: " + HUB_LINKS), "count per property");
        assertTrue(first.contains(">Spoke 00</a>") && !first.contains(">Spoke " + EntityPage.INCOMING_PAGE_SIZE + "</a>"));
        assertTrue(first.contains("page 1 of 2") && first.contains("href=\"?page=2\""));
        String second = html("/id/test/hub?page=2");
        assertTrue(second.contains(">Spoke " + EntityPage.INCOMING_PAGE_SIZE + "</a>") && !second.contains(">Spoke 00</a>"));
        assertTrue(second.contains("<a rel=\"prev\" href=\"?page=1\">") && !second.contains("rel=\"next\""), "back, not on");
        assertTrue(second.contains("Incoming <span class=\"muted\">(" + HUB_LINKS + ")</span>"), "the total on every page");
        assertEquals(400, server.get("/id/test/hub?page=3", "Accept", HTML).statusCode());
        assertEquals(400, server.get("/id/test/hub?page=zero", "Accept", HTML).statusCode());
    }

    @Test
    void unknown_entities_are_not_found() {
        assertEquals(404, server.get("/id/state/atlantis", "Accept", HTML).statusCode());
        assertEquals(404, server.get("/graph.json?iri=" + TestServer.enc("https://w3id.org/ica-kg/id/state/atlantis")).statusCode());
    }

    @Test
    void neighbourhood_json_has_the_entity_its_neighbours_and_labelled_edges() throws IOException {
        JsonNode g = json("/graph.json?iri=" + TestServer.enc("https://w3id.org/ica-kg/id/meeting/dialogue-4"));
        List<String> nodes = new java.util.ArrayList<>();
        g.get("nodes").forEach(n -> nodes.add(n.get("data").get("label").asText()));
        assertTrue(nodes.containsAll(List.of("4th India–Central Asia Dialogue", "India", "Kazakhstan", "Hold regular consultations")), nodes.toString());
        assertFalse(nodes.stream().anyMatch(n -> n.equalsIgnoreCase("meeting")), "types are not neighbours");
        assertTrue(g.get("edges").toString().contains("\"label\":\"hosted by\""));
    }

    @Test
    void class_pages_list_instances_and_the_hierarchy() {
        String index = server.get("/classes").body().toLowerCase();
        assertTrue(index.contains(">state</a></td><td class=\"num\">7</td>"), index);
        String state = server.get("/class?iri=" + TestServer.enc("https://w3id.org/ica-kg/ontology#State")).body().toLowerCase();
        assertTrue(state.contains("instances <span class=\"muted\">(7)</span>"));
        assertTrue(state.indexOf(">india</a>") < state.indexOf(">uzbekistan</a>"), "ordered by label");
        assertTrue(state.contains("class=\"super\""), "its superclass");
        assertEquals(404, server.get("/class?iri=" + TestServer.enc("https://w3id.org/ica-kg/ontology#Nothing")).statusCode());
    }

    @Test
    void class_pages_are_paged() {
        String path = "/class?iri=" + TestServer.enc(THING);
        String first = html(path);
        assertTrue(first.contains("Instances <span class=\"muted\">(" + THINGS + ")</span>"), "the count of all instances");
        assertTrue(first.contains(">Thing 000</a>") && !first.contains(">Thing " + ClassController.INSTANCES_PAGE_SIZE + "</a>"));
        assertTrue(first.contains("page 1 of 2") && first.contains("<a rel=\"next\" href=\"" + path + "&amp;page=2\">")
                && !first.contains("rel=\"prev\""), first);
        String second = html(path + "&page=2");
        assertTrue(second.contains(">Thing " + ClassController.INSTANCES_PAGE_SIZE + "</a>") && !second.contains(">Thing 000</a>"));
        assertTrue(second.contains("<a rel=\"prev\" href=\"" + path + "&amp;page=1\">") && !second.contains("rel=\"next\""));
        assertEquals(400, server.get(path + "&page=3", "Accept", HTML).statusCode());
    }

    @Test
    void class_page_shows_its_iri_definition_and_place_in_the_ontology() {
        String event = html("/class?iri=" + TestServer.enc("https://w3id.org/ica-kg/ontology#Meeting"));
        assertTrue(event.contains("<h1>meeting</h1>"), event);
        assertTrue(event.contains("<p class=\"iri\">https://w3id.org/ica-kg/ontology#Meeting · <a href=\"/ontology#Meeting\">in the ontology</a>"));
        assertTrue(event.contains("<p class=\"description\">"), "its definition");
        assertTrue(event.contains("<a class=\"super\" href=\"/class?iri=https%3A%2F%2Fw3id.org%2Fica-kg%2Fontology%23Event\">"),
                "its superclass, linked");
        String other = html("/class?iri=" + TestServer.enc(THING));
        assertFalse(other.contains("in the ontology"), "a class from elsewhere has no ontology link");
    }

    @Test
    void home_page_counts_classes_and_lists_the_latest_events_first() {
        String home = server.get("/").body();
        assertTrue(home.toLowerCase().contains(">meeting</a></td><td class=\"num\">2</td>"), home);
        int fourth = home.indexOf("4th India–Central Asia Dialogue"), first = home.indexOf("1st India–Central Asia Dialogue");
        assertTrue(fourth > 0 && first > fourth, "latest first");
        assertTrue(home.contains("href=\"/query\"") && home.contains("href=\"/void\"") && home.contains("href=\"/ontology\""));
    }

    @Test
    void ontology_page_anchors_every_term_with_domain_and_range() {
        String page = html("/ontology");
        assertTrue(page.contains("id=\"State\""), "anchor for /ontology#State");
        int hostedBy = page.indexOf("id=\"hostedBy\"");
        String section = page.substring(hostedBy, page.indexOf("</section>", hostedBy));
        assertTrue(section.contains("<dt>Domain</dt><dd><a href=\"/ontology#Event\">"), section);
        assertTrue(section.contains("<dt>Range</dt><dd><a href=\"/ontology#Agent\">"), section);
        assertTrue(section.contains("<dt>Inverse of</dt><dd><a href=\"/ontology#hosted\">"), section);
    }

    @Test
    void ontology_page_shows_each_class_with_its_name_definition_superclasses_and_instances() {
        String page = html("/ontology");
        int at = page.indexOf("id=\"State\"");
        String state = page.substring(at, page.indexOf("</section>", at));
        assertTrue(state.contains("<h3>state <span class=\"muted\">ica:State</span></h3>"), state);
        assertTrue(state.contains("<p class=\"description\">A sovereign country"), state);
        assertTrue(state.contains("<dt>Subclass of</dt><dd><a href=\"/ontology#Agent\">ica:Agent</a> "
                + "<a href=\"/ontology#Place\">ica:Place</a> </dd>"), state);
        assertTrue(state.contains("<a href=\"/class?iri=https%3A%2F%2Fw3id.org%2Fica-kg%2Fontology%23State\">list them</a>"), state);
        assertFalse(state.contains("<dt>Subclasses</dt>"), "no empty list of subclasses: " + state);
        assertTrue(page.contains("ica:broaderThreat · Object property, transitive</span>"), "a property's characteristics");
    }
}
