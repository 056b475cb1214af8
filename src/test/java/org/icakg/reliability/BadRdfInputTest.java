package org.icakg.reliability;

import static org.icakg.support.Maintainer.AUTH;
import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.icakg.ServerConfig;
import org.icakg.support.Fixtures;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus under {@code bad-input/rdf} and {@code bad-input/update}, sent to the dry run and to the
 * authenticated write paths: each gets the 4xx its folder names with a message that says what is wrong, never a 5xx;
 * a refused input writes nothing, and the server stays healthy.
 */
class BadRdfInputTest {

    static final Path RDF = Path.of("src/test/resources/bad-input/rdf"), UPDATE = Path.of("src/test/resources/bad-input/update");
    /** Media type of a corpus file, by extension. */
    static final Map<String, String> TYPES = Map.ofEntries(Map.entry("ttl", "text/turtle"),
            Map.entry("trig", "application/trig"), Map.entry("nt", "application/n-triples"),
            Map.entry("nq", "application/n-quads"), Map.entry("jsonld", "application/ld+json"),
            Map.entry("rdf", "application/rdf+xml"), Map.entry("txt", "text/plain"), Map.entry("html", "text/html"),
            Map.entry("json", "application/json"), Map.entry("csv", "text/csv"), Map.entry("ru", "application/sparql-update"));
    static final String GRAPH = "?graph=" + enc("https://w3id.org/ica-kg/id/passage/x-01");
    static final String LINE_AND_COLUMN = "(?s).*line \\d+, column \\d+.*";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> Maintainer.server(dir));

    @AfterEach
    void still_healthy() {
        assertEquals(200, server.get("/health").statusCode());
    }

    static Stream<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList().stream();
        }
    }

    static Stream<Path> syntax() throws IOException { return files(RDF.resolve("syntax")); }
    static Stream<Path> refused() throws IOException { return files(RDF.resolve("refused")); }
    static Stream<Path> mediaTypes() throws IOException { return files(RDF.resolve("media-type")); }
    static Stream<Path> shapes() throws IOException { return files(RDF.resolve("shapes")); }
    static Stream<Path> accepted() throws IOException { return files(RDF.resolve("accepted")); }
    static Stream<Path> updateSyntax() throws IOException { return files(UPDATE.resolve("syntax")); }
    static Stream<Path> updateRefused() throws IOException { return files(UPDATE.resolve("refused")); }
    static Stream<Path> updateShapes() throws IOException { return files(UPDATE.resolve("shapes")); }

    static String type(Path file) {
        String name = file.getFileName().toString();
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The dry run, and the three Graph Store writes with credentials. */
    static List<HttpResponse<String>> sendEverywhere(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        String type = type(file);
        return List.of(Maintainer.send(server, "POST", "/validate", type, body),
                Maintainer.send(server, "POST", "/data", type, body, "Authorization", AUTH),
                Maintainer.send(server, "POST", "/data" + GRAPH, type, body, "Authorization", AUTH),
                Maintainer.send(server, "PUT", "/data" + GRAPH, type, body, "Authorization", AUTH));
    }

    /** Sends {@code file} everywhere, expecting {@code status} and nothing written; returns the responses. */
    static List<HttpResponse<String>> refusedEverywhere(Path file, int status) throws IOException {
        DatasetGraph before = Fixtures.copy(server.server().knowledgeBase().dataset());
        List<HttpResponse<String>> responses = sendEverywhere(file);
        for (HttpResponse<String> r : responses) {
            assertEquals(status, r.statusCode(), file + " " + r.request().method() + " " + r.uri() + ": " + r.body());
            assertFalse(r.body().isBlank(), "the refusal says why");
        }
        assertTrue(Maintainer.unchanged(before, server), file + " wrote something");
        return responses;
    }

    @ParameterizedTest
    @MethodSource("syntax")
    void malformed_rdf_is_a_400_naming_line_and_column(Path file) throws IOException {
        for (HttpResponse<String> r : refusedEverywhere(file, 400))
            assertTrue(r.body().matches(LINE_AND_COLUMN), file + ": " + r.body());
    }

    @ParameterizedTest
    @MethodSource("refused")
    void rdf_the_service_does_not_take_is_a_400_saying_why(Path file) throws IOException {
        for (HttpResponse<String> r : refusedEverywhere(file, 400))
            assertTrue(r.body().matches("(?si).*(scheme|context|@id|graph).*"), file + ": " + r.body());
    }

    @ParameterizedTest
    @MethodSource("mediaTypes")
    void other_media_types_are_a_415_listing_the_accepted_ones(Path file) throws IOException {
        for (HttpResponse<String> r : refusedEverywhere(file, 415))
            assertTrue(r.body().contains("text/turtle") && r.body().contains("'" + type(file) + "'"), r.body());
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void data_that_breaks_the_shapes_is_reported_by_the_dry_run_and_refused_by_writes_with_422(Path file) throws IOException {
        DatasetGraph before = Fixtures.copy(server.server().knowledgeBase().dataset());
        byte[] body = Files.readAllBytes(file);
        HttpResponse<String> dryRun = Maintainer.send(server, "POST", "/validate", type(file), body, "Accept", "application/json");
        assertEquals(200, dryRun.statusCode(), dryRun.body());
        assertTrue(dryRun.body().replace(" ", "").contains("\"conforms\":false"), dryRun.body());
        HttpResponse<String> write = Maintainer.send(server, "POST", "/data", type(file), body, "Authorization", AUTH);
        assertEquals(422, write.statusCode(), write.body());
        assertTrue(Maintainer.unchanged(before, server));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void odd_but_valid_text_is_accepted_and_shown_escaped(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        HttpResponse<String> dryRun = Maintainer.send(server, "POST", "/validate", type(file), body, "Accept", "application/json");
        assertTrue(dryRun.body().replace(" ", "").contains("\"conforms\":true"), file + ": " + dryRun.body());
        HttpResponse<String> write = Maintainer.send(server, "POST", "/data", type(file), body, "Authorization", AUTH);
        assertEquals(200, write.statusCode(), file + ": " + write.body());
        String page = server.get("/id/state/india", "Accept", "text/html").body();
        assertFalse(page.contains("<script>alert") || page.contains("<img src=x") || page.contains("<b>bold"),
                "markup from the data reaches the page unescaped");
    }

    @ParameterizedTest
    @MethodSource("updateSyntax")
    void malformed_sparql_update_is_a_400_naming_line_and_column(Path file) throws IOException {
        HttpResponse<String> r = update(file, 400);
        assertTrue(r.body().matches(LINE_AND_COLUMN), file + ": " + r.body());
    }

    @ParameterizedTest
    @MethodSource("updateRefused")
    void updates_the_service_does_not_take_get_the_status_their_name_gives(Path file) throws IOException {
        String name = file.getFileName().toString();
        HttpResponse<String> r = update(file, Integer.parseInt(name.substring(name.length() - 6, name.length() - 3)));
        assertFalse(r.body().contains("line -1"), "no made-up position: " + r.body());
    }

    @ParameterizedTest
    @MethodSource("updateShapes")
    void updates_that_break_the_shapes_are_a_422(Path file) throws IOException {
        update(file, 422);
    }

    static HttpResponse<String> update(Path file, int status) throws IOException {
        DatasetGraph before = Fixtures.copy(server.server().knowledgeBase().dataset());
        HttpResponse<String> r = Maintainer.send(server, "POST", "/update", type(file), Files.readAllBytes(file), "Authorization", AUTH);
        assertEquals(status, r.statusCode(), file + ": " + r.body());
        assertFalse(r.body().isBlank());
        assertTrue(Maintainer.unchanged(before, server), file + " wrote something");
        return r;
    }

    @Test
    void an_update_in_another_media_type_or_none_is_a_415() {
        for (String type : new String[] {"text/turtle", "text/plain", null}) {
            HttpResponse<String> r = Maintainer.send(server, "POST", "/update", type,
                    "INSERT DATA { <urn:x:a> <urn:x:b> \"c\" }".getBytes(StandardCharsets.UTF_8), "Authorization", AUTH);
            assertEquals(415, r.statusCode(), type + ": " + r.body());
            assertTrue(r.body().contains("application/sparql-update"), r.body());
        }
    }

    @Test
    void deeply_nested_collections_blank_nodes_and_json_are_a_400_not_a_server_error() throws IOException {
        int depth = 100_000;
        Map<String, String> inputs = Map.of(
                "nested-collections.ttl", "<urn:x:a> <urn:x:b> " + "(".repeat(depth) + ")".repeat(depth) + " .",
                "nested-blank-nodes.ttl", "<urn:x:a> <urn:x:b> " + "[ <urn:x:p> ".repeat(depth) + "]".repeat(depth) + " .",
                "nested-arrays.jsonld", "[".repeat(depth) + "]".repeat(depth),
                "nested-objects.jsonld", "{\"@id\":\"urn:x:a\",\"urn:x:p\":" + "{\"urn:x:p\":".repeat(depth) + "1" + "}".repeat(depth + 1));
        for (var e : inputs.entrySet()) {
            Path file = Files.writeString(dir.resolve(e.getKey()), e.getValue());
            for (HttpResponse<String> r : refusedEverywhere(file, 400))
                assertTrue(r.body().contains("line") || r.body().contains("too deeply"), e.getKey() + ": " + r.body());
        }
    }

    @Test
    void a_literal_of_five_megabytes_under_the_body_limit_is_taken_and_one_over_the_limit_is_a_413() throws IOException {
        String big = "x".repeat(5 * 1024 * 1024);
        String triple = "<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> \"" + big + "\" .";
        byte[] body = triple.getBytes(StandardCharsets.UTF_8);
        assertEquals(200, Maintainer.send(server, "POST", "/validate", "application/n-triples", body).statusCode());
        HttpResponse<String> write = Maintainer.send(server, "POST", "/data" + GRAPH, "application/n-triples", body, "Authorization", AUTH);
        assertEquals(200, write.statusCode(), write.body());
        String length = server.get("/sparql?query=" + enc("SELECT (MAX(STRLEN(?c)) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#comment> ?c }"),
                "Accept", "text/csv").body();
        assertTrue(length.contains(String.valueOf(big.length())), "the literal is stored whole: " + length);

        long limit = ServerConfig.DEFAULT_MAX_BODY_BYTES;
        String tooBig = triple.replace(big, "y".repeat((int) limit));
        Path file = Files.writeString(dir.resolve("too-big.nt"), tooBig);
        for (HttpResponse<String> r : refusedEverywhere(file, 413))
            assertTrue(r.body().contains(String.valueOf(limit)) && r.body().contains(String.valueOf(Files.size(file))), r.body());
    }
}
