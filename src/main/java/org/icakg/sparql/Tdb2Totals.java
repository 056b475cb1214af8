package org.icakg.sparql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.thrift.TRDF;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * The counts of {@link Stats} for a TDB2 store, read from its quad indexes as store numbers (node ids) in one pass
 * each, with only the terms shown turned back into nodes: statements and subjects from {@code SPOG} (a statement
 * stated in several graphs comes as consecutive records, counted once), statements per named graph from
 * {@code GSPO}, entities per class from {@code POSG} (the {@code rdf:type} records, sorted by class then entity).
 * The same counts through SPARQL decoded every quad into terms and grouped them in hash tables: 37 s for the three
 * queries at 1.9 million quads (the search index's labels read the same way). Use in a read transaction.
 * <p>
 * A scan asks {@code stopped} every {@link #CHECK_EVERY} records and ends with a {@link CancellationException} once it
 * says so: the server's stop does not wait for a whole scan of a large store (some 5 s each at a million statements).
 */
public final class Tdb2Totals {

    private static final int ID = NodeId.SIZE;
    /** Records read between two looks at whether to stop. */
    static final int CHECK_EVERY = 1 << 14;
    /** Nodes read between two looks at whether to stop. */
    static final int DECODE_CHECK_EVERY = 256;

    /** Statements and distinct subjects of the union graph. */
    record Totals(long triples, long subjects) {}

    private final NodeTable nodes;
    private final RangeIndex spog, gspo, posg;
    private final BooleanSupplier stopped;

    private Tdb2Totals(NodeTable nodes, RangeIndex spog, RangeIndex gspo, RangeIndex posg, BooleanSupplier stopped) {
        this.nodes = nodes;
        this.stopped = stopped;
        this.spog = spog;
        this.gspo = gspo;
        this.posg = posg;
    }

    /** The counter of {@code dsg} when it is a TDB2 store with the usual quad indexes; else empty. */
    public static Optional<Tdb2Totals> of(DatasetGraph dsg) {
        return of(dsg, () -> false);
    }

    /** As {@link #of(DatasetGraph)}, its scans ending once {@code stopped} says so. */
    public static Optional<Tdb2Totals> of(DatasetGraph dsg, BooleanSupplier stopped) {
        if (!TDBInternal.isTDB2(dsg))
            return Optional.empty();
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        RangeIndex spog = index(quads, "SPOG"), gspo = index(quads, "GSPO"), posg = index(quads, "POSG");
        if (spog == null || gspo == null || posg == null)
            return Optional.empty();
        return Optional.of(new Tdb2Totals(quads.getNodeTable(), spog, gspo, posg, stopped));
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
        return decoded(counts);
    }

    /** Distinct subjects of each class ({@code ?s rdf:type ?class}) over all named graphs. */
    Map<Node, Long> classes() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        eachStatement(RDF.type.asNode(), (o, s) -> counts.merge(o, 1L, Long::sum));
        return decoded(counts);
    }

    /**
     * Each distinct statement of {@code predicate} over all named graphs, as its subject and object, by object: a
     * statement stated in many graphs is decoded once.
     */
    public void statements(Node predicate, BiConsumer<Node, Node> each) {
        Longs objects = new Longs(), subjects = new Longs(), all = new Longs();
        eachStatement(predicate, (o, s) -> {
            objects.add(o);
            subjects.add(s);
            all.add(o);
            all.add(s);
        });
        long[] ids = all.distinct();
        Node[] nodes = read(ids, ThriftConvert::convert, n -> n, Node[]::new);
        StopCheck check = new StopCheck(stopped, CHECK_EVERY);
        for (int i = 0; i < objects.size(); i++) {
            each.accept(nodes[Arrays.binarySearch(ids, subjects.get(i))], nodes[Arrays.binarySearch(ids, objects.get(i))]);
            check.tick();
        }
    }

    /** An instance of a class: its IRI, and its label (null when it has none). */
    public record Instance(String iri, String label) {}

    /**
     * The IRI instances of {@code type} (its {@code rdf:type} statements in any graph), in no particular order, each
     * with its first {@code rdfs:label} (the one of the lowest store number, as a look-up per instance would find
     * first), or null when it has none or that one is not a literal: one range of {@code POSG} for the instances, one
     * for the labels, and only the instances' IRIs and their labels' texts read from the node table ({@link #read}).
     * A look-up per instance cost a seek and a node read each: 12–24 s for the 100,000 meetings of the 1 M store.
     */
    public List<Instance> instancesWithLabels(Node type) {
        NodeId typeId = nodes.getNodeIdForNode(RDF.type.asNode()), classId = nodes.getNodeIdForNode(type);
        if (NodeId.isDoesNotExist(typeId) || NodeId.isDoesNotExist(classId))
            return List.of();
        byte[] from = new byte[posg.getRecordFactory().keyLength()], to = from.clone();
        NodeIdFactory.set(typeId, from, 0);
        NodeIdFactory.set(classId, from, ID);
        NodeIdFactory.set(typeId, to, 0);
        NodeIdFactory.setNext(classId, to, ID);
        long p = Bytes.getLong(from, 0), c = Bytes.getLong(from, ID);
        Longs instances = new Longs();
        each(posg, from, to, (pp, o, s, g) -> {
            if (pp == p && o == c) // the record after the range comes too (see eachStatement)
                instances.add(s);
        });
        long[] entities = instances.distinct();
        long[] labels = new long[entities.length];
        boolean[] labelled = new boolean[entities.length];
        eachStatement(RDFS.label.asNode(), (o, s) -> {
            int i = Arrays.binarySearch(entities, s);
            if (i >= 0 && !labelled[i]) { // by object: the first seen is the lowest
                labelled[i] = true;
                labels[i] = o;
            }
        });
        Longs labelIds = new Longs();
        for (int i = 0; i < entities.length; i++)
            if (labelled[i])
                labelIds.add(labels[i]);
        long[] distinctLabels = labelIds.distinct();
        String[] iris = read(entities, t -> t.isSetIri() ? t.getIri().getIri() : null,
                n -> n.isURI() ? n.getURI() : null, String[]::new);
        String[] texts = read(distinctLabels, t -> t.isSetLiteral() ? t.getLiteral().getLex() : null,
                n -> n.isLiteral() ? n.getLiteralLexicalForm() : null, String[]::new);
        List<Instance> out = new ArrayList<>(entities.length);
        for (int i = 0; i < entities.length; i++)
            if (iris[i] != null)
                out.add(new Instance(iris[i], labelled[i] ? texts[Arrays.binarySearch(distinctLabels, labels[i])] : null));
        return out;
    }

    /** Bytes of the node table's file read at once, at least. */
    static final int BLOCK = 1 << 16;

    /**
     * What each of the terms of store numbers {@code ids} (sorted, distinct) says, in their order: {@code ofTerm} of
     * the term as stored, or {@code ofNode} of the node for an inline term (a number, a date) or a node table of
     * another kind. The node table's file is read in blocks of {@link #BLOCK} bytes or more, in the order of the
     * terms' places in it, each block once, and the terms decoded from memory: the node table's own read asks the
     * file for each byte of a term (a seek and a read per byte) and puts each term in its cache, which took most of
     * the 8 s the first page of a class of 65,000 instances took on a 1-million-statement store. The terms read here
     * are not put in that cache: a listing would push out the terms the pages use. A term that cannot be decoded from
     * the file as read here (under writes, the node table may hold a just-committed term in its cache before its bytes
     * can be read back from the file) is asked of the node table, as before.
     */
    private <T> T[] read(long[] ids, Function<RDF_Term, T> ofTerm, Function<Node, T> ofNode, IntFunction<T[]> array) {
        T[] found = array.apply(ids.length);
        if (!(nodes.baseNodeTable() instanceof NodeTableTRDF trdf)) {
            StopCheck check = new StopCheck(stopped, DECODE_CHECK_EVERY);
            for (int i = 0; i < ids.length; i++) {
                found[i] = ofNode.apply(node(ids[i]));
                check.tick();
            }
            return found;
        }
        BinaryDataFile file = trdf.getData();
        byte[] b = new byte[ID];
        int[] pointers = new int[ids.length];
        long[] places = new long[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            Bytes.setLong(ids[i], b, 0);
            NodeId id = NodeIdFactory.get(b, 0);
            if (id.isPtr()) {
                places[n] = id.getPtrLocation();
                pointers[n++] = i;
            } else {
                found[i] = ofNode.apply(NodeId.extract(id));
            }
        }
        // A pointer's number is its place in the file, so sorted numbers are usually sorted places already.
        int[] order = IntStream.range(0, n).toArray();
        boolean sorted = true;
        for (int k = 1; k < n && sorted; k++)
            sorted = places[k - 1] <= places[k];
        if (!sorted)
            order = IntStream.range(0, n).boxed().sorted(Comparator.comparingLong(k -> places[k]))
                    .mapToInt(Integer::intValue).toArray();
        long length = file.length();
        byte[] buffer = new byte[BLOCK];
        long start = 0;
        int filled = 0;
        TMemoryInputTransport transport;
        try {
            transport = new TMemoryInputTransport();
        } catch (TTransportException e) {
            throw new IllegalStateException(e);
        }
        TProtocol protocol = TRDF.protocol(transport);
        StopCheck check = new StopCheck(stopped, CHECK_EVERY);
        for (int k = 0; k < n; k++) {
            int j = order[k];
            long at = places[j];
            RDF_Term term = null;
            while (term == null) {
                if (at < start || at >= start + filled) {
                    filled = fill(file, at, buffer, length);
                    start = at;
                }
                transport.reset(buffer, (int) (at - start), filled - (int) (at - start));
                protocol.reset();
                try {
                    RDF_Term t = new RDF_Term();
                    t.read(protocol);
                    term = t;
                } catch (TException | RuntimeException e) {
                    if (start != at) { // the term runs past the block: read again from its start
                        filled = fill(file, at, buffer, length);
                        start = at;
                    } else if (filled == buffer.length) { // a term longer than the block
                        buffer = new byte[buffer.length * 2];
                        filled = fill(file, at, buffer, length);
                    } else { // not in the file as read here (e.g. written but not yet flushed): the node table's read
                        break;
                    }
                }
            }
            if (term != null) {
                found[pointers[j]] = ofTerm.apply(term);
            } else {
                found[pointers[j]] = ofNode.apply(node(ids[pointers[j]]));
                start = filled = 0; // read afresh after it
            }
            check.tick();
        }
        return found;
    }

    /** Reads the node table's file from {@code at} into {@code buffer}, as far as it goes; the bytes read. */
    private static int fill(BinaryDataFile file, long at, byte[] buffer, long length) {
        int want = (int) Math.min(buffer.length, length - at), got = 0;
        while (got < want) {
            int r = file.read(at + got, buffer, got, want - got);
            if (r <= 0)
                break;
            got += r;
        }
        return got;
    }

    /** A growing list of store numbers. */
    private static final class Longs {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length)
                values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long get(int i) {
            return values[i];
        }

        /** The numbers sorted, each once. */
        long[] distinct() {
            long[] v = Arrays.copyOf(values, size);
            Arrays.sort(v);
            int n = 0;
            for (int i = 0; i < v.length; i++)
                if (n == 0 || v[i] != v[n - 1])
                    v[n++] = v[i];
            return Arrays.copyOf(v, n);
        }
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

    /**
     * The counts by node rather than store number. A node read from disk costs a seek: some 65,000 graph names take
     * seconds, so {@code stopped} is asked as they are read too.
     */
    private Map<Node, Long> decoded(Map<Long, Long> counts) {
        long[] ids = counts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        Node[] nodes = read(ids, ThriftConvert::convert, n -> n, Node[]::new);
        Map<Node, Long> out = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : counts.entrySet())
            out.put(nodes[Arrays.binarySearch(ids, e.getKey())], e.getValue());
        return out;
    }

    private interface Record4 {
        void accept(long a, long b, long c, long d);
    }

    private void each(RangeIndex index, Record4 each) {
        each(index, null, null, each);
    }

    /**
     * Every record of {@code index} from {@code from} (inclusive) to {@code to} (exclusive; null: all), read in place;
     * a {@link CancellationException} once {@code stopped} says so.
     */
    private void each(RangeIndex index, byte[] from, byte[] to, Record4 each) {
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
        StopCheck check = new StopCheck(stopped, CHECK_EVERY);
        while (it.hasNext()) {
            it.next();
            check.tick();
        }
    }

    private Node node(long id) {
        byte[] b = new byte[ID];
        Bytes.setLong(id, b, 0);
        return nodes.getNodeForNodeId(NodeIdFactory.get(b, 0));
    }
}
