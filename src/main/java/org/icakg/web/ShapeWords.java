package org.icakg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/** SHACL shapes told in words: each node shape's targets, and each constraint as a sentence with its severity and message. */
final class ShapeWords {

    private final Graph g;
    private final Terms terms;

    ShapeWords(Graph shapes, Terms terms) {
        this.g = shapes;
        this.terms = terms;
    }

    static Node sh(String local) {
        return NodeFactory.createURI(SHACL.NS + local);
    }

    /** Every node shape with targets, in the order of their names. */
    List<Map<String, Object>> shapes() {
        Set<Node> shapes = new LinkedHashSet<>();
        for (String target : List.of("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"))
            g.find(Node.ANY, sh(target), Node.ANY).forEachRemaining(t -> shapes.add(t.getSubject()));
        g.find(Node.ANY, RDF.type.asNode(), sh("NodeShape")).forEachRemaining(t -> shapes.add(t.getSubject()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node s : shapes)
            out.add(shape(s));
        out.sort(Comparator.comparing(m -> m.get("name").toString()));
        return out;
    }

    private Map<String, Object> shape(Node s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.isURI() ? terms.name(s) : "(unnamed shape)");
        m.put("anchor", s.isURI() ? Terms.anchor(s) : null);
        m.put("targets", targets(s));
        m.put("description", literal(s, sh("description")));
        List<Map<String, Object>> constraints = new ArrayList<>();
        String own = words(s);
        if (!own.isEmpty())
            constraints.add(constraint("each focus node", own, s));
        g.find(s, sh("property"), Node.ANY).forEachRemaining(t -> {
            Node p = t.getObject();
            constraints.add(constraint(path(object(p, sh("path"))), words(p), p));
        });
        g.find(s, sh("sparql"), Node.ANY).forEachRemaining(t ->
                constraints.add(constraint("each focus node", "passes a SPARQL check", t.getObject())));
        m.put("constraints", constraints);
        return m;
    }

    private Map<String, Object> constraint(String subject, String text, Node c) {
        Node severity = object(c, sh("severity"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", subject);
        m.put("text", text.isEmpty() ? "(no constraint)" : text);
        m.put("severity", severity == null ? "Violation" : Terms.anchor(severity));
        m.put("message", literal(c, sh("message")));
        return m;
    }

    private String targets(Node s) {
        List<String> out = new ArrayList<>();
        g.find(s, sh("targetClass"), Node.ANY).forEachRemaining(t -> out.add("every " + terms.name(t.getObject())));
        g.find(s, sh("targetNode"), Node.ANY).forEachRemaining(t -> out.add(terms.name(t.getObject())));
        g.find(s, sh("targetSubjectsOf"), Node.ANY).forEachRemaining(t -> out.add("every subject of " + terms.name(t.getObject())));
        g.find(s, sh("targetObjectsOf"), Node.ANY).forEachRemaining(t -> out.add("every object of " + terms.name(t.getObject())));
        if (g.contains(s, RDF.type.asNode(), RDFS.Class.asNode()))
            out.add("every " + terms.name(s));
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

    /** A property path in SPARQL-like notation: {@code ^p}, {@code p/q}, {@code (p|q)}, {@code p*}. */
    String path(Node p) {
        if (p == null)
            return "(no path)";
        if (p.isURI())
            return terms.name(p);
        if (g.contains(p, RDF.first.asNode(), Node.ANY))
            return list(p).stream().map(this::path).collect(Collectors.joining("/"));
        Node inner;
        if ((inner = object(p, sh("inversePath"))) != null)
            return "^" + path(inner);
        if ((inner = object(p, sh("alternativePath"))) != null)
            return "(" + list(inner).stream().map(this::path).collect(Collectors.joining("|")) + ")";
        if ((inner = object(p, sh("zeroOrMorePath"))) != null)
            return path(inner) + "*";
        if ((inner = object(p, sh("oneOrMorePath"))) != null)
            return path(inner) + "+";
        if ((inner = object(p, sh("zeroOrOnePath"))) != null)
            return path(inner) + "?";
        return p.toString();
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
