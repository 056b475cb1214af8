package org.icakg.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;

/**
 * Checks data against the SHACL shapes and against the ontology: every class and property used must be
 * declared, and no individual may belong to two disjoint classes.
 */
public final class Validator {

    /** Namespaces whose terms need no declaration in the ontology. */
    private static final List<String> BUILT_IN = List.of(RDF.getURI(), RDFS.getURI(), OWL2.getURI(), XSD.getURI());

    private static final Set<Node> DECLARATION_TYPES = Set.of(
            OWL2.Class.asNode(), RDFS.Class.asNode(), OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(),
            OWL2.AnnotationProperty.asNode(), RDF.Property.asNode());

    private final Shapes shapes;
    private final Graph ontology;
    private final Set<Node> declared = new HashSet<>();
    private final Node undeclaredTerm;
    private final Node disjointClasses;
    private final ShapeAnalysis analysis;
    private final Map<Constraint, ShapeAnalysis.Reads> reads = new ConcurrentHashMap<>();

    public Validator(Shapes shapes, Graph ontology, Vocab vocab) {
        this.shapes = shapes;
        this.analysis = new ShapeAnalysis(shapes);
        this.ontology = ontology;
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (DECLARATION_TYPES.contains(t.getObject()))
                declared.add(t.getSubject());
        });
        this.undeclaredTerm = NodeFactory.createURI(vocab.base() + "validation#UndeclaredTerm");
        this.disjointClasses = NodeFactory.createURI(vocab.base() + "validation#DisjointClasses");
    }

    /** A validator for {@code kb}'s shapes and ontology. */
    public static Validator of(KnowledgeBase kb) {
        return new Validator(kb.shapes(), kb.ontology(), kb.vocab());
    }

    public Shapes shapes() { return shapes; }

    /** True when a write is validated on what it can change (the shapes allow it), not on whole touched nodes. */
    public boolean scopesWrites() { return analysis.shallow(); }

    /**
     * Validates {@code data} (everything the shapes may need to see: data, ontology and inferred statements)
     * and checks the terms used by the {@code asserted} statements.
     */
    public ValidationReport validate(Graph data, Iterator<Triple> asserted) {
        ValidationReport shacl = ShaclValidator.get().validate(shapes, data);
        ValidationReport.Builder all = ValidationReport.create();
        shacl.getEntries().forEach(all::addReportEntry);
        undeclaredTerms(asserted).forEach(all::addReportEntry);
        disjointness(data).forEach(all::addReportEntry);
        return all.build();
    }

    /**
     * Validates what a change can have affected, given that {@code data} (as it is after the change) conformed
     * before it: {@code added} and {@code removed} are every statement the change added and removed, asserted and
     * inferred; {@code asserted} the asserted additions, whose terms must be declared. See {@link ScopedValidation}
     * for what is checked; with shapes it cannot scope exactly, every touched node is validated in full, and so are
     * the nodes pointing at a node that lost statements.
     */
    public ValidationReport validateChange(Graph data, Collection<Triple> added, Collection<Triple> removed,
                                           Iterator<Triple> asserted) {
        ChangeScope scope = new ChangeScope(data, added, removed);
        ScopedValidation scoped = new ScopedValidation(shapes, data, reads);
        Set<Node> retyped = scope.typeChanged();
        ValidationReport shacl;
        if (analysis.shallow()) {
            shacl = scoped.validate(scope);
        } else {
            Set<Node> focus = new LinkedHashSet<>(scope.nodes());
            for (Triple t : removed)
                data.find(Node.ANY, Node.ANY, t.getSubject()).forEachRemaining(r -> focus.add(r.getSubject()));
            shacl = scoped.validateWhole(focus);
            retyped = focus;
        }
        ValidationReport.Builder all = ValidationReport.create();
        shacl.getEntries().forEach(all::addReportEntry);
        undeclaredTerms(asserted).forEach(all::addReportEntry);
        // Only a node whose types changed can have come to belong to two disjoint classes.
        disjointness(data, retyped).forEach(all::addReportEntry);
        return all.build();
    }

    private List<ReportEntry> undeclaredTerms(Iterator<Triple> asserted) {
        List<ReportEntry> out = new ArrayList<>();
        Set<Triple> reported = new HashSet<>();
        while (asserted.hasNext()) {
            Triple t = asserted.next();
            Node p = t.getPredicate();
            if (!isKnown(p) && reported.add(Triple.create(Node.ANY, p, Node.ANY)))
                out.add(entry(t.getSubject(), p, p, "Unknown property " + p.getURI()
                        + ": it is not declared in the ontology (declare it, or fix the spelling)"));
            if (p.equals(RDF.type.asNode()) && t.getObject().isURI() && !isKnown(t.getObject())
                    && reported.add(Triple.create(Node.ANY, p, t.getObject())))
                out.add(entry(t.getSubject(), p, t.getObject(), "Unknown class " + t.getObject().getURI()
                        + ": it is not declared in the ontology (declare it, or fix the spelling)"));
        }
        return out;
    }

    private boolean isKnown(Node term) {
        if (!term.isURI() || declared.contains(term))
            return true;
        String iri = term.getURI();
        return BUILT_IN.stream().anyMatch(iri::startsWith);
    }

    private ReportEntry entry(Node focus, Node path, Node value, String message) {
        return ReportEntry.create().focusNode(focus).resultPath(new P_Link(path)).value(value)
                .severity(Severity.Violation).sourceConstraintComponent(undeclaredTerm).message(message);
    }

    private List<ReportEntry> disjointness(Graph data) {
        return disjointness(data, null);
    }

    private List<ReportEntry> disjointness(Graph data, Set<Node> only) {
        List<ReportEntry> out = new ArrayList<>();
        Node type = RDF.type.asNode();
        // Scoped checks look at the few nodes given, not at every member of the class, and read each one's types once
        // (one index range on a store) rather than two look-ups per axiom: the ontology has some ninety axioms.
        Map<Node, Set<Node>> typesOf = new HashMap<>();
        ontology.find(Node.ANY, OWL2.disjointWith.asNode(), Node.ANY).forEachRemaining(axiom -> {
            Node a = axiom.getSubject(), b = axiom.getObject();
            if (only != null) {
                for (Node x : only) {
                    Set<Node> types = typesOf.computeIfAbsent(x, n -> GraphUtil.listObjects(data, n, type).toSet());
                    if (types.contains(a) && types.contains(b))
                        out.add(disjoint(x, a, b));
                }
                return;
            }
            data.find(Node.ANY, type, a).mapWith(Triple::getSubject).forEachRemaining(x -> {
                if (data.contains(x, type, b))
                    out.add(disjoint(x, a, b));
            });
        });
        return out;
    }

    private ReportEntry disjoint(Node x, Node a, Node b) {
        return ReportEntry.create().focusNode(x).resultPath(new P_Link(RDF.type.asNode())).value(b)
                .severity(Severity.Violation).sourceConstraintComponent(disjointClasses)
                .message("Belongs to " + a.getURI() + " and " + b.getURI() + ", which the ontology declares disjoint");
    }
}
