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
        Map<String, Object> scope = Pages.scope("Change " + id, user, guard.token(user));
        scope.put("id", id);
        scope.put("by", patch.header().get("user") == null ? "" : patch.header().get("user").getLiteralLexicalForm());
        scope.put("time", patch.header().get("time") == null ? "" : patch.header().get("time").getLiteralLexicalForm());
        scope.put("added", statements.stream().filter(Statement::added).count());
        scope.put("removed", statements.stream().filter(s -> !s.added()).count());
        Txn.executeRead(kb.dataset(), () -> {
            Graph union = kb.dataset().getUnionGraph();
            Map<Node, Map<String, Object>> groups = new LinkedHashMap<>();
            Set<Node> entities = new LinkedHashSet<>();
            List<Map<String, Object>> passages = new ArrayList<>();
            for (Statement st : statements) {
                Map<String, Object> group = groups.computeIfAbsent(st.graph(), g -> graphGroup(union, g));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lines = (List<Map<String, Object>>) group.get("lines");
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("verb", st.added() ? "added" : "removed");
                line.put("subject", words.label(union, st.s()));
                line.put("subjectHref", words.href(st.s()));
                line.put("property", words.label(kb.ontology(), st.p()));
                line.put("object", st.o().isLiteral() ? st.o().getLiteralLexicalForm() : words.label(union, st.o()));
                line.put("objectHref", st.o().isLiteral() ? null : words.href(st.o()));
                lines.add(line);
                if (st.added() && st.p().equals(kb.vocab().termNode("quote"))) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("quote", st.o().getLiteralLexicalForm());
                    p.put("edit", "/workbench/passage?iri=" + Words.param(st.s().getURI()));
                    passages.add(p);
                } else if (st.added() && words.href(st.s()) != null && !kb.vocab().sourcesGraph().equals(st.graph())) {
                    entities.add(st.s());
                }
            }
            scope.put("groups", new ArrayList<>(groups.values()));
            List<Map<String, Object>> links = new ArrayList<>();
            for (Node e : entities) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", words.label(union, e));
                m.put("href", words.href(e));
                links.add(m);
            }
            scope.put("entities", links);
            scope.put("hasEntities", !links.isEmpty());
            scope.put("passages", passages);
            scope.put("hasPassages", !passages.isEmpty());
        });
        ctx.header("Cache-Control", "no-store").html(pages.render("change", scope));
    }

    /** A graph as a heading: a passage by its document and quote, the sources graph by name. */
    private Map<String, Object> graphGroup(Graph union, Node g) {
        Map<String, Object> m = new LinkedHashMap<>();
        Node quote = kb.vocab().termNode("quote");
        List<org.apache.jena.graph.Triple> q = union.find(g, quote, Node.ANY).toList();
        if (!q.isEmpty()) {
            m.put("heading", words.label(union, g));
            m.put("quote", q.get(0).getObject().getLiteralLexicalForm());
            m.put("edit", "/workbench/passage?iri=" + Words.param(g.getURI()));
        } else if (g.equals(kb.vocab().sourcesGraph())) {
            m.put("heading", "Sources and passages");
        } else {
            m.put("heading", words.shortName(g));
        }
        m.put("lines", new ArrayList<Map<String, Object>>());
        return m;
    }
}
