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
import org.icakg.sparql.plan.PlanStatistics.PredicateCounts;

/**
 * The counts of {@link org.icakg.sparql.plan.PlanStatistics} for a TDB2 store, read from its {@code POSG} quad index
 * as store numbers (node ids): a predicate's quads come sorted by object, then subject, then graph, so a statement
 * stated in many graphs is counted once by skipping its repeats, and only the objects kept in the counts are turned
 * back into terms. Through the union graph, every quad was decoded into terms and de-duplicated in a hash set, and
 * the pair counts took one index seek per statement of the first predicate: more than 7 s at 10 million statements,
 * now one pass over each predicate's quads. Use in a read transaction.
 */
public final class Tdb2Counts {

    private static final int ID = NodeId.SIZE;

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
    public PredicateCounts predicate(Node predicate, int maxObjects) {
        long statements = 0, objects = 0;
        Map<Long, Long> perObject = new HashMap<>();
        LongList subjects = new LongList();
        long lastO = 0, lastS = 0;
        boolean first = true;
        for (Iterator<Record> it = quads(predicate); it.hasNext(); ) {
            byte[] key = it.next().getKey();
            long o = Bytes.getLong(key, ID), s = Bytes.getLong(key, 2 * ID);
            if (!first && o == lastO && s == lastS)
                continue; // the same statement in another graph
            boolean newObject = first || o != lastO;
            first = false;
            lastO = o;
            lastS = s;
            statements++;
            subjects.add(s);
            if (newObject)
                objects++;
            if (perObject != null) {
                perObject.merge(o, 1L, Long::sum);
                if (perObject.size() > maxObjects)
                    perObject = null;
            }
        }
        Optional<Map<Node, Long>> byObject = Optional.empty();
        if (perObject != null) {
            Map<Node, Long> decoded = new HashMap<>();
            perObject.forEach((o, n) -> decoded.put(node(o), n));
            byObject = Optional.of(Map.copyOf(decoded));
        }
        return new PredicateCounts(statements, subjects.distinct(), objects, byObject);
    }

    /**
     * For each object {@code o1} of {@code first}, how many subjects with that object have each object {@code x} of
     * {@code second} ({@code ?s first o1 . ?s second x}); empty when there would be more than {@code maxEntries}
     * entries. Two passes: the subjects of each {@code o1}, then every statement of {@code second}.
     */
    public Optional<Map<Node, Map<Node, Long>>> pairs(Node first, Node second, int maxEntries) {
        // The subjects of each first object, sorted (the index gives them so within an object), without repeats.
        Map<Long, LongList> subjectsByFirst = new HashMap<>();
        forEachStatement(first, (o, s) -> subjectsByFirst.computeIfAbsent(o, k -> new LongList()).add(s));
        long[] firstObjects = subjectsByFirst.keySet().stream().mapToLong(Long::longValue).toArray();
        long[][] subjects = new long[firstObjects.length][];
        for (int i = 0; i < firstObjects.length; i++) {
            subjects[i] = subjectsByFirst.get(firstObjects[i]).toArray();
            Arrays.sort(subjects[i]); // the index's order is that of unsigned bytes
        }
        Map<Long, Map<Long, Long>> counts = new HashMap<>();
        int[] entries = {0};
        boolean[] tooMany = {false};
        forEachStatement(second, (x, s) -> {
            if (tooMany[0])
                return;
            for (int i = 0; i < firstObjects.length; i++)
                if (Arrays.binarySearch(subjects[i], s) >= 0
                        && counts.computeIfAbsent(firstObjects[i], k -> new HashMap<>()).merge(x, 1L, Long::sum) == 1
                        && ++entries[0] > maxEntries)
                    tooMany[0] = true;
        });
        if (tooMany[0])
            return Optional.empty();
        Map<Long, Node> decoded = new HashMap<>();
        Map<Node, Map<Node, Long>> out = new HashMap<>();
        counts.forEach((o1, perX) -> {
            Map<Node, Long> m = new HashMap<>();
            perX.forEach((x, n) -> m.put(decoded.computeIfAbsent(x, this::node), n));
            out.put(decoded.computeIfAbsent(o1, this::node), Map.copyOf(m));
        });
        return Optional.of(Map.copyOf(out));
    }

    /** Each distinct (object, subject) of {@code predicate}'s statements, sorted by object then subject. */
    private void forEachStatement(Node predicate, ObjectSubject each) {
        long lastO = 0, lastS = 0;
        boolean first = true;
        for (Iterator<Record> it = quads(predicate); it.hasNext(); ) {
            byte[] key = it.next().getKey();
            long o = Bytes.getLong(key, ID), s = Bytes.getLong(key, 2 * ID);
            if (!first && o == lastO && s == lastS)
                continue;
            first = false;
            lastO = o;
            lastS = s;
            each.accept(o, s);
        }
    }

    private interface ObjectSubject {
        void accept(long object, long subject);
    }

    /** The {@code POSG} records of {@code predicate}'s quads; none when the store has never seen it. */
    private Iterator<Record> quads(Node predicate) {
        NodeId p = nodes.getNodeIdForNode(predicate);
        if (NodeId.isDoesNotExist(p))
            return java.util.Collections.emptyIterator();
        RecordFactory records = posg.getRecordFactory();
        Record from = records.createKeyOnly(), to = records.createKeyOnly();
        NodeIdFactory.set(p, from.getKey(), 0);
        NodeIdFactory.setNext(p, to.getKey(), 0);
        return posg.iterator(from, to);
    }

    private Node node(long id) {
        byte[] b = new byte[ID];
        Bytes.setLong(id, b, 0);
        return nodes.getNodeForNodeId(NodeIdFactory.get(b, 0));
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

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
