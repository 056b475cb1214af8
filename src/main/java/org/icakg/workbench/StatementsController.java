package org.icakg.workbench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.icakg.http.Negotiation;
import org.icakg.http.Problem;
import org.icakg.kb.KnowledgeBase;
import org.icakg.validate.Finding;
import org.icakg.write.WriteGate;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Statements by form, per passage: the passage page (what its graph already says, and the way to a form), the form
 * generated from the shapes for a new entity of a class or for an existing entity, its live check (a dry run against
 * the live graph, answered as JSON by field), and its submission (one gated write into the passage's graph).
 */
final class StatementsController {

    /** Most suggestions the autocompletion answers. */
    static final int MAX_SUGGESTIONS = 12;

    private final KnowledgeBase kb;
    private final WriteGate gate;
    private final Guard guard;
    private final Pages pages;
    private final Words words;
    /** Made at the first form: the shapes may still be being parsed while the server starts. */
    private volatile ShapeForms forms;
    private final StatementDraft drafts;
    private final BiFunction<String, Integer, List<Node>> search;

    StatementsController(KnowledgeBase kb, WriteGate gate, Guard guard, Pages pages, Words words,
                         BiFunction<String, Integer, List<Node>> search) {
        this.kb = kb;
        this.gate = gate;
        this.guard = guard;
        this.pages = pages;
        this.words = words;
        this.search = search;
        this.drafts = new StatementDraft(kb.vocab(), words, search);
    }

    private ShapeForms forms() {
        ShapeForms f = forms;
        if (f == null)
            forms = f = new ShapeForms(kb.shapes(), kb.ontology(), words); // the same forms, should two make them
        return f;
    }

    /**
     * What the pages of a passage show of it ({@code passage-head.mustache}): its IRI, name and words, its document
     * (null when it has none) and its page.
     */
    record PassageHead(String passage, String passageLabel, String quote, String document, String documentHref,
                       String passageHref) {}

    /** A passage's page ({@code passage.mustache}): what its graph states, and the classes a new entity may have. */
    record PassagePage(Pages.Head head, PassageHead passageHead, List<Line> statements, List<ClassChoice> classes) {}

    /** A statement of the passage, in words, with links to entity pages and to the subject's form (null: none). */
    record Line(String subject, String subjectHref, String editHref, String property, String object, String objectHref) {}

    /** A class a form can be opened for. */
    record ClassChoice(String iri, String label) {}

    /**
     * A statement form ({@code statements.mustache}): for a new entity of a class ({@code classIri}, {@code className})
     * or an existing entity ({@code entityIri}, {@code entityHref}), the entity's classes in words, the shapes' notes,
     * the problems of no field, the outcome of a check or a refused write, and the fields.
     */
    record FormPage(Pages.Head head, PassageHead passageHead, String classIri, String className, String entityIri,
                    String entityHref, List<String> classes, List<String> notes, List<Issues.Issue> general,
                    boolean failed, boolean checkedOk, List<FieldView> fields) {}

    /** The live check's answer: whether the graph would conform, and the problems by field. */
    record Check(boolean conforms, Map<String, List<Issues.Issue>> fields) {}

    /** An entity offered by the autocompletion. */
    record Suggestion(String iri, String label) {}

    /** The autocompletion's answer: the text typed and the entities it matches. */
    record Suggestions(String q, List<Suggestion> hits) {}

    /** {@code GET /workbench/passage?iri=}: the passage, its statements, and the choice of what to state. */
    void passage(Context ctx) {
        String user = guard.reader(ctx);
        Node passage = passageParam(ctx.queryParam("iri"));
        PassagePage page = Txn.calculateRead(kb.dataset(), () -> {
            Graph union = kb.dataset().getUnionGraph();
            List<Line> lines = new ArrayList<>();
            kb.dataset().getGraph(passage).find().forEachRemaining(t -> lines.add(line(union, passage, t)));
            List<ClassChoice> classes = new ArrayList<>();
            for (Node c : forms().classes())
                classes.add(new ClassChoice(c.getURI(), words.label(kb.ontology(), c)));
            return new PassagePage(guard.head("Passage", user), passageHead(passage), lines, classes);
        });
        ctx.html(pages.render("passage", page));
    }

    /** {@code GET /workbench/statements?passage=&class=} (a new entity) or {@code &entity=} (an existing one). */
    void form(Context ctx) {
        String user = guard.reader(ctx);
        Node passage = passageParam(ctx.queryParam("passage"));
        Txn.executeRead(kb.dataset(), () -> {
            Target target = target(ctx.queryParam("class"), ctx.queryParam("entity"));
            ctx.html(render(user, passage, target, StatementDraft.Input.empty(), new Issues(), false));
        });
    }

    /**
     * {@code POST /workbench/statements}: {@code action=check} validates without writing (JSON by field for the
     * page's script, the page itself without script); otherwise the statements are written in one gated write and
     * the browser is sent to the change; a refusal is 422 with the form as it was typed and its fields marked.
     */
    void post(Context ctx) {
        String user = guard.poster(ctx);
        Node passage = passageParam(ctx.formParam("passage"));
        boolean check = "check".equals(ctx.formParam("action"));
        StatementDraft.Input input = input(ctx);
        Issues issues = new Issues();
        Target[] target = new Target[1];
        StatementDraft.Result draft = Txn.calculateRead(kb.dataset(), () -> {
            target[0] = target(ctx.formParam("class"), ctx.formParam("entity"));
            return drafts.build(passage, target[0].entity(), target[0].newClass(), target[0].form().fields(), input,
                    kb.dataset().getUnionGraph(), kb.dataset().getGraph(passage), issues);
        });
        WriteGate.Outcome outcome = null;
        boolean nothing = draft.quads().isEmpty() && draft.removed().isEmpty();
        if (!issues.hasViolations() && draft.subject() != null) {
            java.util.function.Consumer<org.apache.jena.sparql.core.DatasetGraph> change = dsg -> {
                draft.removed().forEach(dsg::delete);
                draft.quads().forEach(dsg::add);
            };
            outcome = check || nothing ? gate.dryRun(change, List.of()) : gate.write(user, change, List.of());
            WriteGate.Outcome o = outcome;
            Txn.executeRead(kb.dataset(), () -> ReportIssues.add(o.report(), issues,
                    f -> fieldOf(f, draft, target[0].form().fields()), words, kb.dataset().getUnionGraph()));
        }
        if (!check && nothing && !issues.hasViolations())
            issues.reject(Issues.GENERAL, "Nothing to write: fill in at least one field, or tick a value to remove.", "");
        if (outcome != null && outcome.committed()) {
            ctx.redirect("/workbench/changes/" + outcome.audit().id(), HttpStatus.SEE_OTHER);
            return;
        }
        boolean failed = issues.hasViolations();
        if (check && wantsJson(ctx)) {
            ctx.header("Cache-Control", "no-store").json(new Check(!failed, issues.all()));
            return;
        }
        String html = Txn.calculateRead(kb.dataset(), () -> render(user, passage, target[0], input, issues, true));
        ctx.status(failed && !check ? 422 : 200).html(html);
    }

    /** {@code GET /workbench/entities.json?class=&q=}: entities of the class whose names match, for autocompletion. */
    void entities(Context ctx) {
        guard.reader(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String cls = ctx.queryParam("class");
        if (q.isEmpty() || q.length() > 200)
            throw Problem.badRequest("Type 1 to 200 characters of a name (q); got " + q.length() + ".");
        Node classNode = cls == null || cls.isBlank() ? null : NodeFactory.createURI(cls);
        List<Suggestion> out = Txn.calculateRead(kb.dataset(), () -> {
            Graph union = kb.dataset().getUnionGraph();
            List<Suggestion> hits = new ArrayList<>();
            for (Node e : search.apply(q, StatementDraft.MAX_CANDIDATES)) {
                if (classNode != null && !union.contains(e, RDF.type.asNode(), classNode))
                    continue;
                hits.add(new Suggestion(e.getURI(), words.label(union, e)));
                if (hits.size() == MAX_SUGGESTIONS)
                    break;
            }
            return hits;
        });
        ctx.header("Cache-Control", "no-store").json(new Suggestions(q, out));
    }

    /** What a form is about: a new entity of a class, or an existing entity; and the form for it. */
    private record Target(Node newClass, Node entity, Set<Node> classes, ShapeForms.Form form) {}

    private Target target(String cls, String entity) {
        Graph union = kb.dataset().getUnionGraph();
        if (entity != null && !entity.isBlank()) {
            Node e = resolveEntity(union, entity.strip());
            Set<Node> types = StatementDraft.typesOf(union, e);
            return new Target(null, e, types, forms().form(types));
        }
        if (cls == null || cls.isBlank())
            throw Problem.badRequest("Say what the statements are about: class=IRI for a new entity, or entity=IRI "
                    + "(or its name) for an existing one.");
        Node c = NodeFactory.createURI(cls.strip());
        if (!forms().classes().contains(c))
            throw Problem.badRequest("No shape targets the class " + cls + ": choose one of the classes offered.");
        return new Target(c, null, Set.of(c), forms().form(Set.of(c)));
    }

    private Node resolveEntity(Graph union, String text) {
        if (SourceForm.isWeb(text) && union.contains(NodeFactory.createURI(text), RDF.type.asNode(), Node.ANY))
            return NodeFactory.createURI(text);
        List<Node> hits = search.apply(text, StatementDraft.MAX_CANDIDATES);
        for (Node e : hits)
            if (StatementDraft.fold(words.label(union, e)).equals(StatementDraft.fold(text)))
                return e;
        throw Problem.notFound("No entity is named or identified by “" + text + "”.");
    }

    private Node passageParam(String iri) {
        if (iri == null || iri.isBlank())
            throw Problem.badRequest("Name the passage: passage=IRI (iri=IRI on the passage page).");
        Node p = NodeFactory.createURI(iri.strip());
        boolean known = Txn.calculateRead(kb.dataset(), () -> kb.dataset().getGraph(kb.vocab().sourcesGraph())
                .contains(p, RDF.type.asNode(), kb.vocab().termNode("Passage")));
        if (!known)
            throw Problem.notFound("No passage " + iri + " in the sources graph: register its source first.");
        return p;
    }

    /** Call inside a read. */
    private PassageHead passageHead(Node passage) {
        Graph sources = kb.dataset().getGraph(kb.vocab().sourcesGraph());
        var quote = sources.find(passage, kb.vocab().termNode("quote"), Node.ANY).toList();
        var doc = sources.find(passage, DCTerms.isPartOf.asNode(), Node.ANY).toList();
        Node document = doc.isEmpty() ? null : doc.get(0).getObject();
        return new PassageHead(passage.getURI(), words.label(sources, passage),
                quote.isEmpty() ? "" : quote.get(0).getObject().getLiteralLexicalForm(),
                document == null ? null : words.label(sources, document),
                document == null ? null : "/workbench/source?iri=" + Words.param(document.getURI()),
                "/workbench/passage?iri=" + Words.param(passage.getURI()));
    }

    private Line line(Graph union, Node passage, Triple t) {
        return new Line(words.label(union, t.getSubject()), words.href(t.getSubject()),
                t.getSubject().isURI() ? "/workbench/statements?passage=" + Words.param(passage.getURI())
                        + "&entity=" + Words.param(t.getSubject().getURI()) : null,
                words.label(kb.ontology(), t.getPredicate()), words.label(union, t.getObject()),
                words.href(t.getObject()));
    }

    private static StatementDraft.Input input(Context ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Set<Integer>> create = new HashMap<>();
        Map<String, List<String>> remove = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, list) -> {
            if (name.startsWith("v."))
                values.put(name.substring(2), list);
            else if (name.startsWith("del."))
                remove.put(name.substring(4), list);
            else if (name.startsWith("new.")) {
                int dot = name.lastIndexOf('.');
                try {
                    create.computeIfAbsent(name.substring(4, dot), k -> new LinkedHashSet<>())
                            .add(Integer.parseInt(name.substring(dot + 1)));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // Not a field of this form: ignored like any other unknown field.
                }
            }
        });
        return new StatementDraft.Input(values, create, remove);
    }

    private static String fieldOf(Finding f, StatementDraft.Result draft, List<Field> fields) {
        var path = f.entry().resultPath();
        if (f.focusNode().equals(draft.subject()) && path != null)
            for (Field field : fields)
                if (field.shapePaths().contains(path) || !field.inverse() && path.equals(new org.apache.jena.sparql.path.P_Link(field.path())))
                    return field.key();
        String creator = draft.created().get(f.focusNode());
        return creator != null ? creator : Issues.GENERAL;
    }

    /** True when the client prefers JSON to the page (the live check asks for it); a browser's Accept gets the page. */
    private static boolean wantsJson(Context ctx) {
        return Negotiation.choose(ctx.header("Accept"), CHECK_OFFERS).filter("application/json"::equals).isPresent();
    }

    private static final List<String> CHECK_OFFERS = List.of("text/html", "application/json");

    private String render(String user, Node passage, Target target, StatementDraft.Input input, Issues issues,
                          boolean checked) {
        Graph union = kb.dataset().getUnionGraph();
        Node cls = target.newClass(), entity = target.entity();
        List<FieldView> fields = new ArrayList<>();
        for (Field f : target.form().fields())
            fields.add(FieldView.of(f, input, issues.of(f.key()), entity, union, kb.dataset().getGraph(passage), words));
        return pages.render("statements", new FormPage(
                guard.head(entity == null ? "New " + words.label(kb.ontology(), cls) : words.label(union, entity), user),
                passageHead(passage), cls == null ? null : cls.getURI(), cls == null ? null : words.label(kb.ontology(), cls),
                entity == null ? null : entity.getURI(), entity == null ? null : words.href(entity),
                target.classes().stream().map(c -> words.label(kb.ontology(), c)).sorted().toList(),
                target.form().notes(), issues.of(Issues.GENERAL), issues.hasViolations(),
                checked && !issues.hasViolations(), fields));
    }
}
