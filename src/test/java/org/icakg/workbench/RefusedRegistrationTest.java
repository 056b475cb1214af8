package org.icakg.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.RdfSource;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;
import org.icakg.support.Maintainer;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registration the shapes refuse leaves nothing behind: not the document, and not the file of its text. Served with
 * the bundled shapes plus a project rule that every source document has a description, so a registration without one
 * passes the form's own checks and is refused by the gated write.
 */
class RefusedRegistrationTest {

    static final String RULE = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ica: <https://w3id.org/ica-kg/ontology#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            <https://example.org/rules#DescribedSource> a sh:NodeShape ;
                sh:targetClass ica:SourceDocument ;
                sh:property [ sh:path dcterms:description ; sh:minCount 1 ; sh:severity sh:Violation ;
                    sh:message "This project describes every source document (dcterms:description)."@en ] .
            """;

    @TempDir
    Path dir;

    @Test
    void a_registration_refused_by_the_shapes_leaves_no_text_file() throws IOException {
        Path rule = dir.resolve("rule.ttl");
        Files.writeString(rule, RULE);
        List<RdfSource> shapes = new ArrayList<>(Bundle.bundled(Bundle.SHAPES_DIR));
        shapes.addAll(Bundle.readAll(List.of(rule)));
        KnowledgeBase kb = KnowledgeBase.open(new Bundle(Bundle.bundled(Bundle.ONTOLOGY_DIR), shapes,
                Bundle.bundled(Bundle.DATA_DIR)), Vocab.DEFAULT, Stores.inMemory());
        Path users = Maintainer.usersFile(dir), texts = dir.resolve("sources");
        try (TestServer server = TestServer.serving(kb, c -> c.withUsersFile(users).withSources(texts))) {
            WorkbenchClient wb = new WorkbenchClient(server);
            HttpResponse<String> r = wb.post("/workbench/sources", "title", "Undescribed talks", "slug", "undescribed",
                    "text", "India and Kazakhstan held talks. They agreed on little.", "action", "register");
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("This project describes every source document"), r.body());
            assertFalse(Files.exists(texts.resolve("undescribed.txt")), "no file is left by a refused write");
            assertEquals(404, server.get("/id/document/undescribed").statusCode());

            HttpResponse<String> fixed = wb.post("/workbench/sources", "title", "Undescribed talks", "slug", "undescribed",
                    "description", "Talks, briefly.", "text", "India and Kazakhstan held talks. They agreed on little.",
                    "action", "register");
            assertEquals(303, fixed.statusCode(), fixed.body());
            assertEquals("India and Kazakhstan held talks. They agreed on little.",
                    Files.readString(texts.resolve("undescribed.txt")));
        }
    }
}
