package org.icakg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.sparql.Stats;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** {@code GET /classes}: every class with its number of instances; {@code GET /class?iri=}: one class, its instances paged. */
final class ClassController {

    /** Instances listed per page of a class. */
    static final int INSTANCES_PAGE_SIZE = 100;

    private final KnowledgeBase kb;
    private final Stats stats;
    private final ClassInstances instances;
    private final Templates templates;

    ClassController(KnowledgeBase kb, Stats stats, Templates templates) {
        this.kb = kb;
        this.stats = stats;
        this.instances = new ClassInstances(kb, stats);
        this.templates = templates;
    }

    /** The page of a class. */
    static String path(Node type) {
        return "/class?iri=" + URLEncoder.encode(type.getURI(), StandardCharsets.UTF_8);
    }

    /** One class with instances: its label, its page, how many instances it has (inferred types included), its IRI. */
    record ClassRow(String label, String href, long count, String iri) {}

    /** The model of {@code classes.mustache}: the classes of the ontology, then the others. */
    record Index(String title, List<ClassRow> ontology, List<ClassRow> other, boolean counting, boolean stale)
            implements PageHead {}

    /** The classes with instances, of the ontology ({@code ours}) or the others, by label. */
    static List<ClassRow> rows(Stats.Snapshot s, Vocab vocab, boolean ours) {
        List<ClassRow> out = new ArrayList<>();
        s.classes().forEach((c, n) -> {
            if (c.getURI().startsWith(vocab.ontologyNs()) == ours)
                out.add(new ClassRow(s.classLabels().get(c), path(c), n, c.getURI()));
        });
        out.sort(Comparator.comparing(r -> r.label().toLowerCase()));
        return out;
    }

    void index(Context ctx) {
        Stats.Latest latest = stats.latest();
        Stats.Snapshot s = latest.snapshot();
        templates.html(ctx, "classes", s == null ? new Index("Classes", List.of(), List.of(), true, false)
                : new Index("Classes", rows(s, kb.vocab(), true), rows(s, kb.vocab(), false), false, latest.stale()));
    }

    void get(Context ctx) {
        String iri = ctx.queryParam("iri");
        if (iri == null || iri.isBlank())
            throw new BadRequestResponse("Give the class as ?iri=, e.g. ?iri=" + kb.vocab().term("State"));
        Node type = NodeFactory.createURI(iri);
        List<ClassInstances.Row> all = instances.of(type);
        boolean declared = kb.ontology().contains(type, Node.ANY, Node.ANY);
        if (all.isEmpty() && !declared)
            throw new NotFoundResponse("No class " + iri + " is declared or has instances");
        long total = all.size();
        int page = EntityController.pageNumber(ctx);
        long pages = Math.max(1, (total + INSTANCES_PAGE_SIZE - 1) / INSTANCES_PAGE_SIZE);
        if (page > pages)
            throw new BadRequestResponse("page " + page + " is past the last page of instances (" + pages + ")");
        Paging paging = pages == 1 ? null : new Paging(page, pages, path(type) + "&page=" + (page - 1),
                path(type) + "&page=" + (page + 1));
        int from = (page - 1) * INSTANCES_PAGE_SIZE;
        templates.html(ctx, "class", describe(type, total,
                all.subList(from, (int) Math.min(total, from + INSTANCES_PAGE_SIZE)).stream()
                        .map(r -> r.link(kb.vocab())).toList(), paging));
    }

    /**
     * The model of {@code class.mustache}: the class, its place in the hierarchy, how many instances it has (inferred
     * types included), one page of them and the links to the others (null when they fit on one page).
     */
    record Page(String title, String label, String iri, String ontologyHref, String definition,
                List<Link> superclasses, List<Link> subclasses, long count, List<Link> instances, Paging paging)
            implements PageHead {
        public boolean hasSuperclasses() { return !superclasses.isEmpty(); }

        public boolean hasSubclasses() { return !subclasses.isEmpty(); }
    }

    /** A class or an instance, by label, with its page (null for an instance not under this server's base). */
    record Link(String label, String href) {}

    /** Page {@code page} of {@code pages} of instances, and the links to the pages before and after. */
    record Paging(int page, long pages, String previous, String next) {
        public boolean hasPrevious() { return page > 1; }

        public boolean hasNext() { return page < pages; }
    }

    private Page describe(Node type, long count, List<Link> instances, Paging paging) {
        Graph o = kb.ontology();
        return Txn.calculateRead(kb.dataset(), () -> {
            Labels labels = new Labels(kb.dataset(), kb.prefixes());
            String label = labels.of(type);
            return new Page(label, label, type.getURI(),
                    type.getURI().startsWith(kb.vocab().ontologyNs()) ? Links.href(kb.vocab(), type.getURI()) : null,
                    first(o, type, SKOS.definition.asNode(), RDFS.comment.asNode()),
                    classes(labels, o.find(type, RDFS.subClassOf.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList()),
                    classes(labels, o.find(Node.ANY, RDFS.subClassOf.asNode(), type).mapWith(t -> t.getSubject()).toList()),
                    count, instances, paging);
        });
    }

    private List<Link> classes(Labels labels, List<Node> nodes) {
        return nodes.stream().filter(Node::isURI).distinct()
                .map(n -> new Link(labels.of(n), path(n)))
                .sorted(Comparator.comparing(Link::label)).toList();
    }

    private static String first(Graph g, Node s, Node... properties) {
        for (Node p : properties) {
            var it = g.find(s, p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral())
                    return o.getLiteralLexicalForm();
            }
        }
        return null;
    }
}
