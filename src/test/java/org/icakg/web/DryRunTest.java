package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /validate}: a patch checked against the live graph, with the report in every form, and never written. */
class DryRunTest {

    static final String PREFIXES = """
            @prefix ica: <https://w3id.org/ica-kg/ontology#> .
            @prefix state: <https://w3id.org/ica-kg/id/state/> .
            @prefix forum: <https://w3id.org/ica-kg/id/forum/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            """;
    static final int BODY_LIMIT = 4000;

    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(
            () -> TestServer.serving(Fixtures.inMemory(), c -> c.withMaxBodyBytes(BODY_LIMIT)));
    static DatasetGraph before;

    @BeforeAll
    static void remember() {
        before = Fixtures.copy(server.server().knowledgeBase().dataset());
    }

    /** Every dry run of every test left the store as it was. */
    @AfterAll
    static void unchanged() {
        assertTrue(IsoMatcher.isomorphic(before, Fixtures.copy(server.server().knowledgeBase().dataset())));
    }

    static HttpResponse<String> validate(String turtle, String accept) {
        return server.post("/validate", "text/turtle", PREFIXES + turtle, "Accept", accept);
    }

    static JsonNode json(String turtle) throws Exception {
        HttpResponse<String> r = validate(turtle, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void a_patch_that_refers_to_entities_already_in_the_graph_conforms() throws Exception {
        JsonNode report = json("forum:sco a ica:Forum ; rdfs:label 'SCO' ; ica:hasMember state:india .");
        assertTrue(report.get("conforms").asBoolean(), report.toString());
    }

    @Test
    void a_new_state_without_a_label_is_reported_with_its_focus_node_message_and_line() throws Exception {
        JsonNode report = json("\nstate:atlantis a ica:State .");
        assertFalse(report.get("conforms").asBoolean());
        JsonNode result = report.get("results").get(0);
        assertEquals("<https://w3id.org/ica-kg/id/state/atlantis>", result.get("focusNode").asText());
        assertEquals("Every actor needs a label", result.get("message").asText());
        assertEquals("request body:6", result.get("location").asText());
    }

    @Test
    void a_value_of_the_wrong_datatype_is_reported() throws Exception {
        JsonNode report = json("state:kazakhstan ica:population 'about twenty million' .");
        assertFalse(report.get("conforms").asBoolean());
        assertEquals("DatatypeConstraintComponent", report.get("results").get(0).get("component").asText());
    }

    @Test
    void a_term_the_ontology_does_not_declare_is_reported() throws Exception {
        JsonNode report = json("state:india ica:frobnicates state:kazakhstan .");
        assertFalse(report.get("conforms").asBoolean());
        assertTrue(report.get("results").get(0).get("message").asText().startsWith("Unknown property"));
    }

    @Test
    void the_shacl_report_comes_as_turtle_by_default_and_as_json_ld_on_request() {
        HttpResponse<String> turtle = validate("state:atlantis a ica:State .", "*/*");
        assertTrue(turtle.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        Graph g = RDFParser.fromString(turtle.body(), Lang.TURTLE).toGraph();
        assertFalse(ValidationReport.fromGraph(g).conforms());
        HttpResponse<String> jsonld = validate("state:atlantis a ica:State .", "application/ld+json");
        assertFalse(ValidationReport.fromGraph(RDFParser.fromString(jsonld.body(), Lang.JSONLD).toGraph()).conforms());
    }

    @Test
    void browsers_get_an_html_report_with_data_escaped() {
        HttpResponse<String> r = validate("state:x a ica:State ; ica:population '<script>alert(1)</script>' .",
                "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<table>"));
        assertFalse(r.body().contains("<script>alert"));
        assertTrue(r.body().contains("&lt;script&gt;"));
    }

    @Test
    void the_validate_page_has_a_text_box_whose_form_answers_with_the_report() {
        HttpResponse<String> page = server.get("/validate", "Accept", "text/html");
        assertTrue(page.body().contains("<textarea name=\"data\""));
        HttpResponse<String> r = server.post("/validate", "application/x-www-form-urlencoded",
                "data=" + TestServer.enc(PREFIXES + "state:atlantis a ica:State ."), "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Every actor needs a label"));
        assertTrue(r.body().contains("state:atlantis a ica:State ."), "the form keeps what was pasted");
    }

    @Test
    void malformed_turtle_is_a_400_naming_line_and_column() {
        HttpResponse<String> r = validate("state:india rdfs:label 'India' \nstate:x .", "*/*");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().matches("(?s).*line 6, column \\d+.*"), r.body());
    }

    @Test
    void an_unsupported_media_type_is_a_415_listing_the_accepted_ones() {
        HttpResponse<String> r = server.post("/validate", "text/csv", "a,b,c");
        assertEquals(415, r.statusCode());
        assertTrue(r.body().contains("text/turtle") && r.body().contains("application/ld+json"), r.body());
    }

    @Test
    void a_body_over_the_limit_is_a_413_stating_the_limit_and_the_size_seen() {
        String big = "#" + "x".repeat(BODY_LIMIT * 2) + "\n";
        HttpResponse<String> r = server.post("/validate", "text/turtle", big);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains(BODY_LIMIT + " bytes") && r.body().contains(big.length() + " bytes"), r.body());
    }

    @Test
    void json_ld_bodies_are_validated_and_their_remote_contexts_are_not_fetched() throws Exception {
        String doc = "{\"@context\": {\"rdfs\": \"http://www.w3.org/2000/01/rdf-schema#\"},"
                + "\"@id\": \"https://w3id.org/ica-kg/id/state/india\", \"rdfs:comment\": \"x\"}";
        HttpResponse<String> ok = server.post("/validate", "application/ld+json", doc, "Accept", "application/json");
        assertTrue(new ObjectMapper().readTree(ok.body()).get("conforms").asBoolean(), ok.body());
        HttpResponse<String> remote = server.post("/validate", "application/ld+json",
                "{\"@context\": \"http://127.0.0.1:9/context.jsonld\", \"@id\": \"urn:x\"}");
        assertEquals(400, remote.statusCode());
    }
}
