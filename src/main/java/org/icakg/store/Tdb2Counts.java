package org.icakg.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The counts the query planner keeps (its plan statistics) for a TDB2 store, read from its {@code POSG} quad index
 * as store numbers (node ids): a predicate's quads come sorted by object, then subject, then graph, so a statement
 * stated in many graphs is counted once by skipping its repeats, and only the objects kept in the counts are turned
 * back into terms. Through the union graph, every quad was decoded into terms and de-duplicated in a hash set, and
 * the pair counts took one index seek per statement of the first predicate: more than 7 s at 10 million statements,
 * now one pass over each predicate's quads. Use in a read transaction.
 */
public final class Tdb2Counts {

    private static final int ID = NodeId.SIZE;

    /**
     * The counts of one predicate: statements, distinct subjects, distinct objects, and the statements of each object
     * when there are at most the number asked for of distinct objects (else empty).
     */
    public record PredicateTally(long statements, long subjects, long objects, Optional<Map<Node, Long>> perObject) {}

    private final NodeTable nodes;
    private final RangeIndex posg;

    private Tdb2Counts(NodeTupleTable quads, RangeIndex posg) {
        this.nodes = quads.getNodeTable();
        this.posg = posg;
    }

    /** The counter of the TDB2 store {@code dsg}, or empty when it has no {@code POSG} index. */
    public static Optional<Tdb2Counts> of(DatasetGraph dsg) {
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        TupleIndexRecord posg = quads.getTupleTable().selectIndex("POSG", TupleIndexRecord.class);
        return posg == null ? Optional.empty() : Optional.of(new Tdb2Counts(quads, posg.getRangeIndex()));
    }

    /**
     * Statements of {@code predicate} in the union of the named graphs, their distinct subjects and objects, and the
     * statements of each object when there are at most {@code maxObjects} distinct objects.
     */
    public PredicateTally predicate(Node predicate, int maxObjects) {
        long[] statements = {0}, objects = {0}, lastObject = {0};
        @SuppressWarnings("unchecked")
        Map<Long, Long>[] perObject = new Map[] {new HashMap<Long, Long>()};
        LongList subjects = new LongList();
        forEachStatement(predicate, (o, s) -> {
            if (statements[0]++ == 0 || o != lastObject[0])
                objects[0]++;
            lastObject[0] = o;
            subjects.add(s);
            if (perObject[0] != null) {
                perObject[0].merge(o, 1L, Long::sum);
                if (perObject[0].size() > maxObjects)
                    perObject[0] = null;
            }
        });
        Optional<Map<Node, Long>> byObject = Optional.empty();
        if (perObject[0] != null) {
            Map<Node, Long> decoded = new HashMap<>();
            perObject[0].forEach((o, n) -> decoded.put(node(o), n));
            byObject = Optional.of(Map.copyOf(decoded));
        }
        return new PredicateTally(statements[0], subjects.distinct(), objects[0], byObject);
    }

    /**
     * For each object {@code o1} of {@code first}, how many subjects with that object have each object {@code x} of
     * {@code second} ({@code ?s first o1 . ?s second x}); empty when there would be more than {@code maxEntries}
     * entries. Two passes: the subjects of each {@code o1}, then every statement of {@code second}.
     */
    public Optional<Map<Node, Map<Node, Long>>> pairs(Node first, Node second, int maxEntries) {
        // Every (subject, first object) pair, sorted by subject: one binary search per statement of the second.
        LongList firstSubjects = new LongList(), firstObjectIds = new LongList();
        forEachStatement(first, (o, s) -> {
            firstSubjects.add(s);
            firstObjectIds.add(o);
        });
        int n = firstSubjects.size;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        long[] subjectOf = firstSubjects.values, objectOf = firstObjectIds.values;
        Arrays.sort(order, (a, b) -> Long.compare(subjectOf[a], subjectOf[b]));
        long[] subjects = new long[n], objects = new long[n];
        for (int i = 0; i < n; i++) {
            subjects[i] = subjectOf[order[i]];
            objects[i] = objectOf[order[i]];
        }
        Map<Long, Map<Long, Long>> counts = new HashMap<>();
        int[] entries = {0};
        boolean[] tooMany = {false};
        forEachStatement(second, (x, s) -> {
            int at = tooMany[0] ? -1 : Arrays.binarySearch(subjects, s);
            if (at < 0)
                return;
            while (at > 0 && subjects[at - 1] == s)
                at--;
            for (; at < n && subjects[at] == s; at++)
                if (counts.computeIfAbsent(objects[at], k -> new HashMap<>()).merge(x, 1L, Long::sum) == 1
                        && ++entries[0] > maxEntries)
                    tooMany[0] = true;
        });
        if (tooMany[0])
            return Optional.empty();
        Map<Long, Node> decoded = new HashMap<>();
        Map<Node, Map<Node, Long>> out = new HashMap<>();
        counts.forEach((o1, perX) -> {
            Map<Node, Long> m = new HashMap<>();
            perX.forEach((x, count) -> m.put(decoded.computeIfAbsent(x, this::node), count));
            out.put(decoded.computeIfAbsent(o1, this::node), Map.copyOf(m));
        });
        return Optional.of(Map.copyOf(out));
    }

    /** Each distinct (object, subject) of {@code predicate}'s statements, sorted by object then subject. */
    private void forEachStatement(Node predicate, ObjectSubject each) {
        NodeId p = nodes.getNodeIdForNode(predicate);
        if (NodeId.isDoesNotExist(p))
            return;
        RecordFactory records = posg.getRecordFactory();
        Record from = records.createKeyOnly(), to = records.createKeyOnly();
        NodeIdFactory.set(p, from.getKey(), 0);
        NodeIdFactory.setNext(p, to.getKey(), 0);
        long predicateId = Bytes.getLong(from.getKey(), 0);
        long[] last = new long[2];
        boolean[] first = {true};
        // Read in place from the index's pages (no record per quad): object and subject of each, repeats skipped.
        Iterator<Boolean> it = posg.iterator(from, to, (bb, entry, key, factory) -> {
            int at = entry * factory.recordLength();
            if (key != null) { // the iterator tests the end of the range on it
                bb.position(at);
                bb.get(key, 0, factory.keyLength());
            }
            long o = bb.getLong(at + ID), s = bb.getLong(at + 2 * ID);
            // The iterator maps the record after the range too, before it tests the key: that one is not counted.
            if (bb.getLong(at) == predicateId && (first[0] || o != last[0] || s != last[1])) {
                first[0] = false;
                last[0] = o;
                last[1] = s;
                each.accept(o, s);
            }
            return Boolean.TRUE;
        });
        while (it.hasNext())
            it.next();
    }

    private interface ObjectSubject {
        void accept(long object, long subject);
    }

    private Node node(long id) {
        byte[] b = new byte[ID];
        Bytes.setLong(id, b, 0);
        return nodes.getNodeForNodeId(NodeIdFactory.get(b, 0));
    }

    /** A growable list of longs. */
    private static final class LongList {
        long[] values = new long[16];
        int size;

        void add(long v) {
            if (size == values.length)
                values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        long[] toArray() { return Arrays.copyOf(values, size); }

        /** How many distinct values (sorts the list). */
        long distinct() {
            Arrays.sort(values, 0, size);
            long n = 0;
            for (int i = 0; i < size; i++)
                if (i == 0 || values[i] != values[i - 1])
                    n++;
            return n;
        }
    }
}
