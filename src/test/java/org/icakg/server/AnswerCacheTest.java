package org.icakg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeated queries and entity pages are answered from a cache while the data is unchanged, with ETags. */
class AnswerCacheTest {

    static final String PREFIXES = """
            PREFIX state: <https://w3id.org/ica-kg/id/state/>
            PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    static final String COMMENTS = "/sparql?query=" + TestServer.enc(PREFIXES
            + "SELECT ?c WHERE { state:india rdfs:comment ?c }");
    static final String ALICE = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes());

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        Path users = Files.writeString(tmp.resolve("users"), "alice:s3cret\n");
        Path store = tmp.resolve("store");
        server = TestServer.serving(Fixtures.tdb2(store), c -> c.withStore(store).withUsersFile(users));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_query_asked_again_after_a_committed_write_gets_the_new_answer() {
        assertFalse(server.get(COMMENTS, "Accept", "text/csv").body().contains("added later"));
        HttpResponse<String> write = server.post("/update", "application/sparql-update", PREFIXES
                + "INSERT DATA { GRAPH passage:added-01 { state:india rdfs:comment 'added later' } }", "Authorization", ALICE);
        assertEquals(200, write.statusCode(), write.body());
        assertTrue(server.get(COMMENTS, "Accept", "text/csv").body().contains("added later"));
    }

    @Test
    void a_repeated_query_gets_the_same_bytes_headers_and_etag() {
        HttpResponse<String> first = server.get(COMMENTS, "Accept", "application/sparql-results+json");
        HttpResponse<String> second = server.get(COMMENTS, "Accept", "application/sparql-results+json");
        assertEquals(200, second.statusCode());
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
        assertTrue(first.headers().firstValue("ETag").isPresent());
        assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"));
        String csv = server.get(COMMENTS, "Accept", "text/csv").body();
        assertTrue(csv.startsWith("c\r\n"), "another Accept is another answer: " + csv);
    }

    @Test
    void a_client_holding_the_current_etag_gets_304_for_queries_and_entity_pages() {
        for (String path : new String[] {COMMENTS, "/id/state/india"}) {
            String etag = server.get(path).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = server.get(path, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(200, server.get(path, "If-None-Match", "\"something-else\"").statusCode(), path);
        }
    }

    @Test
    void an_entity_page_changes_its_etag_after_a_write_about_the_entity() {
        String before = server.get("/id/state/india").headers().firstValue("ETag").orElseThrow();
        server.post("/update", "application/sparql-update", PREFIXES
                + "INSERT DATA { GRAPH passage:added-01 { state:india rdfs:comment 'added later' } }", "Authorization", ALICE);
        HttpResponse<String> after = server.get("/id/state/india", "If-None-Match", before);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("added later"));
    }

    @Test
    void with_the_answer_cache_off_a_repeated_query_is_answered_afresh() {
        try (TestServer cached = TestServer.serving(Fixtures.inMemory(), c -> c);
             TestServer uncached = TestServer.serving(Fixtures.inMemory(), c -> c.withAnswerCache(false))) {
            // Asked twice: a cheap answer is kept from its second asking.
            for (int i = 0; i < 2; i++)
                for (TestServer s : new TestServer[] {cached, uncached})
                    assertFalse(s.get(COMMENTS, "Accept", "text/csv").body().contains("behind"));
            // A change that does not pass through the write path, so nothing tells the cache.
            for (TestServer s : new TestServer[] {cached, uncached})
                Txn.executeWrite(s.server().knowledgeBase().dataset(), () -> s.server().knowledgeBase().dataset()
                        .add(NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/added-01"),
                                NodeFactory.createURI("https://w3id.org/ica-kg/id/state/india"), RDFS.Nodes.comment,
                                NodeFactory.createLiteralString("behind the cache")));
            assertFalse(cached.get(COMMENTS, "Accept", "text/csv").body().contains("behind"), "served from the cache");
            HttpResponse<String> fresh = uncached.get(COMMENTS, "Accept", "text/csv");
            assertTrue(fresh.body().contains("behind the cache"), fresh.body());
            assertTrue(fresh.headers().firstValue("ETag").isPresent(), "ETags are still sent");
        }
    }
}
