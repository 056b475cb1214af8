package org.icakg.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/**
 * The changes of one write transaction, kept apart from the committed {@link QuadIndex} that readers share: quads
 * added (in an index of their own) and committed quads removed. The writer reads the committed index through
 * them; {@link #applyTo} folds them into it at commit, and an abort simply drops them.
 */
final class PendingWrite implements IndexView {

    private final QuadIndex base;
    private QuadIndex added = new QuadIndex();
    private final Set<Quad> removed = new HashSet<>();
    /** For each statement with removed quads, how many of its graphs were removed. */
    private final Map<Triple, Integer> removedPerStatement = new HashMap<>();

    PendingWrite(QuadIndex base) {
        this.base = base;
    }

    /**
     * Room for {@code statements} statements in a first load: the index of additions is made at that size when
     * nothing is committed and nothing added yet; otherwise nothing changes.
     */
    void expect(int statements) {
        if (base.isEmpty() && added.isEmpty() && removed.isEmpty())
            added = new QuadIndex(statements);
    }

    boolean add(Node g, Triple t) {
        if (base.isEmpty())
            return added.add(g, t); // a first load: nothing committed to compare with
        Quad q = Quad.create(g, t);
        if (removed.remove(q)) {
            removedPerStatement.computeIfPresent(t, (k, n) -> n == 1 ? null : n - 1);
            return true;
        }
        return !base.contains(g, t) && added.add(g, t);
    }

    /** Adds each of {@code ts} to graph {@code g}; the number that were not there. */
    int addAll(Node g, List<Triple> ts) {
        if (base.isEmpty())
            return added.addAll(g, ts); // a first load: one look-up of the graph for all of them
        int n = 0;
        for (Triple t : ts)
            if (add(g, t))
                n++;
        return n;
    }

    boolean delete(Node g, Triple t) {
        if (added.delete(g, t))
            return true;
        if (!base.contains(g, t) || !removed.add(Quad.create(g, t)))
            return false;
        removedPerStatement.merge(t, 1, Integer::sum);
        return true;
    }

    @Override
    public boolean contains(Node g, Triple t) {
        return added.contains(g, t) || base.contains(g, t) && !removed.contains(Quad.create(g, t));
    }

    /**
     * A copy of the union as the writer sees it now, for {@link Stores#unionAsNow}; null when that union is made of
     * both the committed index and changes to it (only a first load, or a write that has changed nothing yet, copies).
     */
    Predicate<Triple> unionAsNow() {
        if (!removed.isEmpty())
            return null;
        if (base.isEmpty())
            return added.unionAsNow();
        return added.isEmpty() ? base.unionAsNow() : null;
    }

    /** The union as the writer sees it: each statement once, while any graph still holds it. */
    @Override
    public Iterator<Triple> union(Node s, Node p, Node o) {
        Iterator<Triple> committed = base.union(s, p, o);
        if (!removedPerStatement.isEmpty())
            committed = Iter.filter(committed, this::stillHeld);
        if (added.isEmpty())
            return committed;
        Iterator<Triple> fresh = added.union(s, p, o);
        return Iter.concat(committed, base.isEmpty() ? fresh : Iter.filter(fresh, t -> !base.unionContains(t)));
    }

    private boolean stillHeld(Triple t) {
        Integer gone = removedPerStatement.get(t);
        return gone == null || base.holderCount(t) - gone + added.holderCount(t) > 0;
    }

    @Override
    public Iterator<Triple> graph(Node g, Node s, Node p, Node o) {
        Iterator<Triple> committed = base.graph(g, s, p, o);
        if (!removed.isEmpty())
            committed = Iter.filter(committed, t -> !removed.contains(Quad.create(g, t)));
        return added.isEmpty() ? committed : Iter.concat(committed, added.graph(g, s, p, o));
    }

    @Override
    public Iterator<Quad> quads(Node s, Node p, Node o) {
        Iterator<Quad> committed = base.quads(s, p, o);
        if (!removed.isEmpty())
            committed = Iter.filter(committed, q -> !removed.contains(q));
        return added.isEmpty() ? committed : Iter.concat(committed, added.quads(s, p, o));
    }

    @Override
    public Iterator<Node> graphNodes() {
        Iterator<Node> committed = Iter.filter(base.graphNodes(), this::containsGraph);
        return Iter.concat(committed, Iter.filter(added.graphNodes(), g -> !base.containsGraph(g)));
    }

    @Override
    public boolean containsGraph(Node g) {
        return added.containsGraph(g) || base.containsGraph(g) && graph(g, Node.ANY, Node.ANY, Node.ANY).hasNext();
    }

    @Override
    public boolean isEmpty() { return !union(Node.ANY, Node.ANY, Node.ANY).hasNext(); }

    @Override
    public long size() {
        if (removed.isEmpty() && added.isEmpty())
            return base.size();
        return Iter.count(union(Node.ANY, Node.ANY, Node.ANY));
    }

    /**
     * The committed index with these changes made. Into an empty index the pending additions are simply taken
     * over, so a first load builds its indexes once.
     */
    QuadIndex applyTo() {
        if (base.isEmpty() && removed.isEmpty())
            return added;
        removed.forEach(q -> base.delete(q.getGraph(), q.asTriple()));
        added.quads(Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> base.add(q.getGraph(), q.asTriple()));
        return base;
    }
}
