package org.icakg.workbench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.system.Txn;
import org.icakg.kb.KnowledgeBase;
import org.icakg.write.AuditLog;

import org.icakg.http.Problem;
import io.javalin.http.Context;

/**
 * {@code GET /workbench/changes/{id}}: what one accepted write added and removed, in plain words ("Kazakhstan —
 * took part in — 4th India–Central Asia Dialogue"), read from its audit patch and grouped by the graph (the passage)
 * that holds the statements, with links to the entity pages now showing them.
 */
final class ChangesController {

    private final KnowledgeBase kb;
    private final AuditLog audit;
    private final Guard guard;
    private final Pages pages;
    private final Words words;

    ChangesController(KnowledgeBase kb, AuditLog audit, Guard guard, Pages pages, Words words) {
        this.kb = kb;
        this.audit = audit;
        this.guard = guard;
        this.pages = pages;
        this.words = words;
    }

    /** One statement of a patch. */
    private record Statement(boolean added, Node graph, Node s, Node p, Node o) {}

    /**
     * The page of a change ({@code change.mustache}): who wrote it and when, how many statements it added and
     * removed, the entities it touched, the passages it registered, and its statements by graph.
     */
    record Page(Pages.Head head, String id, String by, String time, long added, long removed,
                List<Pages.Link> entities, List<Passage> passages, List<Group> groups) {

        public boolean hasEntities() { return !entities.isEmpty(); }

        public boolean hasPassages() { return !passages.isEmpty(); }
    }

    /** A passage the change registered: its words, and its statement forms. */
    record Passage(String quote, String edit) {}

    /** The statements of one graph: a heading, and for a passage its quote and statement forms (else null). */
    record Group(String heading, String quote, String edit, List<Line> lines) {}

    /** A statement added or removed, in words, with links to the entity pages (null where there is none). */
    record Line(String verb, String subject, String subjectHref, String property, String object, String objectHref) {}

    void show(Context ctx) {
        String user = guard.reader(ctx);
        String id = ctx.pathParam("id");
        byte[] bytes = audit.patch(id).orElseThrow(() -> Problem.notFound("No accepted write " + id));
        RDFPatch patch = RDFPatchOps.read(new ByteArrayInputStream(bytes));
        List<Statement> statements = new ArrayList<>();
        patch.apply(new RDFChangesBase() {
            @Override public void add(Node g, Node s, Node p, Node o) { statements.add(new Statement(true, g, s, p, o)); }
            @Override public void delete(Node g, Node s, Node p, Node o) { statements.add(new Statement(false, g, s, p, o)); }
        });
        String by = patch.header().get("user") == null ? "" : patch.header().get("user").getLiteralLexicalForm();
        String time = patch.header().get("time") == null ? "" : patch.header().get("time").getLiteralLexicalForm();
        long added = statements.stream().filter(Statement::added).count();
        Page page = Txn.calculateRead(kb.dataset(), () -> {
            Graph union = kb.dataset().getUnionGraph();
            Map<Node, List<Line>> byGraph = new LinkedHashMap<>();
            Set<Node> entities = new LinkedHashSet<>();
            List<Passage> passages = new ArrayList<>();
            for (Statement st : statements) {
                byGraph.computeIfAbsent(st.graph(), g -> new ArrayList<>()).add(new Line(st.added() ? "added" : "removed",
                        words.label(union, st.s()), words.href(st.s()), words.label(kb.ontology(), st.p()),
                        st.o().isLiteral() ? st.o().getLiteralLexicalForm() : words.label(union, st.o()),
                        st.o().isLiteral() ? null : words.href(st.o())));
                if (st.added() && st.p().equals(kb.vocab().termNode("quote")))
                    passages.add(new Passage(st.o().getLiteralLexicalForm(), "/workbench/passage?iri=" + Words.param(st.s().getURI())));
                else if (st.added() && words.href(st.s()) != null && !kb.vocab().sourcesGraph().equals(st.graph()))
                    entities.add(st.s());
            }
            List<Group> groups = new ArrayList<>();
            byGraph.forEach((g, lines) -> groups.add(group(union, g, lines)));
            List<Pages.Link> links = entities.stream().map(e -> new Pages.Link(words.label(union, e), words.href(e))).toList();
            return new Page(guard.head("Change " + id, user), id, by, time, added, statements.size() - added, links,
                    passages, groups);
        });
        ctx.header("Cache-Control", "no-store").html(pages.render("change", page));
    }

    /** A graph's statements under a heading: a passage by its document and quote, the sources graph by name. */
    private Group group(Graph union, Node g, List<Line> lines) {
        List<org.apache.jena.graph.Triple> q = union.find(g, kb.vocab().termNode("quote"), Node.ANY).toList();
        if (!q.isEmpty())
            return new Group(words.label(union, g), q.get(0).getObject().getLiteralLexicalForm(),
                    "/workbench/passage?iri=" + Words.param(g.getURI()), lines);
        return new Group(g.equals(kb.vocab().sourcesGraph()) ? "Sources and passages" : words.shortName(g), null, null,
                lines);
    }
}