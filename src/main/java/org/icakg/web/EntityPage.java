package org.icakg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

/**
 * The HTML view of an entity: label, types, definition; outgoing statements grouped by property; incoming
 * statements counted per property and paged; the source of every statement; links out and to the RDF.
 * Two index look-ups for the statements, then one per label and per source shown.
 */
final class EntityPage {

    /** Incoming statements shown per page. */
    static final int INCOMING_PAGE_SIZE = 50;

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

    /** The page of an entity known to the graph, with page {@code page} (from 1) of its incoming statements. */
    String render(Node entity, int page) {
        DatasetGraph dsg = kb.dataset();
        return Txn.calculateRead(dsg, () -> {
            View view = new View(dsg);
            Statements out = new Statements(), in = new Statements();
            dsg.find(Node.ANY, entity, Node.ANY, Node.ANY).forEachRemaining(q -> out.add(q, q.getObject()));
            dsg.find(Node.ANY, Node.ANY, Node.ANY, entity).forEachRemaining(q -> in.add(q, q.getSubject()));
            Map<String, Object> model = new LinkedHashMap<>();
            String label = view.labels.of(entity);
            model.put("title", label);
            model.put("label", label);
            model.put("iri", entity.getURI());
            list(model, "types", links(view, out.with(RDF.type.asNode(), view.byLabel).stream()
                    .map(Statements.Statement::other).filter(n -> !Types.UNINFORMATIVE.contains(n)).toList(), true));
            list(model, "altLabels", texts(out, SKOS.altLabel.asNode()));
            model.put("descriptions", DESCRIBING.stream().flatMap(p -> texts(out, p).stream()).toList());
            list(model, "elsewhere", links(view, LINKING_OUT.stream().flatMap(p -> out.with(p, view.byLabel).stream())
                    .map(Statements.Statement::other).filter(Node::isURI).toList(), false));
            model.put("outgoing", outgoing(view, out));
            new IncomingSection(view, in, INCOMING_PAGE_SIZE).addTo(model, page);
            model.put("formats", formats(entity));
            model.put("graphSrc", NeighbourhoodController.path(entity));
            return templates.render("entity", model);
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
            byLabel = Comparator.comparing((Node n) -> labels.of(n).toLowerCase()).thenComparing((Node n) -> n.toString());
            propertyOrder = Comparator.comparingInt((Node p) -> FIRST.contains(p) ? FIRST.indexOf(p) : FIRST.size())
                    .thenComparing(byLabel);
        }

        /** A template model of a node: text, link, and for literals their language or datatype. */
        Map<String, Object> node(Node n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", labels.of(n));
            if (n.isURI())
                m.put("href", Links.href(kb.vocab(), n.getURI()));
            if (n.isLiteral() && !n.getLiteralLanguage().isEmpty())
                m.put("note", n.getLiteralLanguage());
            else if (n.isLiteral() && !n.getLiteralDatatypeURI().endsWith("#string"))
                m.put("note", labels.shortName(n.getLiteralDatatypeURI()));
            return m;
        }

        /** The sources of a statement: passages, interpretations, external sources, or the inferences and what they come from. */
        Map<String, Object> statement(Statements.Statement s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", node(s.other()));
            m.put("sources", s.graphs().stream().distinct().map(sources::of).toList());
            return m;
        }
    }

    /** Puts a list and a flag {@code hasName} telling whether it has elements. */
    static void list(Map<String, Object> model, String name, List<?> values) {
        model.put(name, values);
        model.put("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1), !values.isEmpty());
    }

    private List<Map<String, Object>> outgoing(View view, Statements out) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Node p : out.properties(view.propertyOrder)) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("property", view.node(p));
            g.put("statements", out.with(p, view.byLabel).stream().map(view::statement).toList());
            groups.add(g);
        }
        return groups;
    }

    private List<Map<String, Object>> links(View view, List<Node> nodes, boolean asClasses) {
        return nodes.stream().distinct().map(n -> {
            Map<String, Object> m = view.node(n);
            if (asClasses)
                m.put("href", ClassController.path(n));
            else
                m.put("link", Links.href(kb.vocab(), n.getURI()));
            return m;
        }).toList();
    }

    private static List<String> texts(Statements out, Node property) {
        return out.with(property, Comparator.comparing(Node::toString)).stream()
                .map(Statements.Statement::other).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .distinct().toList();
    }

    private List<Map<String, String>> formats(Node entity) {
        String path = Links.href(kb.vocab(), entity.getURI());
        return List.of(RdfFormat.TURTLE, RdfFormat.JSONLD, RdfFormat.NTRIPLES, RdfFormat.RDFXML).stream()
                .map(f -> Map.of("name", label(f), "href", path + "?format=" + f.param()))
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
