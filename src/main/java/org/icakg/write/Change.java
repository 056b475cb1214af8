package org.icakg.write;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;

/** What a write changed, net: the quads it added and those it removed (a quad added then removed is in neither). */
public record Change(List<Quad> added, List<Quad> removed) {

    /** Sorts quads by graph, subject, predicate and object, as N-Quads terms, for stable output. */
    public static final Comparator<Quad> ORDER = Comparator.comparing((Quad q) -> NodeFmtLib.strNT(q.getGraph()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getSubject()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getPredicate()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getObject()));

    public Change {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public static Change none() { return new Change(List.of(), List.of()); }

    public boolean isEmpty() { return added.isEmpty() && removed.isEmpty(); }

    /** Number of quads added plus removed. */
    public int size() { return added.size() + removed.size(); }

    /** The added statements as triples, each once. */
    public List<Triple> addedTriples() { return triples(added); }

    /** The removed statements as triples, each once. */
    public List<Triple> removedTriples() { return triples(removed); }

    /** The same change with both lists in {@link #ORDER}. */
    public Change sorted() {
        return new Change(added.stream().sorted(ORDER).toList(), removed.stream().sorted(ORDER).toList());
    }

    /**
     * The nodes a statement is about, for validation and re-derivation: its subject, and its object unless that
     * is a literal or the class of an {@code rdf:type} statement.
     */
    public static Set<Node> nodesOf(Triple t, Set<Node> into) {
        into.add(t.getSubject());
        Node o = t.getObject();
        if (!o.isLiteral() && !t.getPredicate().equals(org.apache.jena.vocabulary.RDF.type.asNode()))
            into.add(o);
        return into;
    }

    private static List<Triple> triples(List<Quad> quads) {
        Set<Triple> out = new LinkedHashSet<>();
        quads.forEach(q -> out.add(q.asTriple()));
        return List.copyOf(out);
    }
}
