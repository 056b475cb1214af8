package org.icakg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.kb.KnowledgeBase;

/**
 * HTML pages generated from the ontology and the shapes: every class and property with its label, definition,
 * domain, range and super/sub terms (anchored {@code #LocalName}); every shape with its constraints in words.
 */
final class VocabularyPages {

    /** Kinds of term, in the order the ontology page lists them. */
    static final Map<Node, String> KINDS = new LinkedHashMap<>();
    static {
        KINDS.put(OWL2.Class.asNode(), "Class");
        KINDS.put(RDFS.Class.asNode(), "Class");
        KINDS.put(OWL2.ObjectProperty.asNode(), "Object property");
        KINDS.put(OWL2.DatatypeProperty.asNode(), "Datatype property");
        KINDS.put(OWL2.AnnotationProperty.asNode(), "Annotation property");
        KINDS.put(RDF.Property.asNode(), "Property");
    }
    /** Property characteristics worth saying in words. */
    static final Map<Node, String> CHARACTERISTICS = Map.of(OWL2.TransitiveProperty.asNode(), "transitive",
            OWL2.SymmetricProperty.asNode(), "symmetric", OWL2.FunctionalProperty.asNode(), "functional",
            OWL2.InverseFunctionalProperty.asNode(), "inverse-functional");

    private final KnowledgeBase kb;
    private final Templates templates;

    VocabularyPages(KnowledgeBase kb, Templates templates) {
        this.kb = kb;
        this.templates = templates;
    }

    /** The model of {@code ontology.mustache}: the ontology's own description, its classes and its properties. */
    record OntologyPage(String title, String iri, Terms.Term about, List<Row> classes, List<Row> properties)
            implements PageHead {}

    /**
     * One class or property on the ontology page: the term, its links up and down its hierarchy, and for a property
     * its domains, ranges, inverses and characteristics (e.g. "transitive"), for a class where its instances are listed.
     */
    record Row(String anchor, String label, String kind, String iri, String name, String definition,
            List<Terms.Link> supers, List<Terms.Link> subs, List<Terms.Link> domains, List<Terms.Link> ranges,
            List<Terms.Link> inverses, String characteristics, String instancesHref) {

        public boolean hasSupers() { return !supers.isEmpty(); }
        public boolean hasSubs() { return !subs.isEmpty(); }
        public boolean hasDomains() { return !domains.isEmpty(); }
        public boolean hasRanges() { return !ranges.isEmpty(); }
        public boolean hasInverses() { return !inverses.isEmpty(); }
    }

    String ontology() {
        Graph g = kb.ontology();
        Terms terms = new Terms(g, kb.vocab(), kb.prefixes());
        List<Row> classes = new ArrayList<>(), properties = new ArrayList<>();
        for (Node term : declared(g)) {
            String kind = kind(g, term);
            boolean isClass = kind.equals("Class");
            Terms.Term t = terms.describe(term, kind);
            Node hierarchy = isClass ? RDFS.subClassOf.asNode() : RDFS.subPropertyOf.asNode();
            List<Terms.Link> supers = terms.links(g.find(term, hierarchy, Node.ANY).mapWith(x -> x.getObject()).toList());
            List<Terms.Link> subs = terms.links(g.find(Node.ANY, hierarchy, term).mapWith(x -> x.getSubject()).toList());
            Row row = isClass
                    ? new Row(t.anchor(), t.label(), kind, t.iri(), t.name(), t.definition(), supers, subs, List.of(),
                            List.of(), List.of(), null, ClassController.path(term))
                    : new Row(t.anchor(), t.label(), kind, t.iri(), t.name(), t.definition(), supers, subs,
                            terms.links(g.find(term, RDFS.domain.asNode(), Node.ANY).mapWith(x -> x.getObject()).toList()),
                            terms.links(g.find(term, RDFS.range.asNode(), Node.ANY).mapWith(x -> x.getObject()).toList()),
                            terms.links(g.find(term, OWL2.inverseOf.asNode(), Node.ANY).mapWith(x -> x.getObject()).toList()),
                            characteristics(g, term), null);
            (isClass ? classes : properties).add(row);
        }
        Comparator<Row> byLabel = Comparator.comparing(r -> r.label().toLowerCase());
        classes.sort(byLabel);
        properties.sort(byLabel);
        return templates.render("ontology", new OntologyPage("Ontology", kb.vocab().ontologyIri(),
                terms.describe(org.apache.jena.graph.NodeFactory.createURI(kb.vocab().ontologyIri()), "Ontology"),
                classes, properties));
    }

    /** The model of {@code shapes.mustache}: every shape, in words. */
    record ShapesPage(String title, List<ShapeWords.ShapeView> shapes) implements PageHead {}

    String shapes() {
        Graph g = kb.shapes().getGraph();
        ShapeWords words = new ShapeWords(g, new Terms(kb.ontology(), kb.vocab(), kb.prefixes()));
        return templates.render("shapes", new ShapesPage("Shapes", words.shapes()));
    }

    /** IRIs typed as a class or property in the ontology, sorted. */
    private static Set<Node> declared(Graph g) {
        Set<Node> out = new TreeSet<>(Comparator.comparing(Node::getURI));
        for (Node kind : KINDS.keySet())
            g.find(Node.ANY, RDF.type.asNode(), kind).forEachRemaining(t -> {
                if (t.getSubject().isURI())
                    out.add(t.getSubject());
            });
        return out;
    }

    private static String kind(Graph g, Node term) {
        for (Map.Entry<Node, String> k : KINDS.entrySet())
            if (g.contains(term, RDF.type.asNode(), k.getKey()))
                return k.getValue();
        return "Term";
    }

    private static String characteristics(Graph g, Node term) {
        List<String> out = new ArrayList<>();
        CHARACTERISTICS.forEach((type, word) -> {
            if (g.contains(term, RDF.type.asNode(), type))
                out.add(word);
        });
        out.sort(null);
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /** The definition of a term: {@code skos:definition}, else {@code rdfs:comment}. */
    static Node definition(Graph g, Node term) {
        for (Node p : List.of(SKOS.definition.asNode(), RDFS.comment.asNode())) {
            var it = g.find(term, p, Node.ANY);
            if (it.hasNext())
                return it.next().getObject();
        }
        return null;
    }
}
