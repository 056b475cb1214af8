package org.icakg.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Look-ups of one predicate's statements by subject ({@code <m> ica:date ?d}) and by object
 * ({@code ?m ica:hostedBy <state>}) as hash hits, beside a triple index that answers them by scanning: the union's
 * index ({@link UnionTriples}) finds {@code (s, p, ?)} by walking every statement of the subject, and {@code (?, p, o)}
 * by walking every statement of the object (a state is the object of thousands), each a pointer chased through memory.
 * A query over a forum's 500 meetings makes thousands of such finds.
 * <p>
 * A column (the statements of one predicate, grouped by subject or by object) is built from the triple index when
 * a predicate has been looked up {@value #USES_BEFORE_BUILD} times that way, so a predicate asked once never pays
 * for it, or when index joins of {@value #ASKS_BEFORE_DENSE} queries asked for its dense column ({@link #dense}),
 * and kept up to date as statements enter or leave the index ({@link #added}, {@link #removed}). Not safe
 * against writes while reading: the owner changes the index, and tells the columns, only while no reader is
 * active.
 */
final class PredicateColumns {

    /** Look-ups of a predicate, by subject or by object, before its column that way is built. */
    static final int USES_BEFORE_BUILD = 64;
    /** Queries whose index joins asked for a predicate's dense column one way before it is built ({@link #dense}). */
    static final int ASKS_BEFORE_DENSE = 4;

    /** The way a column groups the statements of its predicate. */
    enum Key { SUBJECT, OBJECT }

    private final Graph index;
    private final Map<Node, Map<Node, Object>> bySubject = new ConcurrentHashMap<>();
    private final Map<Node, Map<Node, Object>> byObject = new ConcurrentHashMap<>();
    private final Map<Node, AtomicInteger> subjectUses = new ConcurrentHashMap<>();
    private final Map<Node, AtomicInteger> objectUses = new ConcurrentHashMap<>();
    private final Map<Node, AtomicInteger> subjectAsks = new ConcurrentHashMap<>();
    private final Map<Node, AtomicInteger> objectAsks = new ConcurrentHashMap<>();
    /**
     * Held by the one reader building a column (or a dense one) at a time: readers meanwhile read the index as before
     * rather than build the same column again, or wait.
     */
    private final ReentrantLock building = new ReentrantLock();
    /** True once a column was built: until then a change has nothing to drop. */
    private volatile boolean any;
    private final AtomicInteger builds = new AtomicInteger();
    /** Numbers of the nodes of the dense columns. */
    private final NodeIds ids = new NodeIds();
    private final Map<Node, DenseColumn> denseBySubject = new ConcurrentHashMap<>();
    private final Map<Node, DenseColumn> denseByObject = new ConcurrentHashMap<>();

    PredicateColumns(Graph index) {
        this.index = index;
    }

    /**
     * The statements matching {@code (s, p, o)} from a column when the predicate is concrete and the subject or the
     * object is (both: the subject's column, filtered by object); null when no column answers it (the caller asks
     * the triple index).
     */
    Iterator<Triple> find(Node s, Node p, Node o) {
        if (p == null || !p.isConcrete())
            return null;
        boolean subject = s != null && s.isConcrete(), object = o != null && o.isConcrete();
        if (!subject && !object)
            return null;
        if (subject && object) { // the subject's statements of the predicate, few, filtered by object
            Map<Node, Object> column = column(p, bySubject, subjectUses, Key.SUBJECT);
            return column == null ? null : Iter.filter(matches(column.get(s)), t -> t.getObject().equals(o));
        }
        Map<Node, Object> column = subject ? column(p, bySubject, subjectUses, Key.SUBJECT)
                : column(p, byObject, objectUses, Key.OBJECT);
        if (column == null)
            return null;
        return matches(column.get(subject ? s : o));
    }

    /** The look-up of {@code p} by {@code key} when its column is built, else null (nothing is counted). */
    Function<Node, Iterator<Triple>> built(Node p, Key key) {
        Map<Node, Object> column = (key == Key.SUBJECT ? bySubject : byObject).get(p);
        return column == null ? null : n -> matches(column.get(n));
    }

    /**
     * The column of {@code p} by {@code key} in arrays indexed by dense numbers ({@link DenseColumn}), then kept up to
     * date with the column; null until index joins of {@value #ASKS_BEFORE_DENSE} queries have asked for it (each
     * asks once per step, see {@code IndexJoin}), when it is built (with the column, if that is not built yet). The
     * steps of a query ask in their order, so a query's columns are built in the order it reads them, each numbering
     * the nodes it reaches in the order of the keys it reaches them from ({@link DenseColumn}). While another reader
     * builds a column, this one gets null and reads without.
     */
    DenseColumn dense(Node p, Key key) {
        Map<Node, DenseColumn> dense = key == Key.SUBJECT ? denseBySubject : denseByObject;
        DenseColumn made = dense.get(p);
        if (made != null)
            return made;
        Map<Node, AtomicInteger> asks = key == Key.SUBJECT ? subjectAsks : objectAsks;
        if (asks.computeIfAbsent(p, x -> new AtomicInteger()).incrementAndGet() < ASKS_BEFORE_DENSE
                || !building.tryLock())
            return null;
        try {
            made = dense.get(p);
            if (made == null) {
                Map<Node, Map<Node, Object>> columns = key == Key.SUBJECT ? bySubject : byObject;
                Map<Node, Object> column = columns.get(p);
                if (column == null)
                    column = publish(p, columns, key);
                made = new DenseColumn(ids, key == Key.SUBJECT, column);
                dense.put(p, made);
            }
            return made;
        } finally {
            building.unlock();
        }
    }

    private static Iterator<Triple> matches(Object found) {
        if (found == null)
            return Iter.nullIterator();
        if (found instanceof Triple t)
            return Iter.singletonIterator(t);
        return Arrays.asList((Triple[]) found).iterator();
    }

    /** Columns built so far (each predicate and way counted once per build). */
    int builds() { return builds.get(); }

    /** Statement {@code t} entered the index: the columns of its predicate, if built, hold it from now on. */
    void added(Triple t) {
        if (!any)
            return;
        Map<Node, Object> column = bySubject.get(t.getPredicate());
        if (column != null)
            column.merge(t.getSubject(), t, PredicateColumns::with);
        column = byObject.get(t.getPredicate());
        if (column != null)
            column.merge(t.getObject(), t, PredicateColumns::with);
        DenseColumn dense = denseBySubject.get(t.getPredicate());
        if (dense != null)
            dense.add(t);
        dense = denseByObject.get(t.getPredicate());
        if (dense != null)
            dense.add(t);
    }

    /** Statement {@code t} left the index: the columns of its predicate, if built, no longer hold it. */
    void removed(Triple t) {
        if (!any)
            return;
        Map<Node, Object> column = bySubject.get(t.getPredicate());
        if (column != null)
            column.computeIfPresent(t.getSubject(), (k, had) -> without(had, t));
        column = byObject.get(t.getPredicate());
        if (column != null)
            column.computeIfPresent(t.getObject(), (k, had) -> without(had, t));
        DenseColumn dense = denseBySubject.get(t.getPredicate());
        if (dense != null)
            dense.remove(t);
        dense = denseByObject.get(t.getPredicate());
        if (dense != null)
            dense.remove(t);
    }

    private static Object with(Object had, Object t) {
        Triple[] more = had instanceof Triple one ? new Triple[] {one, null} : Arrays.copyOf((Triple[]) had,
                ((Triple[]) had).length + 1);
        more[more.length - 1] = (Triple) t;
        return more;
    }

    private static Object without(Object had, Triple t) {
        if (had instanceof Triple one)
            return one.equals(t) ? null : one;
        Triple[] rest = Arrays.stream((Triple[]) had).filter(x -> !x.equals(t)).toArray(Triple[]::new);
        return rest.length == 1 ? rest[0] : rest;
    }

    private Map<Node, Object> column(Node p, Map<Node, Map<Node, Object>> columns, Map<Node, AtomicInteger> uses,
            Key key) {
        Map<Node, Object> column = columns.get(p);
        if (column != null)
            return column;
        if (uses.computeIfAbsent(p, x -> new AtomicInteger()).incrementAndGet() < USES_BEFORE_BUILD
                || !building.tryLock())
            return null; // below the count, or another reader is building a column: this one reads the index
        try {
            column = columns.get(p);
            return column != null ? column : publish(p, columns, key);
        } finally {
            building.unlock();
        }
    }

    /** Builds the column of {@code p} by {@code key} and makes it what readers read. Called holding {@link #building}. */
    private Map<Node, Object> publish(Node p, Map<Node, Map<Node, Object>> columns, Key key) {
        Map<Node, Object> column = build(p, key);
        builds.incrementAndGet();
        any = true;
        columns.put(p, column);
        return column;
    }

    /** The statements of {@code p} grouped by {@code key}: one {@link Triple}, or a {@code Triple[]} when several. */
    private Map<Node, Object> build(Node p, Key key) {
        Map<Node, Object> grouped = new HashMap<>();
        index.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
            Node k = key == Key.SUBJECT ? t.getSubject() : t.getObject();
            grouped.merge(k, t, PredicateColumns::more);
        });
        grouped.replaceAll((k, v) -> v instanceof Triple ? v : asArray(v));
        return grouped;
    }

    @SuppressWarnings("unchecked")
    private static Object more(Object had, Object t) {
        if (had instanceof Triple first) {
            List<Triple> two = new ArrayList<>(4);
            two.add(first);
            two.add((Triple) t);
            return two;
        }
        ((List<Triple>) had).add((Triple) t);
        return had;
    }

    @SuppressWarnings("unchecked")
    private static Triple[] asArray(Object list) {
        return ((List<Triple>) list).toArray(new Triple[0]);
    }
}
