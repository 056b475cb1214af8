package org.icakg.store;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The statements of one named graph that holds more than {@link QuadIndex#SMALL_GRAPH}: in numbered slots, indexed by
 * subject, predicate and object as the union is ({@link UnionTriples} over this table). A graph's statements are
 * known to be distinct (the store's table of statements records which graphs hold each), so an add tests nothing.
 *
 * <p>Jena's {@code GraphMem2Fast}, used here before, shares its hash tables' code with the store's table of
 * statements ({@code FastHashMap}), with arrays of other element types: the optimising compiler, having seen one kind
 * of array where a load stores its keys, met the other, dropped the compiled load path and compiled it again, three to
 * five times per load. Freed slots are taken again by later statements. Not thread-safe, as {@link QuadIndex}.
 */
final class GraphTriples implements UnionTriples.Table {

    private Triple[] slots;
    /** One past the highest slot ever used. */
    private int limit;
    private int size;
    /** Slots freed by removals, taken first by adds. */
    private int[] free = new int[0];
    private int freeCount;
    private final UnionTriples index = new UnionTriples(this);

    /** A graph of the statements {@code ts} (distinct). */
    GraphTriples(List<Triple> ts) {
        slots = new Triple[Math.max(16, ts.size() * 2)];
        for (Triple t : ts)
            add(t);
    }

    /** Adds {@code t}, which the graph does not hold. */
    void add(Triple t) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (limit == slots.length)
                slots = Arrays.copyOf(slots, limit + (limit >> 1));
            slot = limit++;
        }
        slots[slot] = t;
        size++;
        index.added(t, slot);
    }

    /** Removes {@code t}; false when the graph does not hold it. */
    boolean delete(Triple t) {
        int slot = index.slotOf(t);
        if (slot < 0)
            return false;
        index.removed(t, slot);
        slots[slot] = null;
        size--;
        if (freeCount == free.length)
            free = Arrays.copyOf(free, Math.max(8, freeCount * 2));
        free[freeCount++] = slot;
        return true;
    }

    /** The statements matching the pattern ({@code Node.ANY} or null as wildcards). */
    Iterator<Triple> find(Node s, Node p, Node o) { return index.find(s, p, o); }

    boolean isEmpty() { return size == 0; }

    @Override
    public Triple at(int slot) { return slots[slot]; }

    @Override
    public int slotLimit() { return limit; }

    @Override
    public int size() { return size; }
}
