package org.icakg.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.icakg.kb.KnowledgeBase;
import org.icakg.validate.Finding;
import org.icakg.write.WriteGate;

import org.icakg.http.Problem;
import io.javalin.http.Context;

/**
 * The workbench's sources: the list of source documents, the form registering a new one (the server proposes one
 * passage per sentence, the maintainer merges or splits them), and a source's passages, each a way into the
 * statement forms.
 */
final class SourcesController {

    private final KnowledgeBase kb;
    private final WriteGate gate;
    private final Guard guard;
    private final Pages pages;
    private final Words words;
    private final SourceTexts texts;

    SourcesController(KnowledgeBase kb, WriteGate gate, Guard guard, Pages pages, Words words, SourceTexts texts) {
        this.kb = kb;
        this.texts = texts;
        this.gate = gate;
        this.guard = guard;
        this.pages = pages;
        this.words = words;
    }

    /** {@code GET /workbench}: the source documents, newest registrations last, and the way to add one. */
    void home(Context ctx) {
        String user = guard.reader(ctx);
        Map<String, Object> scope = Pages.scope("Workbench", user, guard.token(user));
        scope.put("sources", Txn.calculateRead(kb.dataset(), () -> {
            Graph g = kb.dataset().getGraph(kb.vocab().sourcesGraph());
            List<Map<String, Object>> out = new ArrayList<>();
            g.find(Node.ANY, RDF.type.asNode(), kb.vocab().termNode("SourceDocument")).forEachRemaining(t -> {
                Node doc = t.getSubject();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", words.label(g, doc));
                m.put("href", "/workbench/source?iri=" + Words.param(doc.getURI()));
                m.put("passages", g.find(Node.ANY, DCTerms.isPartOf.asNode(), doc).toList().size());
                out.add(m);
            });
            out.sort(Comparator.comparing(m -> (String) m.get("label")));
            return out;
        }));
        ctx.html(pages.render("home", scope));
    }

    /** {@code GET /workbench/sources/new}: the empty registration form. */
    void form(Context ctx) {
        String user = guard.reader(ctx);
        ctx.html(render(user, SourceForm.empty(), new Issues(), false));
    }

    /**
     * {@code POST /workbench/sources}: {@code action=split} shows the passages proposed by sentence;
     * {@code action=register} writes the document and its passages in one gated write, then shows what changed.
     */
    void post(Context ctx) {
        String user = guard.poster(ctx);
        SourceForm form = SourceForm.read(ctx);
        if (!"register".equals(ctx.formParam("action"))) {
            ctx.html(render(user, form.text().isBlank() ? form : form.split(), new Issues(), !form.text().isBlank()));
            return;
        }
        Issues issues = new Issues();
        SourceForm.Registration reg = Txn.calculateRead(kb.dataset(), () -> {
            SourceForm.Registration r = form.registration(kb.vocab(), issues, this::agentNamed);
            if (r != null && kb.dataset().getUnionGraph().contains(r.document(), Node.ANY, Node.ANY))
                issues.reject(form.slug().isEmpty() ? "title" : "slug", "A source document " + words.shortName(r.document())
                        + " exists already: give this one another name in its IRI (slug).", form.slugOrTitle());
            return r;
        });
        if (issues.hasViolations()) {
            ctx.status(422).html(render(user, form, issues, true));
            return;
        }
        // The text is written first and removed again if the write is refused: a refused registration leaves no file.
        SourceTexts.Claim text;
        try {
            text = texts.claim(form.slugOrTitle(), form.text());
        } catch (SourceTexts.Conflict e) {
            issues.reject(form.slug().isEmpty() ? "title" : "slug", e.getMessage(), form.slugOrTitle());
            ctx.status(409).html(render(user, form, issues, true));
            return;
        } catch (IllegalStateException e) {
            issues.reject(Issues.GENERAL, e.getMessage(), "");
            ctx.status(503).html(render(user, form, issues, true));
            return;
        }
        WriteGate.Outcome outcome;
        try {
            outcome = gate.write(user, dsg -> reg.quads().forEach(dsg::add), List.of());
        } catch (RuntimeException e) {
            text.release();
            throw e;
        }
        if (!outcome.committed())
            text.release();
        if (outcome.committed()) {
            ctx.redirect("/workbench/changes/" + outcome.audit().id(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Txn.executeRead(kb.dataset(), () -> ReportIssues.add(outcome.report(), issues,
                f -> fieldOf(f, reg), words, kb.dataset().getUnionGraph()));
        ctx.status(422).html(render(user, form, issues, true));
    }

    /** {@code GET /workbench/source?iri=}: a source's passages, each with a link to its statement forms. */
    void source(Context ctx) {
        String user = guard.reader(ctx);
        String iri = ctx.queryParam("iri");
        if (iri == null || iri.isBlank())
            throw Problem.badRequest("Name the source document: /workbench/source?iri=IRI");
        Node doc = NodeFactory.createURI(iri);
        Map<String, Object> scope = Pages.scope("Source", user, guard.token(user));
        boolean found = Txn.calculateRead(kb.dataset(), () -> {
            Graph g = kb.dataset().getGraph(kb.vocab().sourcesGraph());
            if (!g.contains(doc, RDF.type.asNode(), kb.vocab().termNode("SourceDocument")))
                return false;
            scope.put("title", words.label(g, doc));
            scope.put("href", words.href(doc));
            scope.put("passages", passages(g, doc));
            return true;
        });
        if (!found)
            throw Problem.notFound("No source document " + iri);
        ctx.html(pages.render("source", scope));
    }

    private List<Map<String, Object>> passages(Graph g, Node doc) {
        Node position = kb.vocab().termNode("position"), quote = kb.vocab().termNode("quote");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, DCTerms.isPartOf.asNode(), doc).toList()) {
            Node p = t.getSubject();
            Map<String, Object> m = new LinkedHashMap<>();
            List<Triple> pos = g.find(p, position, Node.ANY).toList();
            m.put("position", pos.isEmpty() ? 0 : Integer.parseInt(pos.get(0).getObject().getLiteralLexicalForm()));
            List<Triple> q = g.find(p, quote, Node.ANY).toList();
            m.put("quote", q.isEmpty() ? "" : q.get(0).getObject().getLiteralLexicalForm());
            m.put("statements", kb.dataset().getGraph(p).size());
            m.put("edit", "/workbench/passage?iri=" + Words.param(p.getURI()));
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> (Integer) m.get("position")));
        return out;
    }

    /**
     * The agent labelled {@code name} in the sources graph, else the agent whose IRI a new one of that name would
     * have (so a publisher written slightly differently is not given a second name), if any; call inside a read.
     */
    private Node agentNamed(String name) {
        Graph g = kb.dataset().getGraph(kb.vocab().sourcesGraph());
        Node agent = kb.vocab().termNode("Agent");
        for (Triple t : g.find(Node.ANY, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).toList())
            if (t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equalsIgnoreCase(name)
                    && (g.contains(t.getSubject(), RDF.type.asNode(), agent)))
                return t.getSubject();
        Node minted = NodeFactory.createURI(kb.vocab().entityNs() + "agent/" + Words.slug(name));
        return kb.dataset().getUnionGraph().contains(minted, RDF.type.asNode(), agent) ? minted : null;
    }

    private static String fieldOf(Finding f, SourceForm.Registration reg) {
        if (reg.passages().contains(f.focusNode()))
            return "passages";
        if (!f.focusNode().equals(reg.document()))
            return Issues.GENERAL;
        Node p = ReportIssues.property(f);
        if (p == null)
            return Issues.GENERAL;
        if (p.equals(DCTerms.issued.asNode()))
            return "date";
        if (p.equals(DCTerms.description.asNode()))
            return "description";
        if (p.equals(DCTerms.publisher.asNode()) || p.equals(DCTerms.creator.asNode()))
            return "publisher";
        if (p.equals(DCTerms.source.asNode()))
            return "url";
        if (p.equals(DCTerms.license.asNode()) || p.equals(DCTerms.rights.asNode()))
            return "licence";
        return "title";
    }

    private String render(String user, SourceForm form, Issues issues, boolean split) {
        Map<String, Object> scope = Pages.scope("Register a source", user, guard.token(user));
        Map<String, Object> fields = new LinkedHashMap<>();
        form.values().forEach((k, v) -> fields.put(k, Pages.field((String) v, issues.of(k))));
        scope.put("f", fields);
        scope.put("general", issues.of(Issues.GENERAL));
        scope.put("split", split);
        scope.put("failed", issues.hasViolations());
        if (split && !form.text().isBlank() && !form.passages().isBlank()) {
            try {
                scope.put("count", Passages.locate(form.text(), form.passages()).size());
            } catch (Passages.NotInText e) {
                scope.put("count", null);
            }
        }
        return pages.render("source-form", scope);
    }
}
