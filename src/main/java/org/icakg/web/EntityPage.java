package org.icakg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.kb.KnowledgeBase;

import io.javalin.http.BadRequestResponse;

/**
 * The HTML view of an entity: label, types, definition; outgoing statements grouped by property; incoming
 * statements counted per property and paged; the source of every statement; links out and to the RDF.
 * Two index look-ups for the statements, then one per label and per source shown.
 */
final class EntityPage {

    /** Incoming statements shown per page. */
    static final int INCOMING_PAGE_SIZE = 50;
    /** Outgoing statements of one property shown on the entity's page, and per page of that property's list. */
    static final int OUTGOING_PER_PROPERTY = 50;
    /** Sources shown under one statement (a label restated in every passage has thousands). */
    static final int MAX_SOURCES = 10;

    /** Properties whose values describe the entity in words. */
    static final List<Node> DESCRIBING = List.of(SKOS.definition.asNode(), DCTerms.description.asNode(),
            RDFS.comment.asNode());
    /** Properties whose values are the same thing or pages about it elsewhere. */
    static final List<Node> LINKING_OUT = List.of(OWL2.sameAs.asNode(), RDFS.seeAlso.asNode(),
            SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode());
    /** Outgoing properties shown first, in this order; the rest follow by label. */
    static final List<Node> FIRST = List.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.altLabel.asNode(),
            SKOS.definition.asNode(), DCTerms.description.asNode());

    private final KnowledgeBase kb;
    private final Templates templates;

    EntityPage(KnowledgeBase kb, Templates templates) {
        this.kb = kb;
        this.templates = templates;
    }

    /** The model of {@code entity.mustache}. */
    record Model(String title, String label, String iri, List<Term> types, List<String> altLabels,
                 List<String> descriptions, List<Term> elsewhere, List<Format> formats, String graphSrc,
                 List<Group> outgoing, IncomingSection.Incoming incoming) implements PageHead {
        public boolean hasTypes() { return !types.isEmpty(); }

        public boolean hasAltLabels() { return !altLabels.isEmpty(); }

        public boolean hasElsewhere() { return !elsewhere.isEmpty(); }
    }

    /** A node as shown: its text, its link (or null), and for a literal its language or datatype (or null). */
    record Term(String text, String href, String note) {}

    /** A way to get the entity as RDF: the format's name and the link. */
    record Format(String name, String href) {}

    /**
     * The outgoing statements of one property: those shown, and when there are more than
     * {@link #OUTGOING_PER_PROPERTY}, how many and the links to the others (else null).
     */
    record Group(Term property, List<Statement> statements, More more) {}

    /**
     * A property with more values than one page shows: how many; the link to its list ({@code all}, on the entity's
     * page) or, on its list, page {@code page} of {@code pages} with the links before and after (null at either end).
     */
    record More(int total, String all, int page, int pages, String previous, String next) {
        /** Shown on the entity's page: the first values and a link to the list. */
        public boolean first() { return all != null; }
    }

    /**
     * A statement as shown: the value at its other end, its sources (at most {@link #MAX_SOURCES}) and how many
     * more there are (null when none).
     */
    record Statement(Term value, List<Provenance.Source> sources, String moreSources) {}

    /**
     * The page (UTF-8) of an entity known to the graph, with page {@code page} (from 1) of its incoming statements, or when
     * {@code property} is given, page {@code page} of that property's outgoing statements.
     */
    byte[] render(Node entity, int page, Node property) {
        DatasetGraph dsg = kb.dataset();
        return Txn.calculateRead(dsg, () -> {
            View view = new View(dsg);
            Statements out = new Statements(), in = new Statements();
            dsg.find(Node.ANY, entity, Node.ANY, Node.ANY).forEachRemaining(q -> out.add(q, q.getObject()));
            dsg.find(Node.ANY, Node.ANY, Node.ANY, entity).forEachRemaining(q -> in.add(q, q.getSubject()));
            String label = view.labels.of(entity);
            List<Term> types = out.with(RDF.type.asNode(), view.byLabel).stream().map(Statements.Statement::other)
                    .filter(n -> !Types.UNINFORMATIVE.contains(n)).distinct()
                    .map(n -> new Term(view.labels.of(n), ClassController.path(n), null)).toList();
            List<Term> elsewhere = LINKING_OUT.stream().flatMap(p -> out.with(p, view.byLabel).stream())
                    .map(Statements.Statement::other).filter(Node::isURI).distinct().map(view::node).toList();
            return templates.renderUtf8("entity", new Model(label, label, entity.getURI(), types,
                    texts(out, SKOS.altLabel.asNode()),
                    DESCRIBING.stream().flatMap(p -> texts(out, p).stream()).toList(), elsewhere, formats(entity),
                    NeighbourhoodController.path(entity), outgoing(view, out, property, page),
                    new IncomingSection(view, in, INCOMING_PAGE_SIZE).page(property == null ? page : 1)));
        });
    }

    /** Per-request helpers: labels, sources and orderings. */
    final class View {
        final Labels labels;
        final Provenance sources;
        final Comparator<Node> byLabel;
        final Comparator<Node> propertyOrder;

        View(DatasetGraph dsg) {
            labels = new Labels(dsg, kb.prefixes());
            sources = new Provenance(dsg, kb.vocab(), labels);
            Map<Node, String> sortKeys = new HashMap<>(); // lower-cased once per node, not at every comparison
            byLabel = Comparator.comparing((Node n) -> sortKeys.computeIfAbsent(n, x -> labels.of(x).toLowerCase()))
                    .thenComparing((Node n) -> n.toString());
            propertyOrder = Comparator.comparingInt((Node p) -> FIRST.contains(p) ? FIRST.indexOf(p) : FIRST.size())
                    .thenComparing(byLabel);
        }

        /** A node as shown: text, link, and for literals their language or datatype. */
        Term node(Node n) {
            String note = null;
            if (n.isLiteral() && !n.getLiteralLanguage().isEmpty())
                note = n.getLiteralLanguage();
            else if (n.isLiteral() && !n.getLiteralDatatypeURI().endsWith("#string"))
                note = labels.shortName(n.getLiteralDatatypeURI());
            return new Term(labels.of(n), n.isURI() ? Links.href(kb.vocab(), n.getURI()) : null, note);
        }

        /**
         * A statement as shown: its value, its sources (passages, interpretations, external sources, or the
         * inferences and what they come from), at most {@link #MAX_SOURCES}, and how many more there are, in words.
         * Its distinct graphs are counted once for both.
         */
        Statement statement(Statements.Statement s) {
            List<Node> graphs = s.graphs().stream().distinct().toList();
            int more = graphs.size() - MAX_SOURCES;
            return new Statement(node(s.other()), graphs.stream().limit(MAX_SOURCES).map(sources::of).toList(),
                    more <= 0 ? null : "and " + more + " more source" + (more == 1 ? "" : "s"));
        }
    }

    /**
     * The outgoing statements by property, at most {@link #OUTGOING_PER_PROPERTY} of each; of {@code property} (when
     * given) page {@code page} of them.
     */
    private List<Group> outgoing(View view, Statements out, Node property, int page) {
        if (property != null && out.count(property) == 0)
            throw new BadRequestResponse("this entity has no statements with the property " + property.getURI());
        List<Group> groups = new ArrayList<>();
        for (Node p : out.properties(view.propertyOrder)) {
            List<Statements.Statement> all = out.with(p, view.byLabel);
            int n = all.size(), size = OUTGOING_PER_PROPERTY;
            int pages = (n + size - 1) / size;
            int at = p.equals(property) ? page : 1;
            if (at > pages)
                throw new BadRequestResponse("page " + page + " is past the last page of " + p.getURI() + " (" + pages + ")");
            More more = null;
            if (pages > 1) {
                String list = "?property=" + URLEncoder.encode(p.getURI(), StandardCharsets.UTF_8);
                more = p.equals(property)
                        ? new More(n, null, at, pages, at > 1 ? list + "&page=" + (at - 1) : null,
                                at < pages ? list + "&page=" + (at + 1) : null)
                        : new More(n, list, 1, pages, null, null);
            }
            groups.add(new Group(view.node(p), all.subList((at - 1) * size, Math.min(n, at * size)).stream()
                    .map(view::statement).toList(), more));
        }
        return groups;
    }

    private static List<String> texts(Statements out, Node property) {
        return out.with(property, Comparator.comparing(Node::toString)).stream()
                .map(Statements.Statement::other).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .distinct().toList();
    }

    private List<Format> formats(Node entity) {
        String path = Links.href(kb.vocab(), entity.getURI());
        return List.of(RdfFormat.TURTLE, RdfFormat.JSONLD, RdfFormat.NTRIPLES, RdfFormat.RDFXML).stream()
                .map(f -> new Format(label(f), path + "?format=" + f.param()))
                .toList();
    }

    private static String label(RdfFormat f) {
        return switch (f) {
            case TURTLE -> "Turtle";
            case JSONLD -> "JSON-LD";
            case NTRIPLES -> "N-Triples";
            case RDFXML -> "RDF/XML";
            default -> f.param();
        };
    }
}
