package org.icakg.sparql;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

/**
 * The counts of {@link Stats} for a TDB2 store, read from its quad indexes as store numbers (node ids) in one pass
 * each, with only the terms shown turned back into nodes: statements and subjects from {@code SPOG} (a statement
 * stated in several graphs comes as consecutive records, counted once), statements per named graph from
 * {@code GSPO}, entities per class from {@code POSG} (the {@code rdf:type} records, sorted by class then entity).
 * The same counts through SPARQL decoded every quad into terms and grouped them in hash tables: 37 s for the three
 * queries at 1.9 million quads (the search index's labels read the same way). Use in a read transaction.
 */
public final class Tdb2Totals {

    private static final int ID = NodeId.SIZE;

    /** Statements and distinct subjects of the union graph. */
    record Totals(long triples, long subjects) {}

    private final NodeTable nodes;
    private final RangeIndex spog, gspo, posg;

    private Tdb2Totals(NodeTable nodes, RangeIndex spog, RangeIndex gspo, RangeIndex posg) {
        this.nodes = nodes;
        this.spog = spog;
        this.gspo = gspo;
        this.posg = posg;
    }

    /** The counter of {@code dsg} when it is a TDB2 store with the usual quad indexes; else empty. */
    public static Optional<Tdb2Totals> of(DatasetGraph dsg) {
        if (!TDBInternal.isTDB2(dsg))
            return Optional.empty();
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        RangeIndex spog = index(quads, "SPOG"), gspo = index(quads, "GSPO"), posg = index(quads, "POSG");
        if (spog == null || gspo == null || posg == null)
            return Optional.empty();
        return Optional.of(new Tdb2Totals(quads.getNodeTable(), spog, gspo, posg));
    }

    private static RangeIndex index(NodeTupleTable quads, String name) {
        TupleIndexRecord index = quads.getTupleTable().selectIndex(name, TupleIndexRecord.class);
        return index == null ? null : index.getRangeIndex();
    }

    /** Distinct statements (subject, predicate, object) over all named graphs, and distinct subjects. */
    Totals totals() {
        long[] triples = {0}, subjects = {0}, last = new long[3];
        each(spog, (a, b, c, d) -> {
            boolean newSubject = triples[0] == 0 || a != last[0];
            if (newSubject || b != last[1] || c != last[2]) {
                if (newSubject)
                    subjects[0]++;
                triples[0]++;
                last[0] = a;
                last[1] = b;
                last[2] = c;
            }
        });
        return new Totals(triples[0], subjects[0]);
    }

    /** Quads per named graph, in the index's order. */
    Map<Node, Long> graphs() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        long[] graph = {0}, n = {0};
        each(gspo, (g, s, p, o) -> {
            if (n[0] > 0 && g != graph[0]) {
                counts.put(graph[0], n[0]);
                n[0] = 0;
            }
            graph[0] = g;
            n[0]++;
        });
        if (n[0] > 0)
            counts.put(graph[0], n[0]);
        Map<Node, Long> out = new LinkedHashMap<>();
        counts.forEach((g, c) -> out.put(node(g), c));
        return out;
    }

    /** Distinct subjects of each class ({@code ?s rdf:type ?class}) over all named graphs. */
    Map<Node, Long> classes() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        eachStatement(RDF.type.asNode(), (o, s) -> counts.merge(o, 1L, Long::sum));
        Map<Node, Long> out = new LinkedHashMap<>();
        counts.forEach((c, n) -> out.put(node(c), n));
        return out;
    }

    /**
     * Each distinct statement of {@code predicate} over all named graphs, as its subject and object, by object: a
     * statement stated in many graphs is decoded once.
     */
    public void statements(Node predicate, BiConsumer<Node, Node> each) {
        eachStatement(predicate, (o, s) -> each.accept(node(s), node(o)));
    }

    private interface ObjectSubject {
        void accept(long object, long subject);
    }

    /** Each distinct (object, subject) of {@code predicate}'s quads, as store numbers, sorted by object then subject. */
    private void eachStatement(Node predicate, ObjectSubject each) {
        NodeId id = nodes.getNodeIdForNode(predicate);
        if (NodeId.isDoesNotExist(id))
            return;
        byte[] from = new byte[posg.getRecordFactory().keyLength()], to = from.clone();
        NodeIdFactory.set(id, from, 0);
        NodeIdFactory.setNext(id, to, 0);
        long predicateId = Bytes.getLong(from, 0);
        long[] last = new long[2];
        boolean[] first = {true};
        each(posg, from, to, (p, o, s, g) -> {
            // The iterator maps the record after the range too, before it tests the end: that one is skipped here.
            if (p != predicateId || !first[0] && o == last[0] && s == last[1])
                return;
            first[0] = false;
            last[0] = o;
            last[1] = s;
            each.accept(o, s);
        });
    }

    private interface Record4 {
        void accept(long a, long b, long c, long d);
    }

    private static void each(RangeIndex index, Record4 each) {
        each(index, null, null, each);
    }

    /** Every record of {@code index} from {@code from} (inclusive) to {@code to} (exclusive; null: all), read in place. */
    private static void each(RangeIndex index, byte[] from, byte[] to, Record4 each) {
        var records = index.getRecordFactory();
        var min = from == null ? null : records.create(from);
        var max = to == null ? null : records.create(to);
        Iterator<Boolean> it = index.iterator(min, max, (bb, entry, key, factory) -> {
            int at = entry * factory.recordLength();
            if (key != null) { // the iterator tests the end of the range on it
                bb.position(at);
                bb.get(key, 0, factory.keyLength());
            }
            each.accept(bb.getLong(at), bb.getLong(at + ID), bb.getLong(at + 2 * ID), bb.getLong(at + 3 * ID));
            return Boolean.TRUE;
        });
        while (it.hasNext())
            it.next();
    }

    private Node node(long id) {
        byte[] b = new byte[ID];
        Bytes.setLong(id, b, 0);
        return nodes.getNodeForNodeId(NodeIdFactory.get(b, 0));
    }
}
