package org.icakg.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.icakg.kb.KnowledgeBase;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correcting and removing what a passage states, in that passage: the statement form of an existing entity offers
 * the values the passage's own graph states for removal; a correction (the old value removed, the right one typed)
 * is one gated write whose change lists what was removed and what was added; a value stated by another passage
 * cannot be removed here; a removal leaving the entity without a required value is refused with nothing changed;
 * and a removal posted from another origin is refused like every workbench post.
 */
class StatementEditsTest {

    static final String P1 = "https://w3id.org/ica-kg/id/passage/khiva-talks-01", P2 = "https://w3id.org/ica-kg/id/passage/khiva-talks-02";
    static final String MEETING = "https://w3id.org/ica-kg/id/meeting/khiva-round";
    static final String YEAR = "\"2026\"^^<http://www.w3.org/2001/XMLSchema#gYear>";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = WorkbenchClient.withSource(() -> dir, "Khiva talks", "khiva-talks",
            "The Khiva round of the India–Central Asia Dialogue met in Khiva in March 2026. It was held at the level of senior officials.");
    static final WorkbenchClient wb = new WorkbenchClient(server);
    static KnowledgeBase kb;

    @BeforeAll
    static void state_the_meeting() {
        kb = wb.kb();
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", P1, "class", kb.vocab().termNode("Meeting").getURI(),
                "v.rdfs:label", "Khiva round", "v.ica:date", "2026", "v.ica:meetingOf", "India–Central Asia Dialogue",
                "v.ica:heldIn", "Khiva", "new.ica:heldIn.0", "1", "action", "commit");
        assertEquals(303, r.statusCode(), r.body());
        HttpResponse<String> level = wb.post("/workbench/statements", "passage", P2, "entity", MEETING,
                "v.ica:level", kb.vocab().entityNs() + "level/officials", "action", "commit");
        assertEquals(303, level.statusCode(), level.body());
    }

    private static String form(String passage) {
        return wb.get("/workbench/statements?passage=" + Words.param(passage) + "&entity=" + Words.param(MEETING)).body();
    }

    private static boolean states(String passage, String property, Node value) {
        return Txn.calculateRead(kb.dataset(), () -> {
            Graph g = kb.dataset().getGraph(NodeFactory.createURI(passage));
            return g.contains(NodeFactory.createURI(MEETING), kb.vocab().termNode(property), value);
        });
    }

    @Test
    void the_form_offers_for_removal_only_what_its_passage_states() {
        String inP1 = form(P1);
        assertTrue(StatementFormsTest.fieldHtml(inP1, "ica:heldIn").contains("name=\"del.ica:heldIn\" value=\"&lt;"
                + kb.vocab().entityNs() + "city/khiva&gt;\""), inP1);
        assertFalse(StatementFormsTest.fieldHtml(inP1, "ica:level").contains("name=\"del."), "the level is stated by passage 2");
        String level = StatementFormsTest.fieldHtml(form(P2), "ica:level");
        assertTrue(level.contains("name=\"del.ica:level\""), level);
        String passage = wb.get("/workbench/passage?iri=" + Words.param(P1)).body();
        assertTrue(passage.matches("(?s).*class=\"edit-statements\" href=\"/workbench/statements\\?passage[^\"]*"
                + java.util.regex.Pattern.quote(Words.param(P1)) + "[^\"]*entity[^\"]*" + java.util.regex.Pattern.quote(Words.param(MEETING)) + "\".*"),
                "the passage page leads to the entity's form in that passage: " + passage);
    }

    @Test
    void a_correction_removes_the_old_value_and_adds_the_new_one_in_one_write_and_the_change_shows_both() {
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", P1, "entity", MEETING,
                "del.ica:date", YEAR, "v.ica:date", "2026-03", "action", "commit");
        assertEquals(303, r.statusCode(), r.body());
        assertFalse(states(P1, "date", NodeFactory.createLiteralDT("2026", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear)));
        assertTrue(states(P1, "date", NodeFactory.createLiteralDT("2026-03", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYearMonth)));
        String change = wb.get(WorkbenchClient.location(r)).body();
        assertTrue(change.contains("1 statement(s) added, 1 removed"), change);
        assertTrue(change.matches("(?s).*<li class=\"removed\"><span class=\"verb\">removed</span> <a [^>]*>Khiva round</a> — date — 2026</li>.*"),
                "the removal in words: " + change);
        assertTrue(change.matches("(?s).*<li class=\"added\"><span class=\"verb\">added</span> <a [^>]*>Khiva round</a> — date — 2026-03</li>.*"),
                "the addition in words: " + change);
    }

    @Test
    void a_value_stated_by_another_passage_cannot_be_removed_here() {
        Node level = NodeFactory.createURI(kb.vocab().entityNs() + "level/officials");
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", P1, "entity", MEETING,
                "del.ica:level", "<" + level.getURI() + ">", "action", "commit");
        assertEquals(422, r.statusCode());
        assertTrue(StatementFormsTest.fieldHtml(r.body(), "ica:level").contains("can be removed or corrected only in the passage that makes it"), r.body());
        assertTrue(states(P2, "level", level));
    }

    @Test
    void removing_a_required_value_without_a_replacement_is_refused_and_nothing_changes() {
        Node forum = NodeFactory.createURI(kb.vocab().entityNs() + "forum/india-central-asia-dialogue");
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", P1, "entity", MEETING,
                "del.ica:meetingOf", "<" + forum.getURI() + ">", "action", "commit");
        assertEquals(422, r.statusCode());
        String field = StatementFormsTest.fieldHtml(r.body(), "ica:meetingOf");
        assertTrue(field.contains("A meeting is a session of exactly one forum"), field);
        assertTrue(field.contains("checked"), "the tick is kept: " + field);
        assertTrue(states(P1, "meetingOf", forum), "nothing was removed");
    }

    @Test
    void a_removal_posted_from_another_origin_is_refused() {
        Node forum = NodeFactory.createURI(kb.vocab().entityNs() + "city/khiva");
        String body = WorkbenchClient.form("passage", P1, "entity", MEETING, "del.ica:heldIn", "<" + forum.getURI() + ">",
                "action", "commit", "csrf", wb.token());
        assertEquals(403, wb.postRaw("/workbench/statements", body, "Authorization", Maintainer.AUTH,
                "Origin", "https://evil.example").statusCode());
        assertTrue(states(P1, "heldIn", forum));
    }
}
