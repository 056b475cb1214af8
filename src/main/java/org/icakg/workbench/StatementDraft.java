package org.icakg.workbench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.kb.Vocab;

/**
 * What a maintainer typed in a statement form, turned into the statements it makes in the passage's graph: the
 * values of each field (names of entities resolved among the instances of the field's class, or new entities
 * created inline when asked; dates typed by their precision), the existing values ticked for removal (only those
 * the passage's own graph states), with the problems found on the way by field. A correction is a removal and an
 * addition in the same write.
 */
final class StatementDraft {

    /** Most hits of the search index looked at to resolve a name. */
    static final int MAX_CANDIDATES = 50;

    /**
     * The form as posted: values by field key, in order, the inputs whose entity is to be created, and the existing
     * values to remove (as {@link #token} wrote them) by field key.
     */
    record Input(Map<String, List<String>> values, Map<String, Set<Integer>> create, Map<String, List<String>> remove) {

        static Input empty() {
            return new Input(Map.of(), Map.of(), Map.of());
        }
    }

    /** The statements made, those removed, the subject, and the entities created inline with the field that named them. */
    record Result(List<Quad> quads, List<Quad> removed, Node subject, Map<Node, String> created) {}

    /** How a form names an existing value it may remove: the value in N-Triples syntax. */
    static String token(Node value) {
        return NodeFmtLib.strNT(value);
    }

    private final Vocab vocab;
    private final Words words;
    private final BiFunction<String, Integer, List<Node>> search;

    StatementDraft(Vocab vocab, Words words, BiFunction<String, Integer, List<Node>> search) {
        this.vocab = vocab;
        this.words = words;
        this.search = search;
    }

    /**
     * The statements a form makes about {@code subject} (an existing entity), or about a new entity of
     * {@code newClass} when {@code subject} is null, and the statements of {@code passageGraph} about
     * {@code subject} it removes; problems go to {@code issues}. Call inside a read of {@code union}.
     */
    Result build(Node passage, Node subject, Node newClass, List<Field> fields, Input input, Graph union,
                 Graph passageGraph, Issues issues) {
        List<Quad> quads = new ArrayList<>();
        List<Quad> removed = subject == null ? List.of() : removals(passage, subject, fields, input, union, passageGraph, issues);
        Map<Node, String> created = new LinkedHashMap<>();
        Node s = subject;
        if (s == null) {
            String label = first(input.values().get(words.shortName(RDFS.label.asNode())));
            if (label.isEmpty()) {
                issues.reject(words.shortName(RDFS.label.asNode()), "A new entity needs its name (rdfs:label): it is "
                        + "how pages show it and how search finds it.", "");
                return new Result(List.of(), List.of(), null, created);
            }
            s = NodeFactory.createURI(vocab.entityNs() + Words.kind(newClass) + "/" + Words.slug(label));
            if (union.contains(s, Node.ANY, Node.ANY)) {
                issues.reject(words.shortName(RDFS.label.asNode()), "An entity " + words.shortName(s) + " (“"
                        + words.label(union, s) + "”) exists already: extend it instead of creating it again.", label);
                return new Result(List.of(), List.of(), null, created);
            }
            quads.add(Quad.create(passage, s, RDF.type.asNode(), newClass));
        }
        for (Field f : fields) {
            List<String> typed = input.values().getOrDefault(f.key(), List.of());
            Set<Integer> toCreate = input.create().getOrDefault(f.key(), Set.of());
            for (int i = 0; i < typed.size(); i++) {
                String text = typed.get(i).strip();
                if (text.isEmpty())
                    continue;
                Node value = value(f, text, toCreate.contains(i), passage, union, quads, created, issues);
                if (value != null)
                    quads.add(f.inverse() ? Quad.create(passage, value, f.path(), s) : Quad.create(passage, s, f.path(), value));
            }
        }
        return new Result(quads, removed, s, created);
    }

    /** The statements of the passage's graph ticked for removal; a value the passage does not state is refused. */
    private List<Quad> removals(Node passage, Node subject, List<Field> fields, Input input, Graph union,
                                Graph passageGraph, Issues issues) {
        List<Quad> out = new ArrayList<>();
        for (Field f : fields) {
            for (String token : input.remove().getOrDefault(f.key(), List.of())) {
                Node value;
                try {
                    value = NodeFactoryExtra.parseNode(token.strip());
                } catch (RuntimeException e) {
                    issues.reject(f.key(), "Not a value this form offered for removal: reload the form.", token);
                    continue;
                }
                Quad q = f.inverse() ? Quad.create(passage, value, f.path(), subject) : Quad.create(passage, subject, f.path(), value);
                if (!passageGraph.contains(q.asTriple())) {
                    issues.reject(f.key(), "This passage does not state “" + words.label(union, value) + "” here: a "
                            + "statement can be removed or corrected only in the passage that makes it.", words.label(union, value));
                    continue;
                }
                if (!out.contains(q))
                    out.add(q);
            }
        }
        return out;
    }


    private Node value(Field f, String text, boolean create, Node passage, Graph union, List<Quad> quads,
                       Map<Node, String> created, Issues issues) {
        try {
            return switch (f.kind()) {
                case DATE -> Dates.parse(text);
                case INTEGER -> NodeFactory.createLiteralDT(Integer.toString(Integer.parseInt(text)), XSDDatatype.XSDinteger);
                case BOOLEAN -> NodeFactory.createLiteralDT(Boolean.toString(Boolean.parseBoolean(text)), XSDDatatype.XSDboolean);
                case TEXT -> NodeFactory.createLiteralLang(text, "en");
                case STRING -> NodeFactory.createLiteralString(text);
                case IRI -> {
                    if (!SourceForm.isWeb(text))
                        throw new IllegalArgumentException("Not a web address: write an http or https URL.");
                    yield NodeFactory.createURI(text);
                }
                case CHOICE -> {
                    Node n = NodeFactory.createURI(text);
                    if (!f.options().contains(n))
                        throw new IllegalArgumentException("Choose one of the values offered.");
                    yield n;
                }
                case ENTITY -> entity(f, text, create, passage, union, quads, created);
            };
        } catch (NumberFormatException e) {
            issues.reject(f.key(), "Not a whole number: “" + text + "”.", text);
        } catch (IllegalArgumentException e) {
            issues.reject(f.key(), e.getMessage(), text);
        }
        return null;
    }

    /** The entity {@code text} names among the instances of the field's class, or a new one when asked. */
    private Node entity(Field f, String text, boolean create, Node passage, Graph union, List<Quad> quads,
                        Map<Node, String> created) {
        Node cls = f.valueClass();
        String what = cls == null ? "entity" : words.label(union, cls);
        if (SourceForm.isWeb(text)) {
            Node iri = NodeFactory.createURI(text);
            if (union.contains(iri, Node.ANY, Node.ANY) && (cls == null || union.contains(iri, RDF.type.asNode(), cls)))
                return iri;
        }
        List<Node> exact = new ArrayList<>();
        for (Node e : search.apply(text, MAX_CANDIDATES))
            if ((cls == null || union.contains(e, RDF.type.asNode(), cls)) && named(union, e, text))
                exact.add(e);
        if (exact.size() == 1 && !create)
            return exact.get(0);
        if (exact.size() > 1)
            throw new IllegalArgumentException("Several " + what + "s are named “" + text + "”: "
                    + String.join(", ", exact.stream().map(words::shortName).toList()) + "; type the IRI of the one meant.");
        if (!create)
            throw new IllegalArgumentException("No " + what + " is named “" + text + "”: pick one of the suggestions, "
                    + "or tick “new” to add a " + what + " of that name.");
        if (cls == null)
            throw new IllegalArgumentException("This field does not say which class its values have, so a new entity "
                    + "cannot be made here: add it with its own form first.");
        Node n = NodeFactory.createURI(vocab.entityNs() + Words.kind(cls) + "/" + Words.slug(text));
        if (union.contains(n, Node.ANY, Node.ANY))
            throw new IllegalArgumentException("An entity " + words.shortName(n) + " exists already but is not a " + what
                    + ": choose another name for the new one.");
        if (created.put(n, f.key()) == null) {
            quads.add(Quad.create(passage, n, RDF.type.asNode(), cls));
            quads.add(Quad.create(passage, n, RDFS.label.asNode(), NodeFactory.createLiteralLang(text, "en")));
        }
        return n;
    }

    /** True when {@code e} has {@code text} as its label or an alternative label, ignoring case and accents. */
    private static boolean named(Graph union, Node e, String text) {
        String want = fold(text);
        for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode()))
            for (var t : union.find(e, p, Node.ANY).toList())
                if (t.getObject().isLiteral() && fold(t.getObject().getLiteralLexicalForm()).equals(want))
                    return true;
        return false;
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .strip().replaceAll("\\s+", " ");
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    /** The classes of an existing entity that the shapes can make a form for. */
    static Set<Node> typesOf(Graph union, Node entity) {
        Set<Node> out = new LinkedHashSet<>();
        union.find(entity, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI())
                out.add(t.getObject());
        });
        return out;
    }
}
