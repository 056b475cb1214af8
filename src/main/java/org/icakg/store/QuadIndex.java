package org.icakg.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.collection.FastHashMap;
import org.apache.jena.sparql.core.Quad;

/**
 * Statements in named graphs, held three ways: a real triple index of their union (the default graph readers see,
 * without duplicates), an index from each statement to the graphs that hold it (which answers {@code GRAPH ?g}
 * from the union's match, and is the reference count that keeps a statement in the union while any graph holds
 * it), and one triple index per named graph. Not thread-safe: {@link MemoryStore} changes it only while no
 * reader is active.
 */
final class QuadIndex implements IndexView {

    /** Statements held by more graphs than this keep their graphs in a hash set rather than an array. */
    static final int SMALL_HOLDERS = 8;

    /**
     * Statement → the graph that holds it ({@link Node}), the graphs ({@code Node[]}) when a few do, or a
     * {@code Set<Node>} when more than {@link #SMALL_HOLDERS} do: a statement of a hub (a class every passage's
     * subjects share) is held by thousands of graphs, and adding or testing one of them must not scan them all.
     * Each statement's slot in this table is its number in the union's index.
     */
    private final Holders holders;
    /** The union, indexed by subject, predicate and object over the slots of {@link #holders}. */
    private final UnionTriples union;
    /**
     * Named graph → its statements: a list while it holds at most {@link #SMALL_GRAPH} (a passage holds a few dozen,
     * and tens of thousands of triple indexes that small cost more to build and keep than to scan), a triple index
     * ({@link GraphTriples}) once it holds more.
     */
    private final Map<Node, Object> graphs = new HashMap<>();

    /** Graphs holding at most this many statements are scanned rather than indexed. */
    static final int SMALL_GRAPH = 64;

    QuadIndex() {
        this(new Holders());
    }

    /**
     * An empty index with room for {@code expected} statements: its table of statements is made at that size once
     * rather than doubled some twenty times while a load fills it (each doubling places every statement again, at
     * random across the table: a seventh of the loading thread's time in a load of a million statements).
     */
    QuadIndex(int expected) {
        this(new Holders(Math.max(expected, 16)));
    }

    private QuadIndex(Holders holders) {
        this.holders = holders;
        this.union = new UnionTriples(holders);
    }

    /** Look-ups by predicate and subject or object, once this index is what readers read ({@link #readByColumns}). */
    private PredicateColumns columns;

    /**
     * From now on, look-ups of a predicate with a constant subject or object are answered from columns of the
     * predicate's statements, built when used often ({@link PredicateColumns}). Called on the committed index, while
     * no reader is active; an index a writer is still filling keeps scanning (a writer reads its own statements
     * once or twice, too few look-ups to pay for a column, and each statement it adds would update them).
     */
    void readByColumns() {
        if (columns == null)
            columns = new PredicateColumns(union);
    }

    /** Columns built so far on this index (see {@link PredicateColumns#builds}). */
    int columnBuilds() { return columns == null ? 0 : columns.builds(); }

    /** Adds {@code t} to graph {@code g}; false when it was there already. */
    boolean add(Node g, Triple t) {
        if (!hold(g, t))
            return false;
        Object statements = graphs.get(g);
        Object now = with(statements, t);
        if (now != statements)
            graphs.put(g, now);
        return true;
    }

    /**
     * Adds each of {@code ts} to graph {@code g}, as {@link #add} does one by one, with one look-up of the graph for
     * all of them (the inferred statements of a passage are written together). Returns how many were not there.
     */
    int addAll(Node g, List<Triple> ts) {
        Object was = graphs.get(g);
        Object statements = was == null && ts.size() <= SMALL_GRAPH ? new ArrayList<Triple>(ts.size()) : was;
        int added = 0;
        for (Triple t : ts) {
            if (hold(g, t)) {
                statements = with(statements, t);
                added++;
            }
        }
        if (added > 0 && statements != was)
            graphs.put(g, statements);
        return added;
    }

    /** A graph's statements ({@link #graphs}: null, a list or a graph) with {@code t} added: the same object or its successor. */
    private static Object with(Object statements, Triple t) {
        if (statements == null) {
            List<Triple> one = new ArrayList<>(4);
            one.add(t);
            return one;
        }
        if (statements instanceof GraphTriples graph) {
            graph.add(t);
            return graph;
        }
        ArrayList<Triple> few = smallGraph(statements);
        few.add(t);
        if (few.size() <= SMALL_GRAPH)
            return few;
        return new GraphTriples(few);
    }

    /** Records that graph {@code g} holds {@code t}, in the union and the holders; false when it held it already. */
    private boolean hold(Node g, Triple t) {
        Object h = holders.putIfAbsent(t, g);
        if (h == null) {
            union.added(t, holders.lastAdded);
            if (columns != null)
                columns.added(t);
        } else if (h instanceof Node n) {
            if (n.equals(g))
                return false;
            holders.put(t, new Node[] {n, g});
        } else if (h instanceof Node[] in) {
            if (indexOf(in, g) >= 0)
                return false;
            if (in.length < SMALL_HOLDERS) {
                Node[] more = Arrays.copyOf(in, in.length + 1);
                more[in.length] = g;
                holders.put(t, more);
            } else {
                Set<Node> many = new LinkedHashSet<>();
                for (Node n : in) // a loop, not Arrays.asList: the copy's call sites stay monomorphic in a hot method
                    many.add(n);
                many.add(g);
                holders.put(t, many);
            }
        } else if (!manyHolders(h).add(g)) {
            return false;
        }
        return true;
    }

    /** Removes {@code t} from graph {@code g}; false when it was not there. The union keeps it while any graph does. */
    boolean delete(Node g, Triple t) {
        Object h = holders.get(t);
        if (h == null)
            return false;
        if (h instanceof Node n) {
            if (!n.equals(g))
                return false;
            union.removed(t, holders.removeSlot(t));
            if (columns != null)
                columns.removed(t);
        } else if (h instanceof Node[] in) {
            int i = indexOf(in, g);
            if (i < 0)
                return false;
            if (in.length == 2) {
                holders.put(t, in[1 - i]);
            } else {
                Node[] fewer = new Node[in.length - 1];
                System.arraycopy(in, 0, fewer, 0, i);
                System.arraycopy(in, i + 1, fewer, i, in.length - i - 1);
                holders.put(t, fewer);
            }
        } else {
            Set<Node> many = manyHolders(h);
            if (!many.remove(g))
                return false;
            if (many.size() <= SMALL_HOLDERS)
                holders.put(t, many.toArray(new Node[0]));
        }
        Object statements = graphs.get(g);
        boolean empty;
        if (statements instanceof GraphTriples graph) {
            graph.delete(t);
            empty = graph.isEmpty();
        } else {
            ArrayList<Triple> few = smallGraph(statements);
            few.remove(t);
            empty = few.isEmpty();
        }
        if (empty)
            graphs.remove(g);
        return true;
    }

    @Override
    public boolean contains(Node g, Triple t) {
        Object h = holders.get(t);
        if (h == null)
            return false;
        if (h instanceof Node n)
            return n.equals(g);
        if (h instanceof Node[] in)
            return indexOf(in, g) >= 0;
        return manyHolders(h).contains(g);
    }

    /** How many graphs hold {@code t}. */
    int holderCount(Triple t) {
        Object h = holders.get(t);
        if (h == null)
            return 0;
        if (h instanceof Node)
            return 1;
        return h instanceof Node[] in ? in.length : manyHolders(h).size();
    }

    /** Statements of the union matching the pattern ({@code Node.ANY} or null as wildcards). */
    @Override
    public Iterator<Triple> union(Node s, Node p, Node o) {
        if (columns != null) {
            Iterator<Triple> found = columns.find(s, p, o);
            if (found != null)
                return found;
        }
        return union.find(s, p, o);
    }

    @Override
    public Function<Node, Iterator<Triple>> column(Node p, boolean bySubject) {
        return columns == null ? null : columns.built(p, bySubject ? PredicateColumns.Key.SUBJECT : PredicateColumns.Key.OBJECT);
    }

    @Override
    public DenseColumn dense(Node p, boolean bySubject) {
        return columns == null ? null : columns.dense(p, bySubject ? PredicateColumns.Key.SUBJECT : PredicateColumns.Key.OBJECT);
    }

    boolean unionContains(Triple t) { return holders.holds(t); }

    /** A copy of the table of statements, as a test of whether the union holds one: later changes leave it as it is. */
    Predicate<Triple> unionAsNow() {
        Holders copy = new Holders(holders);
        return copy::holds;
    }

    /** Statements of graph {@code g} matching the pattern. */
    @Override
    public Iterator<Triple> graph(Node g, Node s, Node p, Node o) {
        Object statements = graphs.get(g);
        if (statements == null)
            return Iter.nullIterator();
        if (statements instanceof GraphTriples graph)
            return graph.find(s, p, o);
        return Iter.filter(smallGraph(statements).iterator(), t -> matches(s, t.getSubject()) && matches(p, t.getPredicate())
                && matches(o, t.getObject()));
    }

    /** Matches in every named graph, one quad per graph that holds a matching statement. */
    @Override
    public Iterator<Quad> quads(Node s, Node p, Node o) {
        return Iter.flatMap(union.find(s, p, o), this::quadsOf);
    }

    /** Every quad of {@code t}. */
    Iterator<Quad> quadsOf(Triple t) {
        Object h = holders.get(t);
        if (h == null)
            return Iter.nullIterator();
        if (h instanceof Node n)
            return Iter.singletonIterator(Quad.create(n, t));
        Iterator<Node> in = h instanceof Node[] few ? Arrays.asList(few).iterator() : manyHolders(h).iterator();
        return Iter.map(in, g -> Quad.create(g, t));
    }

    @Override
    public Iterator<Node> graphNodes() { return graphs.keySet().iterator(); }

    @Override
    public boolean containsGraph(Node g) { return graphs.containsKey(g); }

    int graphCount() { return graphs.size(); }

    @Override
    public long size() { return holders.size(); }

    @Override
    public boolean isEmpty() { return holders.isEmpty(); }

    /** True when {@code node} matches {@code pattern} (null, {@code Node.ANY} or a variable match anything). */
    private static boolean matches(Node pattern, Node node) {
        return pattern == null || !pattern.isConcrete() || pattern.equals(node);
    }

    @SuppressWarnings("unchecked")
    private static ArrayList<Triple> smallGraph(Object statements) { return (ArrayList<Triple>) statements; }

    @SuppressWarnings("unchecked")
    private static Set<Node> manyHolders(Object h) { return (Set<Node>) h; }

    /**
     * Statement → its holders, in Jena's open-addressing map (arrays of keys, values and hash codes): no entry
     * object per statement, which at a million statements is 50 MB less to allocate, and for the collector to copy
     * while a load fills it. Keyed by {@link StatementHash} rather than Jena's triple hash code, which probes dozens
     * of slots per statement here: every method of this table that hashes a statement is overridden or added below
     * to use it; the map's final methods that hash with {@code Triple.hashCode} ({@code containsKey},
     * {@code tryRemove}, {@code removeAndGetIndex(K)}, {@code removeUnchecked(K)}) must not be called.
     */
    private static final class Holders extends FastHashMap<Triple, Object> implements UnionTriples.Table {
        /** The slot of the statement {@link #putIfAbsent} added last. */
        int lastAdded = -1;

        Holders() { }

        Holders(int expected) { super(expected); }

        /** A copy of {@code other}: its arrays copied whole, no statement hashed again. */
        Holders(Holders other) { super(other); }

        @Override
        protected Triple[] newKeysArray(int size) { return new Triple[size]; }

        @Override
        protected Object[] newValuesArray(int size) { return new Object[size]; }

        /** The holders of {@code t}, or null. */
        @Override
        public Object get(Triple t) {
            int position = findPosition(t, StatementHash.of(t));
            return position < 0 ? null : values[~positions[position]];
        }

        /** Sets the holders of {@code t}. */
        @Override
        public void put(Triple t, Object h) {
            int hash = StatementHash.of(t);
            int position = findPosition(t, hash);
            if (position >= 0)
                values[~positions[position]] = h;
            else
                insert(t, h, hash, position);
        }

        @Override
        public boolean tryPut(Triple t, Object h) {
            boolean absent = putIfAbsent(t, h) == null;
            if (!absent)
                put(t, h);
            return absent;
        }

        @Override
        public Object getOrDefault(Triple t, Object absent) {
            Object h = get(t);
            return h == null ? absent : h;
        }

        @Override
        public Object computeIfAbsent(Triple t, java.util.function.Supplier<Object> absent) {
            throw new UnsupportedOperationException("keyed by StatementHash");
        }

        @Override
        public void compute(Triple t, java.util.function.UnaryOperator<Object> change) {
            throw new UnsupportedOperationException("keyed by StatementHash");
        }

        /** True when some graph holds {@code t}. */
        boolean holds(Triple t) { return findPosition(t, StatementHash.of(t)) >= 0; }

        /** Removes {@code t}, which the table holds, and answers the slot it had. */
        int removeSlot(Triple t) { return removeAndGetIndex(t, StatementHash.of(t)); }

        /** The holders of {@code t}; when it has none, {@code h} becomes its holders and the answer is null. */
        Object putIfAbsent(Triple t, Object h) {
            // As FastHashMap.tryPut, except that a key already present keeps its value: one probe of the table.
            int hash = StatementHash.of(t);
            int position = findPosition(t, hash);
            if (position >= 0)
                return values[~positions[position]];
            insert(t, h, hash, position);
            return null;
        }

        /** Adds {@code t}, absent, with holders {@code h}; {@code position} is where {@code findPosition} found no key. */
        private void insert(Triple t, Object h, int hash, int position) {
            if (tryGrowPositionsArrayIfNeeded())
                position = findPosition(t, hash);
            int index = getFreeKeyIndex();
            keys[index] = t;
            values[index] = h;
            hashCodesOrDeletedIndices[index] = hash;
            positions[~position] = ~index;
            lastAdded = index;
        }

        @Override
        public Triple at(int slot) { return keys[slot]; }

        @Override
        public int slotLimit() { return keysPos; }
    }

    private static int indexOf(Node[] in, Node g) {
        for (int i = 0; i < in.length; i++)
            if (in[i].equals(g))
                return i;
        return -1;
    }
}
