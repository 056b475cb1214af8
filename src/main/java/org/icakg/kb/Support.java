package org.icakg.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Node;

/** A set of graphs whose statements, with the ontology, entail a statement; sorted, so equal sets are equal. */
public record Support(List<Node> graphs) {

    private static final Comparator<Node> BY_IRI = Comparator.comparing(Node::toString);

    public Support {
        if (graphs.isEmpty())
            throw new IllegalArgumentException("a support names at least one graph");
        graphs = graphs.size() == 1 ? List.of(graphs.get(0)) : sorted(graphs);
    }

    private static List<Node> sorted(List<Node> graphs) {
        List<Node> sorted = new ArrayList<>(graphs.stream().distinct().toList());
        sorted.sort(BY_IRI);
        return List.copyOf(sorted);
    }

    /** The support of a statement asserted in {@code graph}. */
    public static Support of(Node graph) { return new Support(List.of(graph)); }

    /** The support of a derivation that takes premises entailed by this support and by {@code other}. */
    public Support with(Support other) {
        if (other.equals(this))
            return this;
        List<Node> all = new ArrayList<>(graphs);
        all.addAll(other.graphs);
        return new Support(all);
    }

    /** True when every graph of {@code other} is in this support. */
    public boolean includes(Support other) { return graphs.containsAll(other.graphs); }
}
