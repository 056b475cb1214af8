package org.icakg.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.constraint.InConstraint;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.system.Txn;
import org.icakg.kb.KnowledgeBase;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Statement forms over HTTP: a form for every class a node shape of {@code shapes/} targets, with a field per
 * property shape; a required field left empty refused next to its field and nothing written; a live check by field;
 * an entity created inline; the statements written into the passage's graph and shown on the entity page.
 */
class StatementFormsTest {

    static final String PASSAGE_1 = "https://w3id.org/ica-kg/id/passage/steppe-summit-01";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = WorkbenchClient.withSource(() -> dir, "Steppe summit", "steppe-summit",
            "The 5th India–Central Asia Dialogue met in Almaty in 2026. It welcomed a Steppe Forum.");
    static final WorkbenchClient wb = new WorkbenchClient(server);
    static KnowledgeBase kb;

    @BeforeAll
    static void knowledgeBase() {
        kb = wb.kb();
    }

    private static String formFor(Node cls) {
        return wb.get("/workbench/statements?passage=" + Words.param(PASSAGE_1) + "&class=" + Words.param(cls.getURI())).body();
    }

    @Test
    void every_node_shape_gives_a_form_with_a_field_per_property_shape() {
        int forms = 0, fields = 0;
        for (Shape shape : kb.shapes().getTargetShapes()) {
            for (var target : shape.getTargets()) {
                if (target.getTargetType() != TargetType.targetClass)
                    continue;
                HttpResponse<String> r = wb.get("/workbench/statements?passage=" + Words.param(PASSAGE_1) + "&class="
                        + Words.param(target.getObject().getURI()));
                assertEquals(200, r.statusCode(), shape.getShapeNode() + " " + target.getObject());
                forms++;
                for (PropertyShape ps : shape.getPropertyShapes()) {
                    if (!(ps.getPath() instanceof P_Link link))
                        continue;
                    assertTrue(r.body().contains("data-path=\"" + link.getNode().getURI() + "\""),
                            shape.getShapeNode() + " has no field for " + link.getNode() + " in the form of " + target.getObject());
                    fields++;
                    for (var c : ps.getConstraints())
                        if (c instanceof InConstraint in)
                            for (Node option : in.getValues())
                                assertTrue(r.body().contains("<option value=\"" + option.getURI() + "\""),
                                        "the select of " + link.getNode() + " offers " + option);
                }
            }
        }
        assertTrue(forms > 40, "forms: " + forms);
        assertTrue(fields > 60, "fields: " + fields);
    }

    @Test
    void a_field_says_its_name_description_cardinality_and_class_and_dates_take_the_sources_precision() {
        String meeting = formFor(kb.vocab().termNode("Meeting"));
        assertTrue(meeting.contains("meeting of <span class=\"card\">exactly 1 · forum</span> <span class=\"req\">required</span>"), meeting);
        assertTrue(meeting.contains("data-class=\"https://w3id.org/ica-kg/ontology#Forum\""));
        assertTrue(meeting.contains("placeholder=\"2025, 2025-06 or 2025-06-08\""));
        assertTrue(meeting.contains("heads of state"), "sh:in values are shown by their labels");
        String port = formFor(kb.vocab().termNode("Port"));
        assertTrue(port.contains("<textarea id=\"f-dcterms-description-0\""), "dash:singleLine false gives a text area");
    }

    @Test
    void a_form_shows_the_name_then_the_required_recommended_and_other_fields_each_by_name() {
        record Shown(int group, String name, String key) {}
        Matcher m = Pattern.compile("<div class=\"field [^\"]*\" id=\"[^\"]*\" data-field=\"([^\"]*)\"[^>]*>\n"
                + "<label for=\"[^\"]*\">([^<]*) <span class=\"card\">.*?</span>( <span class=\"req\">)?( <span class=\"rec\">)?")
                .matcher(formFor(kb.vocab().termNode("Meeting")));
        List<Shown> shown = new ArrayList<>();
        while (m.find())
            shown.add(new Shown(m.group(1).equals("rdfs:label") ? 0 : m.group(3) != null ? 1 : m.group(4) != null ? 2 : 3,
                    m.group(2), m.group(1)));
        assertTrue(shown.size() > 8 && shown.stream().map(Shown::group).distinct().count() >= 3, shown.toString());
        List<Shown> ordered = shown.stream().sorted(java.util.Comparator.comparingInt(Shown::group)
                .thenComparing(x -> x.name().toLowerCase(java.util.Locale.ROOT)).thenComparing(Shown::key)).toList();
        assertEquals(ordered, shown, "the same order at every start, whatever order the shapes are parsed in");
    }

    @Test
    void a_required_field_left_empty_is_refused_next_to_its_field_with_everything_kept() {
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", PASSAGE_1,
                "class", kb.vocab().termNode("Meeting").getURI(), "v.rdfs:label", "5th India–Central Asia Dialogue (test)",
                "v.ica:date", "2026", "action", "commit");
        assertEquals(422, r.statusCode(), r.body());
        String field = fieldHtml(r.body(), "ica:meetingOf");
        assertTrue(field.contains("A meeting is a session of exactly one forum"), field);
        assertTrue(field.contains("class=\"field entity bad"), field);
        assertTrue(r.body().contains("value=\"5th India–Central Asia Dialogue (test)\""), "what was typed is kept");
        assertEquals(404, wb.server.get("/id/meeting/5th-india-central-asia-dialogue-test").statusCode(), "nothing was written");
    }

    @Test
    void the_live_check_answers_problems_by_field_and_writes_nothing() throws Exception {
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", PASSAGE_1,
                "class", kb.vocab().termNode("Meeting").getURI(), "v.rdfs:label", "Live check meeting",
                "v.ica:date", "June 2026", "action", "check");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Not a date: “June 2026”"), "without script the page shows the check");
        HttpResponse<String> json = wb.server.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(wb.server.url("/workbench/statements")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(WorkbenchClient.form("passage", PASSAGE_1,
                        "class", kb.vocab().termNode("Meeting").getURI(), "v.rdfs:label", "Live check meeting",
                        "v.ica:date", "2026-06", "action", "check", "csrf", wb.token()))),
                "Authorization", org.icakg.support.Maintainer.AUTH, "Origin", wb.server.url(""), "Accept", "application/json");
        JsonNode answer = new ObjectMapper().readTree(json.body());
        assertFalse(answer.get("conforms").asBoolean());
        assertEquals("Violation", answer.get("fields").get("ica:meetingOf").get(0).get("severity").asText(), json.body());
        assertTrue(answer.get("fields").get("ica:meetingOf").get(0).get("message").asText().contains("exactly one forum"));
        assertEquals(404, wb.server.get("/id/meeting/live-check-meeting").statusCode());
    }

    @Test
    void statements_land_in_the_passages_graph_with_an_entity_created_inline_and_show_on_the_entity_page() {
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", PASSAGE_1,
                "class", kb.vocab().termNode("Meeting").getURI(), "v.rdfs:label", "5th India–Central Asia Dialogue",
                "v.ica:date", "2026", "v.ica:meetingOf", "India-Central Asia Dialogue",
                "v.ica:heldIn", "Almaty", "new.ica:heldIn.0", "1", "v.ica:sessionNumber", "5", "action", "commit");
        assertEquals(303, r.statusCode(), r.body());
        String change = wb.get(WorkbenchClient.location(r)).body();
        assertTrue(change.contains("5th India–Central Asia Dialogue</a> — meeting of — <a href=\"/id/forum/india-central-asia-dialogue\">"), change);
        assertTrue(change.contains("<a class=\"entity-link\" href=\"/id/city/almaty\">Almaty</a>"), change);
        Txn.executeRead(kb.dataset(), () -> {
            var g = kb.dataset().getGraph(NodeFactory.createURI(PASSAGE_1));
            Node meeting = NodeFactory.createURI(kb.vocab().entityNs() + "meeting/5th-india-central-asia-dialogue");
            assertTrue(g.contains(meeting, kb.vocab().termNode("heldIn"), NodeFactory.createURI(kb.vocab().entityNs() + "city/almaty")));
            assertTrue(g.contains(meeting, kb.vocab().termNode("date"), Node.ANY));
        });
        String page = wb.server.get("/id/meeting/5th-india-central-asia-dialogue", "Accept", "text/html").body();
        assertTrue(page.contains("The 5th India–Central Asia Dialogue met in Almaty in 2026."), "the passage is the source: " + page);
    }

    @Test
    void an_inverse_path_gives_a_field_whose_value_is_the_subject_and_its_findings_land_there() throws Exception {
        Node mineral = kb.vocab().termNode("Mineral");
        String form = formFor(mineral);
        String field = fieldHtml(form, "^ica:concerns");
        assertTrue(field.contains("concerns (inverse)"), field);
        assertTrue(field.contains("class=\"field entity"), "an entity field: " + field);

        HttpResponse<String> json = wb.server.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(wb.server.url("/workbench/statements")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(WorkbenchClient.form("passage", PASSAGE_1,
                        "class", mineral.getURI(), "v.rdfs:label", "Steppe scandium", "action", "check", "csrf", wb.token()))),
                "Authorization", org.icakg.support.Maintainer.AUTH, "Origin", wb.server.url(""), "Accept", "application/json");
        JsonNode answer = new ObjectMapper().readTree(json.body());
        assertEquals("Warning", answer.get("fields").get("^ica:concerns").get(0).get("severity").asText(),
                "the warning of the inverse path is next to its field: " + json.body());

        String commitment = "Develop transport corridors, including the Chabahar port and the North-South corridor";
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", PASSAGE_1, "class", mineral.getURI(),
                "v.rdfs:label", "Steppe scandium", "v.^ica:concerns", commitment, "action", "commit");
        assertEquals(303, r.statusCode(), r.body());
        Txn.executeRead(kb.dataset(), () -> {
            var g = kb.dataset().getGraph(NodeFactory.createURI(PASSAGE_1));
            Node scandium = NodeFactory.createURI(kb.vocab().entityNs() + "mineral/steppe-scandium");
            List<Node> subjects = g.find(Node.ANY, kb.vocab().termNode("concerns"), scandium).mapWith(t -> t.getSubject()).toList();
            assertEquals(1, subjects.size(), "the commitment is the subject: " + subjects);
            assertTrue(subjects.get(0).getURI().startsWith(kb.vocab().entityNs() + "commitment/"), subjects.toString());
        });
        String again = wb.get("/workbench/statements?passage=" + Words.param(PASSAGE_1) + "&entity="
                + Words.param(kb.vocab().entityNs() + "mineral/steppe-scandium")).body();
        assertTrue(fieldHtml(again, "^ica:concerns").contains("Already: <a href=\"/id/commitment/"), "the existing value is shown");
    }

    @Test
    void an_alternative_path_gives_a_field_writing_its_first_alternative() {
        Node concept = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#Concept");
        String field = fieldHtml(formFor(concept), "skos:inScheme");
        assertTrue(field.contains("A concept belongs to a concept scheme"), "the alternative path's rule: " + field);
        assertTrue(field.contains("data-class=\"http://www.w3.org/2004/02/skos/core#ConceptScheme\""), field);
        HttpResponse<String> refused = wb.post("/workbench/statements", "passage", PASSAGE_1, "class", concept.getURI(),
                "v.rdfs:label", "Steppe summitry", "action", "commit");
        assertEquals(422, refused.statusCode());
        assertTrue(fieldHtml(refused.body(), "skos:inScheme").contains("class=\"field entity bad"),
                "the violation of the alternative path marks its field");
        HttpResponse<String> r = wb.post("/workbench/statements", "passage", PASSAGE_1, "class", concept.getURI(),
                "v.rdfs:label", "Steppe summitry", "v.skos:definition", "Meetings held on the steppe.",
                "v.skos:inScheme", kb.vocab().entityNs() + "scheme/meeting-level", "action", "commit");
        assertEquals(303, r.statusCode(), r.body());
        Txn.executeRead(kb.dataset(), () -> assertTrue(kb.dataset().getGraph(NodeFactory.createURI(PASSAGE_1)).contains(
                NodeFactory.createURI(kb.vocab().entityNs() + "concept/steppe-summitry"),
                NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#inScheme"),
                NodeFactory.createURI(kb.vocab().entityNs() + "scheme/meeting-level"))));
    }

    @Test
    void dash_editors_and_viewers_of_the_shapes_choose_how_a_value_is_edited_and_shown() {
        assertTrue(fieldHtml(formFor(kb.vocab().termNode("Commitment")), "ica:concerns").contains("class=\"field entity"),
                "dash:AutoCompleteEditor: an entity chosen by name");
        assertTrue(fieldHtml(formFor(kb.vocab().termNode("ExternalSource")), "dcterms:source").contains("class=\"field iri"),
                "dash:URIEditor: a web address");
        String state = wb.get("/workbench/statements?passage=" + Words.param(PASSAGE_1) + "&entity="
                + Words.param(kb.vocab().entityNs() + "state/kazakhstan")).body();
        assertTrue(fieldHtml(state, "owl:sameAs").contains(
                "Already: <a href=\"http://www.wikidata.org/entity/Q232\">http://www.wikidata.org/entity/Q232</a>"),
                "dash:URIViewer: the IRI itself, as a link: " + fieldHtml(state, "owl:sameAs"));
    }

    @Test
    void autocompletion_offers_entities_of_the_fields_class_only() throws Exception {
        JsonNode forums = new ObjectMapper().readTree(wb.get("/workbench/entities.json?q=dialogue&class="
                + Words.param(kb.vocab().termNode("Forum").getURI())).body());
        List<String> iris = new ArrayList<>();
        forums.get("hits").forEach(h -> iris.add(h.get("iri").asText()));
        assertTrue(iris.contains(kb.vocab().entityNs() + "forum/india-central-asia-dialogue"), iris.toString());
        assertTrue(iris.stream().noneMatch(i -> i.contains("/meeting/")), iris.toString());
        assertEquals(401, wb.server.get("/workbench/entities.json?q=dialogue").statusCode());
    }

    /** The HTML of one field of a form, by its key. */
    static String fieldHtml(String page, String key) {
        int at = page.indexOf("data-field=\"" + key + "\"");
        assertTrue(at > 0, "no field " + key);
        int start = page.lastIndexOf("<div", at);
        int end = page.indexOf("<div class=\"field", at);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
