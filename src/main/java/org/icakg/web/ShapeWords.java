package org.icakg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.vocabulary.RDF;

/**
 * SHACL shapes told in words: each node shape's targets, and each constraint as a sentence with its severity and
 * message. The shapes, their targets, property shapes, paths, severities and messages are read through Jena's parsed
 * {@link Shapes} (paths written by Jena's path writer, with our prefixes); the sentences from each shape's own
 * constraint statements ({@link ValueWords}).
 */
final class ShapeWords {

    private final Graph g;
    private final Shapes parsed;
    private final Terms terms;
    private final Prologue prologue;

    ShapeWords(Graph shapes, Terms terms) {
        this.g = shapes;
        this.parsed = Shapes.parse(shapes);
        this.terms = terms;
        this.prologue = new Prologue(org.apache.jena.riot.system.Prefixes.adapt(terms.prefixes()));
    }

    static Node sh(String local) {
        return NodeFactory.createURI(SHACL.NS + local);
    }

    /** A node shape as shown: its name and anchor (null when unnamed), targets, description and constraints. */
    record ShapeView(String name, String anchor, String targets, String description, List<ConstraintView> constraints) {}

    /** A constraint in words: on what path, what it asks, its severity and its message (or null). */
    record ConstraintView(String path, String text, String severity, String message) {}

    /** Every node shape with targets, and every named node shape, in the order of their names. */
    List<ShapeView> shapes() {
        List<ShapeView> out = new ArrayList<>();
        parsed.iteratorAll().forEachRemaining(shape -> {
            if (shape.isNodeShape() && (shape.hasTarget() || shape.getShapeNode().isURI()))
                out.add(shape(shape));
        });
        out.sort(Comparator.comparing(ShapeView::name));
        return out;
    }

    private ShapeView shape(Shape shape) {
        Node s = shape.getShapeNode();
        List<ConstraintView> constraints = new ArrayList<>();
        String own = words(s);
        if (!own.isEmpty())
            constraints.add(constraint("each focus node", own, shape));
        // Property shapes are blank nodes in no stable order: by path, then by what they ask, the page reads the same every time.
        List<ConstraintView> properties = new ArrayList<>();
        for (PropertyShape p : shape.getPropertyShapes())
            properties.add(constraint(path(p.getPath()), words(p.getShapeNode()), p));
        properties.sort(Comparator.comparing(ConstraintView::path).thenComparing(ConstraintView::text));
        constraints.addAll(properties);
        for (Constraint c : shape.getConstraints())
            if (c instanceof SparqlConstraint)
                constraints.add(constraint("each focus node", "passes a SPARQL check", shape));
        return new ShapeView(s.isURI() ? terms.name(s) : "(unnamed shape)", s.isURI() ? Terms.anchor(s) : null,
                targets(shape), literal(s, sh("description")), constraints);
    }

    private static ConstraintView constraint(String subject, String text, Shape shape) {
        return new ConstraintView(subject, text.isEmpty() ? "(no constraint)" : text,
                Terms.anchor(shape.getSeverity().level()), shape.getMessages().stream().filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).findFirst().orElse(null));
    }

    private String targets(Shape shape) {
        List<String> out = new ArrayList<>();
        for (Target t : shape.getTargets()) {
            String name = terms.name(t.getObject());
            switch (t.getTargetType()) {
                case targetClass, implicitClass -> out.add("every " + name);
                case targetNode -> out.add(name);
                case targetSubjectsOf -> out.add("every subject of " + name);
                case targetObjectsOf -> out.add("every object of " + name);
                default -> out.add("the nodes " + t.getTargetType().compact + " " + name + " selects");
            }
        }
        return out.isEmpty() ? "only where another shape refers to it" : String.join("; ", out);
    }

    /** The constraints on a shape's values, in words: counts first, then kinds of value, then the rest. */
    String words(Node c) {
        List<String> parts = new ArrayList<>();
        Integer min = integer(c, "minCount"), max = integer(c, "maxCount");
        if (min != null && min.equals(max))
            parts.add("exactly " + min);
        else {
            if (min != null)
                parts.add("at least " + min);
            if (max != null)
                parts.add("at most " + max);
        }
        String kind = ValueWords.kind(this, c);
        if (!kind.isEmpty())
            parts.add(kind);
        parts.addAll(ValueWords.facets(this, c));
        return String.join(", ", parts);
    }

    /** A property path in SPARQL notation ({@code ^p}, {@code p/q}, {@code p|q}, {@code p*}), as Jena writes it. */
    String path(Path p) {
        if (p == null)
            return "(no path)";
        IndentedLineBuffer out = new IndentedLineBuffer();
        ShaclPaths.write(out, p, prologue);
        return out.asString();
    }

    Terms terms() { return terms; }

    Node object(Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    List<Node> objects(Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toList();
    }

    /** The members of an RDF list. */
    List<Node> list(Node head) {
        List<Node> out = new ArrayList<>();
        Set<Node> seen = new LinkedHashSet<>();
        for (Node n = head; n != null && !n.equals(RDF.nil.asNode()) && seen.add(n); n = object(n, RDF.rest.asNode())) {
            Node first = object(n, RDF.first.asNode());
            if (first != null)
                out.add(first);
        }
        return out;
    }

    String literal(Node s, Node p) {
        Node o = object(s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private Integer integer(Node s, String p) {
        String v = literal(s, sh(p));
        return v == null ? null : Integer.valueOf(v);
    }
}
