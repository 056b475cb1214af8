package org.icakg.validate;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * What a change did to each node it touched, seen from that node: the values each predicate gained and lost, in
 * both directions (a statement {@code s p o} gives {@code s} an outgoing value {@code o} and {@code o} an incoming
 * value {@code s}), and which nodes' types changed. Also the values to check again without a count changing: the
 * neighbours of a node whose types changed (a {@code sh:class} constraint on them may now fail).
 */
final class ChangeScope {

    /** One node's view of the change. Each map goes from a predicate to the values concerned. */
    static final class Touch {
        final Map<Node, Set<Node>> addedOut = new HashMap<>(), removedOut = new HashMap<>(),
                addedIn = new HashMap<>(), removedIn = new HashMap<>(), recheckOut = new HashMap<>(),
                recheckIn = new HashMap<>();

        /** Values gained through {@code p} in one direction. */
        Set<Node> added(Node p, boolean forward) { return get(forward ? addedOut : addedIn, p); }

        /** Values lost through {@code p} in one direction. */
        Set<Node> removed(Node p, boolean forward) { return get(forward ? removedOut : removedIn, p); }

        /** Values through {@code p} whose own types changed. */
        Set<Node> recheck(Node p, boolean forward) { return get(forward ? recheckOut : recheckIn, p); }

        /** True when the node gained or lost an outgoing statement (what {@code sh:closed} looks at). */
        boolean outgoingChanged() { return !addedOut.isEmpty() || !removedOut.isEmpty(); }

        /** Every predicate through which this node's values changed or need checking, either direction. */
        Set<Node> predicates() {
            Set<Node> out = new LinkedHashSet<>();
            for (Map<Node, Set<Node>> m : java.util.List.of(addedOut, removedOut, addedIn, removedIn, recheckOut, recheckIn))
                out.addAll(m.keySet());
            return out;
        }

        private static Set<Node> get(Map<Node, Set<Node>> m, Node p) { return m.getOrDefault(p, Set.of()); }
    }

    private final Map<Node, Touch> touched = new LinkedHashMap<>();
    private final Set<Node> typeChanged = new LinkedHashSet<>();

    /** The scope of {@code added} and {@code removed} statements, read against {@code data} (after the change). */
    ChangeScope(Graph data, Collection<Triple> added, Collection<Triple> removed) {
        Node type = RDF.type.asNode();
        for (Triple t : added)
            note(t, true);
        for (Triple t : removed)
            note(t, false);
        for (Triple t : added)
            if (t.getPredicate().equals(type))
                typeChanged.add(t.getSubject());
        for (Triple t : removed)
            if (t.getPredicate().equals(type))
                typeChanged.add(t.getSubject());
        for (Node n : typeChanged) {
            data.find(Node.ANY, Node.ANY, n).forEachRemaining(t ->
                    put(touch(t.getSubject()).recheckOut, t.getPredicate(), n));
            data.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (!t.getObject().isLiteral() && !t.getPredicate().equals(type))
                    put(touch(t.getObject()).recheckIn, t.getPredicate(), n);
            });
        }
    }

    /** Every node the change touched, each once, in a stable order. */
    Set<Node> nodes() { return touched.keySet(); }

    Touch touch(Node n) { return touched.computeIfAbsent(n, k -> new Touch()); }

    /** Nodes that gained or lost a type (asserted or inferred): whatever targets them may have changed. */
    Set<Node> typeChanged() { return typeChanged; }

    private void note(Triple t, boolean add) {
        Touch s = touch(t.getSubject());
        put(add ? s.addedOut : s.removedOut, t.getPredicate(), t.getObject());
        // The class of an rdf:type statement is not touched: no shape looks at a class's instances.
        if (t.getObject().isLiteral() || t.getPredicate().equals(RDF.type.asNode()))
            return;
        Touch o = touch(t.getObject());
        put(add ? o.addedIn : o.removedIn, t.getPredicate(), t.getSubject());
    }

    private static void put(Map<Node, Set<Node>> m, Node p, Node value) {
        m.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(value);
    }
}
