package org.icakg.reliability;

import static org.icakg.support.Maintainer.AUTH;
import static org.icakg.support.Maintainer.PASSWORD;
import static org.icakg.support.Maintainer.basic;
import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.icakg.kb.UnreadableInputException;
import org.icakg.support.Fixtures;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.icakg.write.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every write and admin path refuses anonymous and wrong credentials with a 401 challenge and accepts the right
 * ones; every read path stays open; passwords never come back in a response (the log: {@link ServerProcessTest}).
 */
class AccessTest {

    static final String GRAPH = "?graph=" + enc("https://w3id.org/ica-kg/id/passage/access-01");
    static final byte[] TRIPLE = "<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> \"access\" ."
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] UPDATE = ("INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/access-01> { "
            + "<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> \"by update\" } }")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> Maintainer.server(dir));

    /** A write or admin request: method, path, media type and body. */
    record Guarded(String method, String path, String type, byte[] body) {
        HttpResponse<String> send(String... headers) {
            return Maintainer.send(server, method, path, type, body, headers);
        }

        @Override
        public String toString() { return method + " " + path; }
    }

    static Stream<Guarded> guarded() {
        return Stream.of(new Guarded("POST", "/update", "application/sparql-update", UPDATE),
                new Guarded("PUT", "/data" + GRAPH, "text/turtle", TRIPLE),
                new Guarded("POST", "/data" + GRAPH, "application/n-triples", TRIPLE),
                new Guarded("POST", "/data", "application/n-quads", TRIPLE),
                new Guarded("DELETE", "/data" + GRAPH, null, null),
                new Guarded("GET", "/audit", null, null),
                new Guarded("GET", "/audit/1", null, null));
    }

    static Stream<Arguments> guardedWithBadCredentials() {
        List<String> bad = List.of(basic(Maintainer.USER, "wrong"), basic("mallory", PASSWORD), basic(Maintainer.USER, ""),
                "Basic !!!not-base64", "Basic " + java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes()),
                "Bearer " + PASSWORD, basic(Maintainer.USER, PASSWORD + " "), basic(Maintainer.USER.toUpperCase(), PASSWORD));
        return guarded().flatMap(g -> bad.stream().map(b -> Arguments.of(g, b)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guarded")
    void anonymous_requests_get_a_401_with_a_basic_challenge_and_write_nothing(Guarded request) {
        DatasetGraph before = Fixtures.copy(server.server().knowledgeBase().dataset());
        HttpResponse<String> r = request.send();
        assertEquals(401, r.statusCode(), request + ": " + r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"ica-kg\""), request.toString());
        assertTrue(Maintainer.unchanged(before, server));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("guardedWithBadCredentials")
    void wrong_credentials_get_a_401_and_write_nothing(Guarded request, String authorization) {
        DatasetGraph before = Fixtures.copy(server.server().knowledgeBase().dataset());
        HttpResponse<String> r = request.send("Authorization", authorization);
        assertEquals(401, r.statusCode(), request + ": " + r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
        assertFalse(r.body().contains(PASSWORD), "the refusal does not echo the password");
        assertTrue(Maintainer.unchanged(before, server));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guarded")
    void the_right_credentials_are_accepted(Guarded request) {
        HttpResponse<String> r = request.send("Authorization", AUTH);
        int status = r.statusCode();
        boolean ok = status / 100 == 2 || (status == 404 && request.method().equals("DELETE"))
                || (status == 404 && request.path().startsWith("/audit/"));
        assertTrue(ok, request + " -> " + status + ": " + r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/health", "/metrics", "/sparql", "/sparql?query=ASK%7B%7D", "/data", "/void",
            "/id/state/india", "/id/state/india?format=turtle", "/search?q=India", "/classes", "/ontology", "/shapes",
            "/query", "/validate", "/timeline", "/map"})
    void reads_need_no_credentials(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
    }

    @Test
    void dry_runs_and_posted_queries_need_no_credentials() {
        assertEquals(200, server.post("/validate", "application/n-triples", new String(TRIPLE, StandardCharsets.UTF_8)).statusCode());
        assertEquals(200, server.post("/sparql", "application/sparql-query", "ASK {}").statusCode());
    }

    @Test
    void passwords_and_authorization_headers_never_come_back_in_a_response() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (String auth : List.of(AUTH, basic(Maintainer.USER, PASSWORD + "x"), "Basic " + PASSWORD)) {
            responses.add(server.post("/update", "application/sparql-update", "INSERT DATA { broken", "Authorization", auth));
            responses.add(Maintainer.send(server, "PUT", "/data" + GRAPH, "text/plain", TRIPLE, "Authorization", auth));
            responses.add(Maintainer.send(server, "PUT", "/data" + GRAPH, "text/turtle", "<a> <b".getBytes(), "Authorization", auth));
            responses.add(server.get("/audit?limit=-1", "Authorization", auth));
            responses.add(server.get("/id/state/nowhere", "Authorization", auth));
        }
        for (String secret : List.of(PASSWORD, AUTH.substring(6)))
            for (HttpResponse<String> r : responses) {
                assertFalse(r.body().contains(secret), r.uri() + " answered a secret: " + r.body());
                assertFalse(r.headers().map().toString().contains(secret), r.uri() + " answered a secret in a header");
            }
    }

    @Test
    void a_malformed_users_file_is_reported_without_the_password(@TempDir Path tmp) throws IOException {
        Path users = tmp.resolve("users");
        Files.writeString(users, "# maintainers\n" + Maintainer.USER + "=" + PASSWORD + "\n");
        var e = assertThrows(UnreadableInputException.class, () -> Users.load(users, null));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }
}
