package org.icakg.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What a change did to the union of the named graphs, which is what the shapes are checked against: the statements
 * it gained (added to some graph and held by no other graph) and the statements it lost (removed from some graph
 * and held by no graph left). A statement added to one more graph leaves the union as it was: a state typed in
 * thousands of passage and inferred graphs gains nothing when a write adds one more inferred graph that types it,
 * so nothing about the state needs checking again.
 */
record UnionChange(List<Triple> added, List<Triple> removed) {

    UnionChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** The union's change, read from {@code dsg} as it is after the change (within the write's transaction). */
    static UnionChange of(DatasetGraph dsg, Collection<Quad> addedQuads, Collection<Quad> removedQuads) {
        Map<Triple, Set<Node>> addedIn = new LinkedHashMap<>();
        for (Quad q : addedQuads)
            if (!Quad.isDefaultGraph(q.getGraph()))
                addedIn.computeIfAbsent(q.asTriple(), t -> new HashSet<>()).add(q.getGraph());
        Set<Triple> removedFrom = new LinkedHashSet<>();
        for (Quad q : removedQuads)
            if (!Quad.isDefaultGraph(q.getGraph()))
                removedFrom.add(q.asTriple());
        // A statement removed from a graph was in the union before; one held by a graph the change did not add it to
        // still is, and was.
        List<Triple> gained = new ArrayList<>();
        addedIn.forEach((t, graphs) -> {
            if (!removedFrom.contains(t) && !heldBeside(dsg, t, graphs))
                gained.add(t);
        });
        List<Triple> lost = new ArrayList<>();
        for (Triple t : removedFrom)
            if (!dsg.findNG(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).hasNext())
                lost.add(t);
        return new UnionChange(gained, lost);
    }

    /**
     * Whether a named graph other than {@code graphs} holds {@code t}. The graphs holding a statement are read in
     * index order and the first one outside {@code graphs} ends the look-up: a statement already in the union is
     * usually found at once, in a graph older than the change.
     */
    private static boolean heldBeside(DatasetGraph dsg, Triple t, Set<Node> graphs) {
        Iterator<Quad> holders = dsg.findNG(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        while (holders.hasNext()) {
            Node g = holders.next().getGraph();
            if (!graphs.contains(g))
                return true;
        }
        return false;
    }
}
