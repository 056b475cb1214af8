package org.icakg.store;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;
import org.apache.jena.util.iterator.NullIterator;

/**
 * The union of the named graphs as a triple index that holds no statement of its own: each statement is numbered by
 * its slot in the store's table of statements ({@link Table}, which already holds each statement once however many
 * graphs hold it), and each subject, predicate and object keeps the list of the slots of its statements. Adding a
 * statement appends its slot to three lists; a match walks the shortest list of the pattern's constants and reads the
 * statements from the table. Compared with a second hash index of the same statements (Jena's {@code GraphMem2Fast},
 * which keeps a set of statements per node and tests each add against it), a load does no second hash of the statement
 * and no duplicate test, and the collector traces three {@code int} arrays per node instead of a set of references.
 *
 * <p>Removing a statement finds its slot in the three lists (a linear scan of {@code int}s: a predicate's list of a
 * million slots is scanned in about a millisecond) and moves the last slot into its place, so the lists keep no
 * order. Not thread-safe, as the index that owns it ({@link QuadIndex}).
 */
final class UnionTriples extends GraphBase {

    /** The store's table of statements, read by slot. */
    interface Table {
        /** The statement in {@code slot}, or null when the slot is free. */
        Triple at(int slot);

        /** One past the highest slot in use. */
        int slotLimit();

        /** How many statements the table holds. */
        int size();
    }

    private final Table table;
    private final Map<Node, Slots> bySubject = new HashMap<>(), byPredicate = new HashMap<>(), byObject = new HashMap<>();

    UnionTriples(Table table) {
        this.table = table;
    }

    /** {@code t}, now in {@code slot} of the table, joins the union. */
    void added(Triple t, int slot) {
        slots(bySubject, t.getSubject()).add(slot);
        slots(byPredicate, t.getPredicate()).add(slot);
        slots(byObject, t.getObject()).add(slot);
    }

    /** {@code t}, which was in {@code slot} of the table, leaves the union. */
    void removed(Triple t, int slot) {
        remove(bySubject, t.getSubject(), slot);
        remove(byPredicate, t.getPredicate(), slot);
        remove(byObject, t.getObject(), slot);
    }

    /** The slot of {@code t} in the table, or -1 when the union does not hold it. */
    int slotOf(Triple t) {
        Slots l = bySubject.get(t.getSubject());
        if (l == null)
            return -1;
        for (int i = 0; i < l.size; i++) {
            int slot = l.slots[i];
            if (t.equals(table.at(slot)))
                return slot;
        }
        return -1;
    }

    private static Slots slots(Map<Node, Slots> index, Node n) {
        Slots s = index.get(n);
        if (s == null) {
            s = new Slots();
            index.put(n, s);
        }
        return s;
    }

    private static void remove(Map<Node, Slots> index, Node n, int slot) {
        Slots s = index.get(n);
        if (s == null || !s.remove(slot))
            throw new IllegalStateException("the union's index has no slot " + slot + " for " + n);
        if (s.size == 0)
            index.remove(n);
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getSubject(), p = pattern.getPredicate(), o = pattern.getObject();
        Slots best = shorter(shorter(shorter(null, bySubject, s), byPredicate, p), byObject, o);
        if (best == NONE)
            return NullIterator.instance();
        int bound = (s.isConcrete() ? 1 : 0) + (p.isConcrete() ? 1 : 0) + (o.isConcrete() ? 1 : 0);
        return new Slotted(table, best, bound > 1 ? pattern : null); // null best: every statement
    }

    /** No statement: a constant of the pattern has none. Never in a map, never changed. */
    private static final Slots NONE = new Slots();

    /** The shorter of {@code best} and the list of {@code n} in {@code index}; {@code best} when {@code n} is no constant. */
    private static Slots shorter(Slots best, Map<Node, Slots> index, Node n) {
        if (best == NONE || !n.isConcrete())
            return best;
        Slots l = index.get(n);
        if (l == null)
            return NONE;
        return best == null || l.size < best.size ? l : best;
    }

    @Override
    protected int graphBaseSize() {
        return table.size();
    }

    /** True when {@code t} has each constant of {@code pattern} in its place (anything else matches anything). */
    static boolean matches(Triple pattern, Triple t) {
        return matches(pattern.getSubject(), t.getSubject()) && matches(pattern.getPredicate(), t.getPredicate())
                && matches(pattern.getObject(), t.getObject());
    }

    private static boolean matches(Node pattern, Node n) {
        return !pattern.isConcrete() || pattern.equals(n);
    }

    /** A growable list of slots. */
    static final class Slots {
        int[] slots = new int[2];
        int size;

        void add(int slot) {
            if (size == slots.length)
                slots = java.util.Arrays.copyOf(slots, size + (size >> 1) + 2);
            slots[size++] = slot;
        }

        /** Removes {@code slot} (the last slot takes its place); false when it is not in the list. */
        boolean remove(int slot) {
            int[] a = slots;
            for (int i = size - 1; i >= 0; i--) { // recent statements are the ones most often removed
                if (a[i] == slot) {
                    a[i] = a[--size];
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The statements in the slots of a list, or in every slot of the table when the list is null; those that match
     * {@code pattern} when it is not null (it binds more than the list's node).
     */
    private static final class Slotted extends NiceIterator<Triple> {
        private final Table table;
        private final int[] slots;
        private final int size;
        private final Triple pattern;
        private int next;
        private Triple found;

        Slotted(Table table, Slots list, Triple pattern) {
            this.table = table;
            this.slots = list == null ? null : list.slots;
            this.size = list == null ? table.slotLimit() : list.size;
            this.pattern = pattern;
        }

        @Override
        public boolean hasNext() {
            while (found == null && next < size) {
                Triple t = table.at(slots == null ? next++ : slots[next++]); // null: a free slot of the table
                if (t != null && (pattern == null || matches(pattern, t)))
                    found = t;
            }
            return found != null;
        }

        @Override
        public Triple next() {
            if (!hasNext())
                throw new NoSuchElementException();
            Triple t = found;
            found = null;
            return t;
        }
    }
}
