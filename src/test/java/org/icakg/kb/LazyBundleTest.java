package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.icakg.store.Stores;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle reads its files when first asked for: a reopened store reads only the shapes. */
class LazyBundleTest {

    @TempDir
    Path tmp;

    @Test
    void the_bundled_files_read_when_asked_for_are_those_of_each_folder() {
        Bundle bundle = Bundle.bundled();
        for (var kind : List.<Supplier<List<RdfSource>>>of(bundle::ontology, bundle::shapes, bundle::data))
            assertSame(kind.get(), kind.get(), "read once");
        assertEquals(names(Bundle.bundled(Bundle.ONTOLOGY_DIR)), names(bundle.ontology()));
        assertEquals(names(Bundle.bundled(Bundle.SHAPES_DIR)), names(bundle.shapes()));
        assertEquals(names(Bundle.bundled(Bundle.DATA_DIR)), names(bundle.data()));
        assertTrue(!bundle.shapes().isEmpty() && !bundle.data().isEmpty(), "the project bundles shapes and data");
    }

    @Test
    void a_reopened_store_reads_only_the_shapes_at_their_first_use_and_answers_as_before() {
        Path dir = tmp.resolve("store");
        KnowledgeBase first = KnowledgeBase.open(Bundle.bundled(), Vocab.DEFAULT, Stores.tdb2(dir));
        long quads = Txn.calculateRead(first.dataset(), () -> countQuads(first.dataset()));
        Stores.close(first.dataset());

        AtomicInteger shapesRead = new AtomicInteger();
        Bundle bundle = shapesOnly(() -> {
            shapesRead.incrementAndGet();
            return Bundle.bundled(Bundle.SHAPES_DIR);
        });
        KnowledgeBase reopened = KnowledgeBase.open(bundle, Vocab.DEFAULT, Stores.tdb2(dir));
        try {
            assertEquals(0, shapesRead.get(), "no first answer needs the shapes: not read to reopen");
            assertEquals(first.prefixes().getMapping(), reopened.prefixes().getMapping(), "the prefixes of the first load");
            assertEquals(1, shapesRead.get(), "read for the prefixes they declare");
            assertNotNull(reopened.shapes());
            assertEquals(1, shapesRead.get(), "read once for the prefixes and the shapes");
            assertEquals(quads, Txn.calculateRead(reopened.dataset(), () -> countQuads(reopened.dataset())));
            assertEquals(first.prefixes().getMapping(), reopened.prefixes().getMapping(), "the prefixes of the first load");
            assertThrows(UnreadableInputException.class, bundle::data, "the data was never read");
        } finally {
            Stores.close(reopened.dataset());
        }
    }

    @Test
    void a_server_on_a_reopened_store_reads_the_shapes_once_it_has_answered_its_first_request() throws Exception {
        Path dir = tmp.resolve("store");
        Stores.close(KnowledgeBase.open(Bundle.bundled(), Vocab.DEFAULT, Stores.tdb2(dir)).dataset());
        AtomicInteger shapesRead = new AtomicInteger();
        Bundle bundle = shapesOnly(() -> {
            shapesRead.incrementAndGet();
            return Bundle.bundled(Bundle.SHAPES_DIR);
        });
        try (TestServer server = TestServer.serving(KnowledgeBase.open(bundle, Vocab.DEFAULT, Stores.tdb2(dir)),
                c -> c.withStore(dir))) {
            assertEquals(0, shapesRead.get(), "the server starts without the shapes");
            assertEquals(200, server.get("/sparql?query=" + TestServer.enc("ASK { ?s ?p ?o }")).statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (shapesRead.get() == 0 && System.nanoTime() < deadline)
                Thread.sleep(10);
            assertEquals(1, shapesRead.get(), "read once the first answer is out, before any page asks");
            var shapes = server.get("/shapes", "Accept", "text/turtle");
            assertEquals(200, shapes.statusCode());
            assertTrue(shapes.body().contains("sh:NodeShape"), "written with the shapes' own prefixes: " + shapes.body());
            assertEquals(1, shapesRead.get());
        }
    }

    @Test
    void a_reopened_store_whose_shapes_do_not_parse_answers_queries_and_refuses_writes_naming_the_error() throws Exception {
        Path dir = tmp.resolve("store");
        Stores.close(KnowledgeBase.open(Bundle.bundled(), Vocab.DEFAULT, Stores.tdb2(dir)).dataset());
        RdfSource broken = new RdfSource("broken-shapes.ttl", org.apache.jena.riot.Lang.TURTLE,
                "@prefix sh: <http://www.w3.org/ns/shacl#> .\nshape:State a sh:NodeShape .\n".getBytes(StandardCharsets.UTF_8));
        Path users = tmp.resolve("users");
        Files.writeString(users, "alice:s3cret\n");
        try (TestServer server = TestServer.serving(
                KnowledgeBase.open(shapesOnly(() -> List.of(broken)), Vocab.DEFAULT, Stores.tdb2(dir)),
                c -> c.withStore(dir).withUsersFile(users))) {
            var ask = server.get("/sparql?query=" + TestServer.enc("ASK { ?s a ?c }"), "Accept", "application/sparql-results+json");
            assertEquals(200, ask.statusCode());
            assertTrue(ask.body().contains("true"), ask.body());
            var write = server.post("/update", "application/sparql-update",
                    "INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/added-01> { "
                            + "<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> 'x' } }",
                    "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "alice:s3cret".getBytes(StandardCharsets.UTF_8)));
            assertEquals(503, write.statusCode(), write.body());
            assertTrue(write.body().contains("broken-shapes.ttl") && write.body().contains("shapes cannot be used"),
                    "names the file and what is refused: " + write.body());
            assertEquals(503, server.get("/shapes").statusCode());
        }
    }

    /** A bundle whose shapes are {@code shapes} and whose ontology and data cannot be read: a reopen needs neither. */
    private static Bundle shapesOnly(Supplier<List<RdfSource>> shapes) {
        Supplier<List<RdfSource>> unreadable = () -> {
            throw new UnreadableInputException("not needed to reopen a store");
        };
        return Bundle.lazily(unreadable, shapes, unreadable);
    }

        private static long countQuads(DatasetGraph dsg) {
        long n = 0;
        for (var it = dsg.find(); it.hasNext(); it.next())
            n++;
        return n;
    }

    private static List<String> names(List<RdfSource> sources) {
        return sources.stream().map(RdfSource::name).toList();
    }
}
