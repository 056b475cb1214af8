package org.icakg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * The statements about one entity in one direction, as (property, other node) pairs with every graph that
 * states each pair; the same triple stated by two passages is one statement with two sources.
 */
final class Statements {

    /** One triple and the graphs holding it. */
    record Statement(Node property, Node other, List<Node> graphs) {}

    private final Map<Node, Map<Node, List<Node>>> byProperty = new LinkedHashMap<>();

    /** Adds a quad, seen from the entity: {@code other} is its object (outgoing) or subject (incoming). */
    void add(Quad q, Node other) {
        byProperty.computeIfAbsent(q.getPredicate(), p -> new LinkedHashMap<>())
                .computeIfAbsent(other, o -> new ArrayList<>()).add(q.getGraph());
    }

    /** The properties, ordered by {@code order}. */
    List<Node> properties(Comparator<Node> order) {
        List<Node> ps = new ArrayList<>(byProperty.keySet());
        ps.sort(order);
        return ps;
    }

    /** Number of distinct statements with a property. */
    int count(Node property) {
        return byProperty.getOrDefault(property, Map.of()).size();
    }

    /** The statements with a property, ordered by the other node. */
    List<Statement> with(Node property, Comparator<Node> order) {
        List<Statement> out = new ArrayList<>();
        byProperty.getOrDefault(property, Map.of()).forEach((o, gs) -> out.add(new Statement(property, o, gs)));
        out.sort(Comparator.comparing(Statement::other, order));
        return out;
    }

    /** Every statement, grouped by property in {@code propertyOrder}, then by the other node. */
    List<Statement> all(Comparator<Node> propertyOrder, Comparator<Node> otherOrder) {
        List<Statement> out = new ArrayList<>();
        for (Node p : properties(propertyOrder))
            out.addAll(with(p, otherOrder));
        return out;
    }

    boolean isEmpty() {
        return byProperty.isEmpty();
    }
}
