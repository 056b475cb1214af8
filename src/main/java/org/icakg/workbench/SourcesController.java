package org.icakg.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** The workbench's home page ({@code home.mustache}). */
    record Home(Pages.Head head, List<Source> sources) {}

    /** A source document in the list: its name, its page, how many passages it has. */
    record Source(String label, String href, int passages) {}

    /** A source document's page ({@code source.mustache}); the head's title is the document's name. */
    record SourcePage(Pages.Head head, String href, List<Passage> passages) {}

    /** A passage of a source: its position, its words, how many statements its graph holds, its statement forms. */
    record Passage(int position, String quote, long statements, String edit) {}

    /** The registration form ({@code source-form.mustache}); {@code count} the passages found, null when unknown. */
    record RegistrationPage(Pages.Head head, SourceForm.Shown f, List<Issues.Issue> general, boolean split,
                        boolean failed, Integer count) {}

    /** {@code GET /workbench}: the source documents, newest registrations last, and the way to add one. */
    void home(Context ctx) {
        String user = guard.reader(ctx);
        List<Source> sources = Txn.calculateRead(kb.dataset(), () -> {
            Graph g = kb.dataset().getGraph(kb.vocab().sourcesGraph());
            List<Source> out = new ArrayList<>();
            g.find(Node.ANY, RDF.type.asNode(), kb.vocab().termNode("SourceDocument")).forEachRemaining(t -> {
                Node doc = t.getSubject();
                out.add(new Source(words.label(g, doc), "/workbench/source?iri=" + Words.param(doc.getURI()),
                        g.find(Node.ANY, DCTerms.isPartOf.asNode(), doc).toList().size()));
            });
            out.sort(Comparator.comparing(Source::label));
            return out;
        });
        ctx.html(pages.render("home", new Home(guard.head("Workbench", user), sources)));
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
        SourcePage page = Txn.calculateRead(kb.dataset(), () -> {
            Graph g = kb.dataset().getGraph(kb.vocab().sourcesGraph());
            if (!g.contains(doc, RDF.type.asNode(), kb.vocab().termNode("SourceDocument")))
                return null;
            return new SourcePage(guard.head(words.label(g, doc), user), words.href(doc), passages(g, doc));
        });
        if (page == null)
            throw Problem.notFound("No source document " + iri);
        ctx.html(pages.render("source", page));
    }

    private List<Passage> passages(Graph g, Node doc) {
        Node position = kb.vocab().termNode("position"), quote = kb.vocab().termNode("quote");
        List<Passage> out = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, DCTerms.isPartOf.asNode(), doc).toList()) {
            Node p = t.getSubject();
            List<Triple> pos = g.find(p, position, Node.ANY).toList();
            List<Triple> q = g.find(p, quote, Node.ANY).toList();
            out.add(new Passage(pos.isEmpty() ? 0 : Integer.parseInt(pos.get(0).getObject().getLiteralLexicalForm()),
                    q.isEmpty() ? "" : q.get(0).getObject().getLiteralLexicalForm(), kb.dataset().getGraph(p).size(),
                    "/workbench/passage?iri=" + Words.param(p.getURI())));
        }
        out.sort(Comparator.comparing(Passage::position));
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
        Integer count = null;
        if (split && !form.text().isBlank() && !form.passages().isBlank()) {
            try {
                count = Passages.locate(form.text(), form.passages()).size();
            } catch (Passages.NotInText e) {
                // The passages are not the text's words: no count (the registration says what is wrong).
            }
        }
        return pages.render("source-form", new RegistrationPage(guard.head("Register a source", user), form.shown(issues),
                issues.of(Issues.GENERAL), split, issues.hasViolations(), count));
    }
}
