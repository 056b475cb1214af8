package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.icakg.write.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** SPARQL Update and Graph Store writes on a TDB2 store: only with credentials, and only when the result conforms. */
class AuthenticatedWritesTest {

    static final String PREFIXES = """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            PREFIX state: <https://w3id.org/ica-kg/id/state/>
            PREFIX forum: <https://w3id.org/ica-kg/id/forum/>
            PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    static final String ALICE = "Basic " + base64("alice:s3cret"), WRONG = "Basic " + base64("alice:guess"),
            BOB = "Basic " + base64("bob:hunter2");
    static final String GRAPH = "https://w3id.org/ica-kg/id/passage/added-01";

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        Path users = tmp.resolve("users");
        Files.writeString(users, "# maintainers\nalice:s3cret\nbob:sha256:" + Users.digestHex("hunter2") + "\n");
        server = startOn(tmp.resolve("store"), users);
    }

    @AfterEach
    void stop() {
        if (server != null)
            server.close();
    }

    static TestServer startOn(Path store, Path users) {
        return TestServer.serving(Fixtures.tdb2(store), c -> c.withStore(store).withUsersFile(users));
    }

    HttpResponse<String> update(String sparql, String... headers) {
        return server.post("/update", "application/sparql-update", PREFIXES + sparql, headers);
    }

    boolean ask(String where) {
        String q = PREFIXES + "ASK { " + where + " }";
        return server.get("/sparql?query=" + TestServer.enc(q), "Accept", "text/csv").body().contains("true");
    }

    HttpResponse<String> gsp(String method, String query, String contentType, String body, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("/data" + query)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null)
            b.header("Content-Type", contentType);
        return auth == null ? server.send(b) : server.send(b, "Authorization", auth);
    }

    @Test
    void an_update_without_credentials_is_a_401_with_a_basic_challenge() {
        HttpResponse<String> r = update("INSERT DATA { state:india rdfs:comment 'x' }");
        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"ica-kg\", charset=\"UTF-8\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(ask("state:india rdfs:comment 'x'"));
    }

    @Test
    void an_update_with_a_wrong_password_is_a_401_and_writes_nothing() {
        assertEquals(401, update("INSERT DATA { state:india rdfs:comment 'x' }", "Authorization", WRONG).statusCode());
        assertFalse(ask("state:india rdfs:comment 'x'"));
    }

    @Test
    void an_update_with_credentials_is_applied_and_its_inferences_are_answerable() throws Exception {
        HttpResponse<String> r = update("INSERT DATA { GRAPH passage:added-01 { state:uzbekistan a ica:State ; "
                + "rdfs:label 'Uzbekistan' ; ica:memberOf forum:dialogue } }", "Authorization", ALICE);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode summary = new ObjectMapper().readTree(r.body());
        assertEquals(3, summary.get("added").asInt());
        assertTrue(ask("forum:dialogue ica:hasMember state:uzbekistan"));
        assertTrue(ask("GRAPH <https://w3id.org/ica-kg/graph/inferred/added-01> { state:uzbekistan a ica:Actor }"), "inferred from the passage written");
    }

    @Test
    void a_hashed_password_in_the_users_file_works_too() {
        assertEquals(200, update("INSERT DATA { GRAPH passage:added-01 { state:india rdfs:comment 'x' } }",
                "Authorization", BOB).statusCode());
    }

    @Test
    void a_form_encoded_update_works() {
        HttpResponse<String> r = server.post("/update", "application/x-www-form-urlencoded",
                "update=" + TestServer.enc(PREFIXES + "INSERT DATA { GRAPH passage:added-01 { state:india rdfs:comment 'x' } }"),
                "Authorization", ALICE);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ask("state:india rdfs:comment 'x'"));
    }

    @Test
    void a_violating_update_is_a_422_with_the_report_and_leaves_every_quad_as_it_was() throws Exception {
        DatasetGraph before = Fixtures.copy(server.server().knowledgeBase().dataset());
        HttpResponse<String> r = update("INSERT DATA { GRAPH passage:added-01 { state:atlantis a ica:State } } ;"
                + "DELETE DATA { GRAPH passage:statement-01 { state:kazakhstan ica:partnerOf state:india } }",
                "Authorization", ALICE, "Accept", "application/json");
        assertEquals(422, r.statusCode());
        JsonNode report = new ObjectMapper().readTree(r.body());
        assertEquals("Every actor needs a label", report.get("results").get(0).get("message").asText());
        assertTrue(IsoMatcher.isomorphic(before, Fixtures.copy(server.server().knowledgeBase().dataset())));
    }

    @Test
    void a_refused_update_gives_turtle_or_html_by_accept() {
        String bad = "INSERT DATA { GRAPH passage:added-01 { state:atlantis a ica:State } }";
        HttpResponse<String> turtle = update(bad, "Authorization", ALICE, "Accept", "text/turtle");
        assertEquals(422, turtle.statusCode());
        assertTrue(turtle.body().contains("sh:conforms") && turtle.body().contains("false"), turtle.body());
        HttpResponse<String> html = update(bad, "Authorization", ALICE, "Accept", "text/html");
        assertTrue(html.body().contains("Every actor needs a label") && html.body().contains("<table>"));
    }

    @Test
    void malformed_sparql_update_is_a_400_with_line_and_column() {
        HttpResponse<String> r = update("INSERT DATA {\n  state:india rdfs:label }", "Authorization", ALICE);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("line 7, column"), r.body());
    }

    @Test
    void the_inferred_graph_and_the_ontology_cannot_be_written() {
        HttpResponse<String> r = update("INSERT DATA { GRAPH <https://w3id.org/ica-kg/graph/inferred> { state:india rdfs:comment 'x' } }",
                "Authorization", ALICE);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("computed by the server"), r.body());
        HttpResponse<String> one = update("INSERT DATA { GRAPH <https://w3id.org/ica-kg/graph/inferred/statement-01> "
                + "{ state:india rdfs:comment 'x' } }", "Authorization", ALICE);
        assertEquals(403, one.statusCode(), "an inferred graph of one passage is the server's too");
        assertEquals(403, gsp("DELETE", "?graph=" + TestServer.enc("https://w3id.org/ica-kg/graph/ontology"), null, null, ALICE).statusCode());
    }

    @Test
    void graph_store_writes_need_credentials() {
        assertEquals(401, gsp("PUT", "?graph=" + TestServer.enc(GRAPH), "text/turtle", "<urn:a> <urn:b> <urn:c> .", null).statusCode());
        assertEquals(401, gsp("POST", "?graph=" + TestServer.enc(GRAPH), "text/turtle", "<urn:a> <urn:b> <urn:c> .", WRONG).statusCode());
        assertEquals(401, gsp("DELETE", "?graph=" + TestServer.enc(GRAPH), null, null, null).statusCode());
    }

    @Test
    void graph_store_put_post_and_delete_replace_add_to_and_remove_a_graph() {
        String target = "?graph=" + TestServer.enc(GRAPH);
        String india = "<https://w3id.org/ica-kg/id/state/india>";
        assertEquals(201, gsp("PUT", target, "text/turtle", india + " <http://www.w3.org/2000/01/rdf-schema#comment> 'one' .", ALICE).statusCode());
        assertEquals(200, gsp("PUT", target, "text/turtle", india + " <http://www.w3.org/2000/01/rdf-schema#comment> 'two' .", ALICE).statusCode());
        assertEquals(200, gsp("POST", target, "application/n-triples", india + " <http://www.w3.org/2000/01/rdf-schema#comment> \"three\" .", ALICE).statusCode());
        String read = server.get("/data" + target, "Accept", "application/n-triples").body();
        assertFalse(read.contains("\"one\""));
        assertTrue(read.contains("\"two\"") && read.contains("\"three\""), read);
        assertEquals(200, gsp("DELETE", target, null, null, ALICE).statusCode());
        assertEquals(404, server.get("/data" + target).statusCode());
        assertEquals(404, gsp("DELETE", target, null, null, ALICE).statusCode());
    }

    @Test
    void a_graph_store_put_that_does_not_conform_is_a_422() {
        HttpResponse<String> r = gsp("PUT", "?graph=" + TestServer.enc(GRAPH), "text/turtle",
                "<https://w3id.org/ica-kg/id/state/x> a <https://w3id.org/ica-kg/ontology#State> .", ALICE);
        assertEquals(422, r.statusCode());
        assertEquals(404, server.get("/data?graph=" + TestServer.enc(GRAPH)).statusCode());
    }

    @Test
    void accepted_writes_are_in_the_audit_trail_which_only_maintainers_can_read() throws Exception {
        update("INSERT DATA { GRAPH passage:added-01 { state:india rdfs:comment 'x' } }", "Authorization", ALICE);
        assertEquals(401, server.get("/audit").statusCode());
        JsonNode entries = new ObjectMapper().readTree(server.get("/audit", "Authorization", BOB).body()).get("entries");
        assertEquals(1, entries.size());
        assertEquals("alice", entries.get(0).get("user").asText());
        assertEquals(1, entries.get(0).get("added").asInt());
        String patch = server.get(entries.get(0).get("patch").asText(), "Authorization", BOB).body();
        assertTrue(patch.contains("H user \"alice\"") && patch.contains("A <https://w3id.org/ica-kg/id/state/india>"), patch);
        assertFalse(patch.contains("s3cret"));
    }

    @Test
    void accepted_writes_and_the_audit_trail_survive_a_restart_on_the_same_store() {
        update("INSERT DATA { GRAPH passage:added-01 { state:india rdfs:comment 'kept' } }", "Authorization", ALICE);
        update("DELETE DATA { GRAPH passage:statement-01 { state:kazakhstan ica:partnerOf state:india } }", "Authorization", ALICE);
        server.close();
        server = startOn(tmp.resolve("store"), tmp.resolve("users"));
        assertTrue(ask("state:india rdfs:comment 'kept'"));
        assertFalse(ask("state:kazakhstan ica:partnerOf state:india"), "the store is reopened, not loaded again");
        assertTrue(server.get("/audit", "Authorization", ALICE).body().contains("\"alice\""));
    }

    @Test
    void counts_are_refreshed_after_a_write() {
        String before = server.get("/void", "Accept", "application/n-triples").body();
        update("INSERT DATA { GRAPH passage:added-01 { state:india rdfs:comment 'x' } }", "Authorization", ALICE);
        assertFalse(before.equals(server.get("/void", "Accept", "application/n-triples").body()));
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
