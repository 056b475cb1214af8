package org.icakg.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Registering a source document over HTTP: the passages proposed by sentence, the one gated write, the refusals. */
class SourceRegistrationTest {

    static final String TEXT = "India and Mongolia held talks in Ulaanbaatar in May 2025.\n"
            + "The two  sides agreed to expand trade.  ";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = WorkbenchClient.bundled(() -> dir);
    static final WorkbenchClient wb = new WorkbenchClient(server);

    private static String[] source(String slug, String... more) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        List<String> base = List.of("title", "Talks in Ulaanbaatar", "publisher", "Steppe News",
                "date", "2025-05", "url", "https://example.org/talks", "licence", "https://creativecommons.org/licenses/by/4.0/",
                "description", "A short news item.", "slug", slug, "text", TEXT);
        for (int i = 0; i + 1 < base.size(); i += 2)
            f.put(base.get(i), base.get(i + 1));
        for (int i = 0; i + 1 < more.length; i += 2)
            f.put(more[i], more[i + 1]);
        return f.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    @Test
    void splitting_proposes_one_passage_per_sentence_and_writes_nothing() {
        HttpResponse<String> r = wb.post("/workbench/sources", source("split-only", "action", "split"));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("India and Mongolia held talks in Ulaanbaatar in May 2025.&#10;&#10;The two sides agreed to expand trade."),
                r.body());
        assertTrue(r.body().contains("Passages (2)"));
        assertEquals(404, wb.server.get("/id/document/split-only").statusCode(), "nothing was written");
        assertFalse(java.nio.file.Files.exists(dir.resolve("sources/split-only.txt")), "no text file either");
    }

    @Test
    void registering_writes_the_document_and_its_passages_with_exact_quotes_and_positions() {
        HttpResponse<String> r = wb.post("/workbench/sources", source("talks-ulaanbaatar", "action", "register",
                "passages", "India and Mongolia held talks in Ulaanbaatar in May 2025.\n\nThe two sides agreed to expand trade."));
        assertEquals(303, r.statusCode(), r.body());
        String change = WorkbenchClient.location(r);
        assertTrue(change.startsWith("/workbench/changes/"));
        String page = wb.get(change).body();
        assertTrue(page.contains("The two  sides agreed to expand trade."), "the quote is the text's own characters");
        assertTrue(page.contains("Talks in Ulaanbaatar, passage 2"));

        var kb = wb.server.server().knowledgeBase();
        Node p2 = NodeFactory.createURI(kb.vocab().entityNs() + "passage/talks-ulaanbaatar-02");
        Txn.executeRead(kb.dataset(), () -> {
            var g = kb.dataset().getGraph(kb.vocab().sourcesGraph());
            assertEquals("The two  sides agreed to expand trade.",
                    g.find(p2, kb.vocab().termNode("quote"), Node.ANY).next().getObject().getLiteralLexicalForm());
            assertEquals("2", g.find(p2, kb.vocab().termNode("position"), Node.ANY).next().getObject().getLiteralLexicalForm());
            Node doc = NodeFactory.createURI(kb.vocab().entityNs() + "document/talks-ulaanbaatar");
            assertTrue(g.contains(p2, org.apache.jena.vocabulary.DCTerms.isPartOf.asNode(), doc));
            assertEquals("2025-05", g.find(doc, org.apache.jena.vocabulary.DCTerms.issued.asNode(), Node.ANY).next()
                    .getObject().getLiteralLexicalForm());
        });
        assertTrue(wb.get("/workbench").body().contains("Talks in Ulaanbaatar"));
        assertEquals(200, wb.server.get("/id/passage/talks-ulaanbaatar-01").statusCode());
    }

    @Test
    void the_pages_name_the_maintainer_and_show_the_change_the_source_and_its_passages_with_their_counts() {
        HttpResponse<String> r = wb.post("/workbench/sources", source("talks-counted", "title", "Talks counted",
                "action", "register", "passages", "India and Mongolia held talks in Ulaanbaatar in May 2025.\n\nThe two sides agreed to expand trade."));
        assertEquals(303, r.statusCode(), r.body());
        String change = wb.get(WorkbenchClient.location(r)).body();
        assertTrue(change.contains("<title>Change "), change);
        assertTrue(change.matches("(?s).*<p class=\"report ok\">Written by " + Maintainer.USER
                + " at 20[^<]+: [1-9][0-9]* statement\\(s\\) added, 0 removed\\.</p>.*"), change);
        assertTrue(change.contains("<h2>Sources and passages</h2>"), "the statements grouped by graph: " + change);

        String doc = "https://w3id.org/ica-kg/id/document/talks-counted";
        String home = wb.get("/workbench").body();
        assertTrue(home.contains("<span class=\"user muted\">maintainer: " + Maintainer.USER + "</span>"), home);
        assertTrue(home.contains("<a href=\"/workbench/source?iri&#61;" + Words.param(doc)
                + "\">Steppe News: Talks counted</a> <span class=\"muted\">2 passage(s)</span>"), "listed by publisher and title: " + home);

        String source = wb.get("/workbench/source?iri=" + Words.param(doc)).body();
        assertTrue(source.contains("<title>Steppe News: Talks counted · workbench · ica-kg</title>"), source);
        assertTrue(source.contains("<h1>Steppe News: Talks counted</h1>"), source);
        assertTrue(source.contains("<p><a href=\"/id/document/talks-counted\">The document's page</a></p>"), source);
        assertTrue(source.matches("(?s).*<li value=\"1\"><blockquote>India and Mongolia held talks in Ulaanbaatar in May 2025\\.</blockquote>\n"
                + "<p class=\"muted\">0 statement\\(s\\) · <a class=\"add-statements\" href=\"/workbench/passage\\?iri[^\"]*talks-counted-01\">.*"
                + "<li value=\"2\"><blockquote>The two +sides agreed to expand trade\\.</blockquote>.*"), source);
    }

    @Test
    void registering_writes_the_text_to_the_file_its_document_names_and_each_passage_its_offsets_in_it() throws IOException {
        assertEquals(303, wb.post("/workbench/sources", source("talks-file", "action", "register")).statusCode());
        Path file = dir.resolve("sources/talks-file.txt");
        assertEquals(TEXT, Files.readString(file), "the text as registered");
        var kb = wb.server.server().knowledgeBase();
        Txn.executeRead(kb.dataset(), () -> {
            var g = kb.dataset().getGraph(kb.vocab().sourcesGraph());
            Node doc = NodeFactory.createURI(kb.vocab().entityNs() + "document/talks-file");
            assertEquals("sources/talks-file.txt", g.find(doc, kb.vocab().termNode("sourceFile"), Node.ANY).next()
                    .getObject().getLiteralLexicalForm());
            for (String n : List.of("01", "02")) {
                Node p = NodeFactory.createURI(kb.vocab().entityNs() + "passage/talks-file-" + n);
                int start = Integer.parseInt(g.find(p, kb.vocab().termNode("startOffset"), Node.ANY).next().getObject().getLiteralLexicalForm());
                int end = Integer.parseInt(g.find(p, kb.vocab().termNode("endOffset"), Node.ANY).next().getObject().getLiteralLexicalForm());
                String quote = g.find(p, kb.vocab().termNode("quote"), Node.ANY).next().getObject().getLiteralLexicalForm();
                assertEquals(quote, TEXT.substring(TEXT.offsetByCodePoints(0, start), TEXT.offsetByCodePoints(0, end)),
                        "passage " + n + " is the text between its offsets");
            }
        });
    }

    @Test
    void a_publisher_written_slightly_differently_is_the_same_agent_and_keeps_its_one_name() {
        assertEquals(303, wb.post("/workbench/sources", source("talks-soulguide", "action", "register",
                "publisher", "TheSoulGuide!")).statusCode());
        var kb = wb.server.server().knowledgeBase();
        Node agent = NodeFactory.createURI(kb.vocab().entityNs() + "agent/thesoulguide");
        Txn.executeRead(kb.dataset(), () -> {
            var g = kb.dataset().getUnionGraph();
            Node doc = NodeFactory.createURI(kb.vocab().entityNs() + "document/talks-soulguide");
            assertTrue(g.contains(doc, org.apache.jena.vocabulary.DCTerms.publisher.asNode(), agent));
            assertEquals(1, g.find(agent, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).toList().size(),
                    "the agent keeps its one name");
        });
    }

    @Test
    void a_file_of_that_name_with_another_text_is_never_overwritten_and_the_source_not_registered() throws IOException {
        Path file = dir.resolve("sources/talks-taken.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Another article entirely.");
        HttpResponse<String> r = wb.post("/workbench/sources", source("talks-taken", "action", "register"));
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("The file sources/talks-taken.txt exists already with another text"), r.body());
        assertTrue(r.body().contains("value=\"Steppe News\""), "what was typed is kept");
        assertEquals("Another article entirely.", Files.readString(file));
        assertEquals(404, wb.server.get("/id/document/talks-taken").statusCode());
    }

    @Test
    void a_second_source_of_the_same_name_is_refused() {
        assertEquals(303, wb.post("/workbench/sources", source("talks-twice", "action", "register")).statusCode());
        HttpResponse<String> r = wb.post("/workbench/sources", source("talks-twice", "action", "register"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("document:talks-twice exists already"), r.body());
    }

    @Test
    void a_passage_not_in_the_text_is_refused_with_everything_typed_kept() {
        HttpResponse<String> r = wb.post("/workbench/sources", source("talks-refused", "action", "register",
                "passages", "India and Mongolia held talks.\n\nThe two sides agreed to expand trade."));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Passage 1 (“India and Mongolia held talks.”) is not in the text"), r.body());
        assertTrue(r.body().contains("value=\"Steppe News\""), "the typed publisher is kept");
        assertTrue(r.body().contains("aria-invalid=\"true\""));
        assertFalse(wb.get("/workbench").body().contains("talks-refused"));
    }

    @Test
    void a_date_the_source_does_not_give_that_way_is_refused_next_to_its_field() {
        HttpResponse<String> r = wb.post("/workbench/sources", source("talks-bad-date", "action", "register", "date", "May 2025"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Not a date: “May 2025”"), r.body());
    }

    @Test
    void a_post_from_another_origin_or_without_the_token_or_credentials_is_refused() {
        String body = WorkbenchClient.form(source("talks-forged", "action", "register", "csrf", wb.token()));
        assertEquals(403, wb.postRaw("/workbench/sources", body, "Authorization", Maintainer.AUTH,
                "Origin", "https://evil.example").statusCode());
        assertEquals(403, wb.postRaw("/workbench/sources", body, "Authorization", Maintainer.AUTH,
                "Referer", "https://evil.example/page").statusCode());
        assertEquals(403, wb.postRaw("/workbench/sources", body, "Authorization", Maintainer.AUTH).statusCode(),
                "neither Origin nor Referer");
        String noToken = WorkbenchClient.form(source("talks-forged", "action", "register"));
        assertEquals(403, wb.postRaw("/workbench/sources", noToken, "Authorization", Maintainer.AUTH,
                "Origin", wb.server.url("")).statusCode());
        assertEquals(401, wb.postRaw("/workbench/sources", body, "Origin", wb.server.url("")).statusCode());
        assertEquals(401, wb.server.get("/workbench").statusCode());
        assertFalse(wb.get("/workbench").body().contains("talks-forged"));
    }
}
