package org.icakg.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.DatatypeConstraint;
import org.apache.jena.shacl.engine.constraint.InConstraint;
import org.apache.jena.shacl.engine.constraint.MaxCount;
import org.apache.jena.shacl.engine.constraint.MinCount;
import org.apache.jena.shacl.engine.constraint.NodeKindConstraint;
import org.apache.jena.shacl.engine.constraint.ShOr;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Statement forms generated from the SHACL shapes, as Jena parsed them ({@link Shapes}): for a set of classes, the
 * node shapes that target them or their superclasses, and one {@link Field} per property their property shapes
 * constrain. A property shape's path, as Jena parsed it, says what the field writes: a property ({@code ica:heldIn}),
 * an inverse path ({@code [ sh:inversePath ica:concerns ]}: the value is the subject, the entity the object), or an
 * alternative path ({@code skos:inScheme|skos:topConceptOf}: the first alternative is written); other paths get no
 * field. The ontology gives each field its name and description; DASH hints on a property shape choose how it is
 * edited ({@code dash:singleLine false} and {@code dash:editor dash:TextAreaEditor}: a text area;
 * {@code dash:AutoCompleteEditor}: an entity by name; {@code dash:URIEditor}: a web address) and how its existing
 * values are shown ({@code dash:viewer}, see {@link Field.Viewer}).
 */
final class ShapeForms {

    static final String DASH = "http://datashapes.org/dash#";
    private static final Node SINGLE_LINE = NodeFactory.createURI(DASH + "singleLine"),
            EDITOR = NodeFactory.createURI(DASH + "editor"),
            VIEWER = NodeFactory.createURI(DASH + "viewer"),
            TEXT_AREA = NodeFactory.createURI(DASH + "TextAreaEditor"),
            AUTO_COMPLETE = NodeFactory.createURI(DASH + "AutoCompleteEditor"),
            URI_EDITOR = NodeFactory.createURI(DASH + "URIEditor");
    private static final Set<String> DATES = Set.of(XSDDatatype.XSDdate.getURI(), XSDDatatype.XSDgYearMonth.getURI(),
            XSDDatatype.XSDgYear.getURI());

    /** A form: its fields in the order of the shapes, and the rules of node shapes that constrain no one property. */
    record Form(List<Field> fields, List<String> notes) {}

    /** What a field writes for a path: statements of {@code property}, with the entity as object when {@code inverse}. */
    record Writes(Node property, boolean inverse) {}

    /** What a field for a property shape of {@code path} writes, or null when it cannot write that path. */
    static Writes writes(Path path) {
        if (path instanceof P_Link link)
            return new Writes(link.getNode(), false);
        if (path instanceof P_Inverse inverse && inverse.getSubPath() instanceof P_Link link)
            return new Writes(link.getNode(), true);
        if (path instanceof P_Alt alt)
            return writes(alt.getLeft());
        return null;
    }

    private final Shapes shapes;
    private final Graph ontology;
    private final Words words;

    ShapeForms(Shapes shapes, Graph ontology, Words words) {
        this.shapes = shapes;
        this.ontology = ontology;
        this.words = words;
    }

    /** The classes a form can be made for: every class a node shape targets, by name. */
    List<Node> classes() {
        Set<Node> out = new LinkedHashSet<>();
        for (Shape s : shapes.getTargetShapes())
            for (Target t : s.getTargets())
                if (t.getTargetType() == TargetType.targetClass && t.getObject().isURI())
                    out.add(t.getObject());
        List<Node> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparing(c -> words.label(ontology, c).toLowerCase(java.util.Locale.ROOT)));
        return sorted;
    }

    /** The node shapes that apply to an instance of {@code classes}. */
    List<Shape> nodeShapes(Set<Node> classes) {
        Set<Node> all = superClasses(classes);
        List<Shape> out = new ArrayList<>();
        for (Shape s : shapes.getTargetShapes())
            if (s.getTargets().stream().anyMatch(t -> t.getTargetType() == TargetType.targetClass && all.contains(t.getObject())))
                out.add(s);
        // In a fixed order (Jena's is the parse's): by IRI, a blank node shape by its messages.
        out.sort(Comparator.comparing((Shape s) -> s.getShapeNode().isURI() ? s.getShapeNode().getURI() : "")
                .thenComparing(s -> s.getMessages().stream().map(Node::getLiteralLexicalForm).sorted().toList().toString()));
        return out;
    }

    /**
     * The form for an entity of {@code classes}. Its order is fixed, the same from start to start (the parsed shapes
     * keep none: an RDF graph is a set, and Jena lists a node's blank property shapes in an order that changes with
     * each parse): the name first, then the required fields, the recommended ones and the rest, each by name; the
     * property shapes of one path are read in the order of {@link #SHAPE_ORDER}, the messages sorted.
     */
    Form form(Set<Node> classes) {
        Map<Writes, Builder> byPath = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Shape node : nodeShapes(classes)) {
            if (!node.getConstraints().isEmpty())
                node.getMessages().forEach(m -> notes.add(m.getLiteralLexicalForm()));
            for (PropertyShape ps : node.getPropertyShapes().stream().sorted(SHAPE_ORDER).toList()) {
                Writes w = writes(ps.getPath());
                if (ps.deactivated() || w == null)
                    continue;
                byPath.computeIfAbsent(w, Builder::new).add(ps);
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Builder b : byPath.values())
            fields.add(b.build());
        fields.sort(Comparator.comparingInt(ShapeForms::group).thenComparing(f -> f.name().toLowerCase(Locale.ROOT))
                .thenComparing(Field::key));
        return new Form(fields, notes.stream().distinct().sorted().toList());
    }

    /** The name (0), required fields (1), recommended ones (2), the rest (3). */
    static int group(Field f) {
        return f.path().equals(RDFS.label.asNode()) ? 0 : f.minCount() > 0 && f.required() ? 1 : f.minCount() > 0 ? 2 : 3;
    }

    /** A fixed order of property shapes, by what they say: their path, then their messages. */
    private static final Comparator<PropertyShape> SHAPE_ORDER = Comparator
            .comparing((PropertyShape ps) -> ps.getPath().toString())
            .thenComparing(ps -> ps.getMessages().stream().map(Node::getLiteralLexicalForm).sorted().toList().toString());

    /** {@code classes} and all their superclasses in the ontology. */
    Set<Node> superClasses(Set<Node> classes) {
        Set<Node> out = new LinkedHashSet<>(classes);
        List<Node> todo = new ArrayList<>(classes);
        while (!todo.isEmpty()) {
            Node c = todo.remove(todo.size() - 1);
            ontology.find(c, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && out.add(t.getObject()))
                    todo.add(t.getObject());
            });
        }
        return out;
    }

    /** The property shapes of one property, merged. */
    private final class Builder {
        final Node path;
        final boolean inverse;
        final List<Path> paths = new ArrayList<>();
        int min;
        boolean required;
        Integer max;
        Node valueClass;
        boolean iri;
        boolean multiLine;
        Node editor;
        Node viewer;
        final List<Node> datatypes = new ArrayList<>();
        final List<Node> options = new ArrayList<>();
        final List<String> rules = new ArrayList<>();

        Builder(Writes w) {
            this.path = w.property();
            this.inverse = w.inverse();
        }

        void add(PropertyShape ps) {
            if (!paths.contains(ps.getPath()))
                paths.add(ps.getPath());
            ps.getMessages().forEach(m -> {
                if (!rules.contains(m.getLiteralLexicalForm()))
                    rules.add(m.getLiteralLexicalForm());
            });
            for (Constraint c : ps.getConstraints()) {
                if (c instanceof MinCount m && m.getMinCount() >= min) {
                    required |= m.getMinCount() > 0 && ps.getSeverity().level().equals(Severity.Violation.level());
                    min = m.getMinCount();
                } else if (c instanceof MaxCount m) {
                    max = max == null ? m.getMaxCount() : Math.min(max, m.getMaxCount());
                } else if (c instanceof ClassConstraint cc) {
                    if (valueClass == null)
                        valueClass = cc.getExpectedClass();
                } else if (c instanceof DatatypeConstraint d) {
                    addDatatype(d.getDatatype());
                } else if (c instanceof ShOr or) {
                    for (Shape alt : or.getOthers())
                        for (Constraint ac : alt.getConstraints())
                            if (ac instanceof DatatypeConstraint d)
                                addDatatype(d.getDatatype());
                } else if (c instanceof InConstraint in) {
                    in.getValues().forEach(v -> {
                        if (!options.contains(v))
                            options.add(v);
                    });
                } else if (c instanceof NodeKindConstraint nk) {
                    iri |= nk.isCanBeIRI() && !nk.isCanBeLiteral();
                }
            }
            Graph g = ps.getShapeGraph();
            Node shape = ps.getShapeNode();
            if (editor == null)
                editor = first(g, shape, EDITOR);
            if (viewer == null)
                viewer = first(g, shape, VIEWER);
            multiLine |= g.contains(shape, SINGLE_LINE, NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean))
                    || g.contains(shape, EDITOR, TEXT_AREA);
        }

        private void addDatatype(Node d) {
            if (!datatypes.contains(d))
                datatypes.add(d);
        }

        Field build() {
            Field.Kind kind = kind();
            String label = words.label(ontology, path);
            String name = path.equals(RDFS.label.asNode()) ? "name" : inverse ? label + " (inverse)" : label;
            String description = inverse ? "Each value is the subject of a \u201c" + label + "\u201d statement whose "
                    + "object is this entity. " + definition(path) : definition(path);
            return new Field((inverse ? "^" : "") + words.shortName(path), path, inverse, paths, name, description,
                    rules.stream().sorted().toList(), min, required, max, kind, kind == Field.Kind.ENTITY ? valueClass(path) : null, datatypes,
                    options, multiLine, Field.Viewer.of(viewer));
        }

        private Field.Kind kind() {
            if (!options.isEmpty())
                return Field.Kind.CHOICE;
            // The shape's DASH editor, where it names one: an entity of the graph chosen by name, or a web address.
            if (AUTO_COMPLETE.equals(editor))
                return Field.Kind.ENTITY;
            if (URI_EDITOR.equals(editor))
                return Field.Kind.IRI;
            if (!datatypes.isEmpty() && datatypes.stream().allMatch(d -> DATES.contains(d.getURI())))
                return Field.Kind.DATE;
            if (datatypes.stream().anyMatch(d -> d.getURI().equals(XSDDatatype.XSDinteger.getURI())))
                return Field.Kind.INTEGER;
            if (datatypes.stream().anyMatch(d -> d.getURI().equals(XSDDatatype.XSDboolean.getURI())))
                return Field.Kind.BOOLEAN;
            if (datatypes.stream().anyMatch(d -> d.getURI().equals(RDF.langString.getURI())))
                return Field.Kind.TEXT;
            if (datatypes.stream().anyMatch(d -> d.getURI().equals(XSDDatatype.XSDstring.getURI())))
                return Field.Kind.STRING;
            if (valueClass != null)
                return Field.Kind.ENTITY;
            if (iri)
                return Field.Kind.IRI;
            return fromOntology();
        }

        /** A property the shapes say nothing of the values of: what the ontology declares it to be. */
        private Field.Kind fromOntology() {
            if (ontology.contains(path, RDF.type.asNode(), OWL2.ObjectProperty.asNode()))
                return Field.Kind.ENTITY;
            Node range = first(ontology, path, RDFS.range.asNode());
            if (range != null && DATES.contains(range.getURI()))
                return Field.Kind.DATE;
            if (range != null && range.getURI().equals(XSDDatatype.XSDinteger.getURI()))
                return Field.Kind.INTEGER;
            if (range != null && range.getURI().equals(XSDDatatype.XSDboolean.getURI()))
                return Field.Kind.BOOLEAN;
            if (range != null && range.getURI().equals(XSDDatatype.XSDstring.getURI()))
                return Field.Kind.STRING;
            return Field.Kind.TEXT;
        }

        private Node valueClass(Node property) {
            if (valueClass != null)
                return valueClass;
            // The value of an inverse path is the subject of the property: of its domain.
            Node range = first(ontology, property, inverse ? RDFS.domain.asNode() : RDFS.range.asNode());
            return range != null && range.isURI() ? range : null;
        }
    }

    private String definition(Node property) {
        Node d = first(ontology, property, SKOS.definition.asNode());
        return d == null ? "" : d.getLiteralLexicalForm();
    }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }
}
