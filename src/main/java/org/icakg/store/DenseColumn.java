package org.icakg.store;

import java.util.Arrays;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The statements of one predicate by subject or by object, in arrays indexed by the subject's (or object's) dense
 * number ({@link NodeIds}), with the number of each statement's other end: a query that found a meeting by its
 * number (from an earlier column) reads the meeting's date with one array access, and the date's day
 * ({@link #day}) without reading the statement or the literal, and binds the meetings of a forum by number without
 * reading their statements. Objects that are literals have no number (-1); a column by object holds only keys that
 * have a number (IRIs and blank nodes).
 * <p>
 * Built from a predicate's column ({@link PredicateColumns}) and kept up to date with it at each commit; read by
 * any number of readers, changed only while none is active.
 */
public final class DenseColumn {

    /** {@link #one}: no statement. */
    public static final int NONE = -2;
    /** {@link #one}: more than one statement ({@link #several}, {@link #otherEnds}). */
    public static final int SEVERAL = -3;

    private final NodeIds ids;
    private final boolean bySubject;
    /** Per key number: null, its only statement, or its statements ({@code Triple[]}). */
    private Object[] statements;
    /** Per key number: the other end's number of its only statement (-1 when a literal), {@link #NONE} or {@link #SEVERAL}. */
    private int[] one;
    /** Per key number with several statements: the other end's number of each. */
    private int[][] many;
    /** By subject: per key number, the day of its only statement's object when a plain {@code xsd:date}, else {@link DateTerms#NONE}; null when no key has one. */
    private long[] days;

    /**
     * The column of {@code column}'s statements (grouped by key: one {@link Triple} or a {@code Triple[]}, which is
     * shared, never changed here). The keys are numbered first, then visited in the order of their numbers, the other
     * ends numbered in that order: the statements of neighbouring keys lie side by side, and the other ends of a key
     * numbered side by side get neighbouring numbers. A query that follows a state's meetings (numbered together when
     * the state's column was built) to their commitments, and those to their topics, reads each array nearly in
     * order rather than one cache miss per key.
     */
    DenseColumn(NodeIds ids, boolean bySubject, Map<Node, Object> column) {
        this.ids = ids;
        this.bySubject = bySubject;
        int capacity = Math.max(16, ids.size() + column.size());
        this.statements = new Object[capacity];
        this.one = new int[capacity];
        Arrays.fill(one, NONE);
        this.many = new int[capacity][];
        long[] order = new long[column.size()];
        Object[] groups = new Object[column.size()];
        int n = 0;
        for (Map.Entry<Node, Object> e : column.entrySet()) {
            int key = ids.give(e.getKey());
            if (key < 0)
                continue;
            order[n] = (long) key << 32 | n;
            groups[n++] = e.getValue();
        }
        Arrays.sort(order, 0, n);
        for (int i = 0; i < n; i++)
            put((int) (order[i] >>> 32), groups[(int) order[i]]);
    }

    /** Key number {@code key}'s statements, {@code group} (one {@link Triple} or several), at a build. */
    private void put(int key, Object group) {
        ensure(key);
        if (group instanceof Triple t) {
            statements[key] = t;
            one[key] = ids.give(otherOf(t));
        } else {
            Triple[] several = (Triple[]) group;
            int[] others = new int[several.length];
            for (int i = 0; i < several.length; i++)
                others[i] = ids.give(otherOf(several[i]));
            statements[key] = several;
            many[key] = others;
            one[key] = SEVERAL;
        }
        dayOf(key);
    }

    /** Whether this column groups statements by subject (else by object). */
    public boolean bySubject() { return bySubject; }

    /** The number of {@code n} in the store's numbering, or -1. */
    public int idOf(Node n) { return ids.idOf(n); }

    /** The node numbered {@code id}. */
    public Node node(int id) { return ids.node(id); }

    /**
     * For key number {@code key}: the number of the other end of its only statement (-1 when that end is a literal),
     * {@link #NONE} when it has no statement, {@link #SEVERAL} when several.
     */
    public int one(int key) { return key < one.length ? one[key] : NONE; }

    /** The only statement of {@code key} (when {@link #one} is neither {@link #NONE} nor {@link #SEVERAL}). */
    public Triple only(int key) { return (Triple) statements[key]; }

    /** The statements of {@code key} when it has {@link #SEVERAL}. */
    public Triple[] several(int key) { return (Triple[]) statements[key]; }

    /** The numbers of the other ends of {@link #several}'s statements, in the same order (-1 for a literal). */
    public int[] otherEnds(int key) { return many[key]; }

    /**
     * By subject: the day (since 1970-01-01) of the object of {@code key}'s only statement when it is an
     * {@code xsd:date} written without a time zone ({@link DateTerms#day}); {@link DateTerms#NONE} otherwise (no
     * statement, several, another kind of term).
     */
    public long day(int key) {
        long[] d = days;
        return d == null || key >= d.length ? DateTerms.NONE : d[key];
    }

    /** Statement {@code t} entered the column. */
    void add(Triple t) {
        int key = ids.give(keyOf(t));
        if (key < 0)
            return;
        int other = ids.give(otherOf(t));
        ensure(key);
        Object had = statements[key];
        if (had == null) {
            statements[key] = t;
            one[key] = other;
        } else if (had instanceof Triple first) {
            statements[key] = new Triple[] {first, t};
            many[key] = new int[] {one[key], other};
            one[key] = SEVERAL;
        } else {
            Triple[] more = Arrays.copyOf((Triple[]) had, ((Triple[]) had).length + 1);
            more[more.length - 1] = t;
            int[] others = Arrays.copyOf(many[key], more.length);
            others[more.length - 1] = other;
            statements[key] = more;
            many[key] = others;
        }
        dayOf(key);
    }

    /** Statement {@code t} left the column. */
    void remove(Triple t) {
        int key = ids.idOf(keyOf(t));
        if (key < 0 || key >= statements.length)
            return;
        Object had = statements[key];
        if (had instanceof Triple only) {
            if (only.equals(t)) {
                statements[key] = null;
                one[key] = NONE;
            }
        } else if (had instanceof Triple[] several) {
            int at = -1;
            for (int i = 0; i < several.length && at < 0; i++)
                if (several[i].equals(t))
                    at = i;
            if (at < 0)
                return;
            if (several.length == 2) {
                statements[key] = several[1 - at];
                one[key] = many[key][1 - at];
                many[key] = null;
            } else {
                Triple[] fewer = new Triple[several.length - 1];
                int[] others = new int[fewer.length];
                for (int i = 0, j = 0; i < several.length; i++)
                    if (i != at) {
                        fewer[j] = several[i];
                        others[j++] = many[key][i];
                    }
                statements[key] = fewer;
                many[key] = others;
            }
        }
        dayOf(key);
    }

    private Node keyOf(Triple t) { return bySubject ? t.getSubject() : t.getObject(); }

    private Node otherOf(Triple t) { return bySubject ? t.getObject() : t.getSubject(); }

    private void dayOf(int key) {
        if (!bySubject)
            return;
        long day = statements[key] instanceof Triple t ? DateTerms.day(t.getObject()) : DateTerms.NONE;
        if (days == null) {
            if (day == DateTerms.NONE)
                return;
            days = new long[statements.length];
            Arrays.fill(days, DateTerms.NONE);
        }
        days[key] = day;
    }

    private void ensure(int key) {
        if (key < statements.length)
            return;
        int capacity = Math.max(key + 1, statements.length + statements.length / 2);
        statements = Arrays.copyOf(statements, capacity);
        int from = one.length;
        one = Arrays.copyOf(one, capacity);
        Arrays.fill(one, from, capacity, NONE);
        many = Arrays.copyOf(many, capacity);
        if (days != null) {
            days = Arrays.copyOf(days, capacity);
            Arrays.fill(days, from, capacity, DateTerms.NONE);
        }
    }
}
