package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.GZIPOutputStream;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import org.apache.jena.riot.resultset.ResultSetLang;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Plain SELECT and ASK queries answered without Fuseki's action give the same answer, byte for byte and with the same
 * media type, as Fuseki gives when a format parameter sends the same query to it.
 */
class SmallQueriesTest {

    /** Media type asked by Accept, and Fuseki's own name for it in {@code output=}. */
    static final Map<String, String> FORMATS = Map.of("application/sparql-results+json", "json",
            "application/sparql-results+xml", "xml", "text/csv", "csv", "text/tab-separated-values", "tsv");

    static final String[] QUERIES = {
            "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label LIMIT 7",
            "ASK { ?s a ?type }",
            "ASK { <urn:x:nothing> ?p ?o }",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            "PREFIX ica: <https://w3id.org/ica-kg/ontology#> SELECT ?c WHERE { ?c a ica:Commitment } ORDER BY ?c LIMIT 3",
            // Relative IRIs resolve against the same base on both paths, and a BASE in the query overrides it.
            "SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }",
            "BASE <http://example.org/> SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }"};

    @Test
    void answers_equal_fusekis_in_every_format() {
        try (TestServer server = TestServer.bundled()) {
            eachAsFusekiAnswers(server, (query, accept) -> {
                HttpResponse<String> small = server.get("/sparql?query=" + enc(query), "Accept", accept);
                assertTrue(small.headers().firstValue("ETag").isPresent(), "kept by the answer cache, with an ETag");
                return small;
            });
        }
    }

    /**
     * Each of {@link #QUERIES} asked in each format it has (an ASK has no CSV or TSV answer) by {@code ask} gets the
     * answer Fuseki gives to the same query named with its format parameter: the same bytes and headers.
     */
    private static void eachAsFusekiAnswers(TestServer server, BiFunction<String, String, HttpResponse<String>> ask) {
        for (String query : QUERIES)
            for (var format : FORMATS.entrySet()) {
                if (query.startsWith("ASK") && !format.getValue().equals("json") && !format.getValue().equals("xml"))
                    continue;
                HttpResponse<String> answer = ask.apply(query, format.getKey());
                HttpResponse<String> fuseki = server.get("/sparql?query=" + enc(query) + "&output=" + format.getValue());
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(fuseki.body(), answer.body(), query + " as " + format.getKey());
                for (String header : List.of("Content-Type", "Vary", "Cache-Control"))
                    assertEquals(fuseki.headers().firstValue(header), answer.headers().firstValue(header), header);
            }
    }

    @Test
    void a_posted_form_is_answered_alike_and_a_bad_query_still_gets_fusekis_error_with_line_and_column() {
        try (TestServer server = TestServer.bundled()) {
            HttpResponse<String> posted = server.post("/sparql", "application/x-www-form-urlencoded",
                    "query=" + enc(QUERIES[1]));
            assertEquals(200, posted.statusCode());
            assertTrue(posted.body().contains("<boolean>true</boolean>"), "XML when Accept says nothing: " + posted.body());
            HttpResponse<String> bad = server.get("/sparql?query=" + enc("SELECT * WHERE { ?s ?p }"));
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("line 1, column"), bad.body());
        }
    }

    @Test
    void a_query_posted_as_its_body_is_answered_alike_in_every_format() {
        try (TestServer server = TestServer.bundled()) {
            eachAsFusekiAnswers(server, (query, accept) -> server.post("/sparql", "application/sparql-query", query,
                    "Accept", accept));
            // a name outside ASCII, in the body as UTF-8 (with or without the charset said)
            String cafe = "SELECT ?x WHERE { VALUES ?x { \"caf\u00e9 \u0915\u093e\u0932\"@fr } }";
            for (String type : List.of("application/sparql-query", "application/sparql-query; charset=utf-8")) {
                HttpResponse<String> posted = server.post("/sparql", type, cafe, "Accept", "text/csv");
                assertEquals(200, posted.statusCode(), posted.body());
                assertEquals("x\r\ncaf\u00e9 \u0915\u093e\u0932\r\n", posted.body());
            }
        }
    }

    /**
     * Fuseki's parse ends each query text with two new exceptions from JavaCC's character stream, each with the
     * request thread's stack; a posted body answered here is parsed as a GET's query is ({@link QueryParsing}),
     * without them. JFR's exception events count what any thread constructs.
     */
    @Test
    void a_plain_query_posted_as_its_body_is_not_left_to_fusekis_parse() throws Exception {
        try (TestServer server = TestServer.bundled()) {
            String ask = "ASK { ?s a ?type }";
            assertEquals(200, server.post("/sparql", "application/sparql-query", ask).statusCode()); // classes loaded
            Path file = Files.createTempFile("posted", ".jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.JavaExceptionThrow").withStackTrace();
                recording.start();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> posted = server.post("/sparql", "application/sparql-query", ask + " # " + i,
                            "Accept", "application/sparql-results+json");
                    assertEquals(200, posted.statusCode(), posted.body());
                    assertTrue(posted.body().contains("\"boolean\" : true"), posted.body());
                }
                // the same text as a CONSTRUCT goes to Fuseki, whose parse is seen: the recording can see it
                String construct = "CONSTRUCT { ?s a ?type } WHERE { ?s a ?type } LIMIT 1";
                assertEquals(200, server.post("/sparql", "application/sparql-query", construct).statusCode());
                recording.stop();
                recording.dump(file);
                List<RecordedEvent> lexerEnds = RecordingFile.readAllEvents(file).stream()
                        .filter(e -> e.getClass("thrownClass").getName().equals("java.io.IOException"))
                        .filter(e -> e.getStackTrace() != null && e.getStackTrace().getFrames().stream()
                                .map(RecordedFrame::getMethod).anyMatch(m -> m.getType().getName().endsWith("SimpleCharStream")))
                        .toList();
                assertEquals(2, lexerEnds.size(), "the lexer's two exceptions at the end of the CONSTRUCT's text only: "
                        + lexerEnds);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void a_body_not_answered_here_reaches_fuseki_whole() throws Exception {
        try (TestServer server = TestServer.bundled()) {
            String ask = "ASK { ?s a ?type }";
            HttpResponse<String> construct = server.post("/sparql", "application/sparql-query",
                    "CONSTRUCT { ?s a ?type } WHERE { ?s a ?type } LIMIT 2", "Accept", "application/n-triples");
            assertEquals(200, construct.statusCode(), construct.body());
            assertEquals(2, construct.body().lines().count(), construct.body());
            HttpResponse<String> bad = server.post("/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p }");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("line 1, column"), bad.body());
            HttpResponse<String> empty = server.post("/sparql", "application/sparql-query", "");
            assertEquals(400, empty.statusCode());
            assertTrue(empty.body().contains("Empty query string"), empty.body());
            // a parameter in the URL, a compressed body, a body over the length read here: Fuseki reads them
            HttpResponse<String> withGraph = server.post("/sparql?default-graph-uri=" + enc("urn:x-arq:UnionGraph"),
                    "application/sparql-query", ask, "Accept", "application/sparql-results+json");
            assertEquals(200, withGraph.statusCode(), withGraph.body());
            assertTrue(withGraph.body().contains("true"), withGraph.body());
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(ask.getBytes(StandardCharsets.UTF_8));
            }
            HttpResponse<String> gzipped = server.send(HttpRequest.newBuilder(URI.create(server.url("/sparql")))
                    .header("Content-Type", "application/sparql-query").header("Content-Encoding", "gzip")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));
            assertEquals(200, gzipped.statusCode(), gzipped.body());
            assertTrue(gzipped.body().contains("true"), gzipped.body());
            String longAsk = ask + " #" + "x".repeat(SmallQueries.MAX_BODY_BYTES);
            HttpResponse<String> longOne = server.post("/sparql", "application/sparql-query", longAsk,
                    "Accept", "application/sparql-results+json");
            assertEquals(200, longOne.statusCode(), longOne.body());
            assertTrue(longOne.body().contains("true"), longOne.body());
            // bytes that are not UTF-8 get Fuseki's answer, escaped, and no server error
            HttpResponse<String> latin1 = server.send(HttpRequest.newBuilder(URI.create(server.url("/sparql")))
                    .header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray("ASK { ?s ?p \"caf\u00e9<script>\" }"
                            .getBytes(StandardCharsets.ISO_8859_1))));
            assertTrue(latin1.statusCode() < 500, latin1.statusCode() + " " + latin1.body());
            assertFalse(latin1.body().contains("<script>"), latin1.body());
        }
    }

    @Test
    void only_the_four_standard_result_formats_are_answered_here() {
        assertEquals(ResultSetLang.RS_JSON, SmallQueries.lang("application/sparql-results+json"));
        assertEquals(ResultSetLang.RS_TSV, SmallQueries.lang("text/tab-separated-values"));
        assertNull(SmallQueries.lang("application/sparql-results+thrift"));
        assertNull(SmallQueries.lang("text/plain"));
    }
}
