package org.icakg.store;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraphQuads;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sys.JenaSystem;

/**
 * The in-memory store: named graphs whose union is the default graph, held in a {@link QuadIndex} (a real triple
 * index of the union, an index from statement to graphs, one triple index per graph), so the default graph is
 * matched like a plain graph and {@code GRAPH ?g} is exact.
 * <p>
 * Transactions: any number of readers and one writer at a time. The writer's changes are a {@link PendingWrite}
 * that readers do not see; a commit folds them into the index while no reader is active (it waits for the readers
 * of the moment to end, and readers that begin meanwhile wait for it), so a reader sees one state from its begin to
 * its end. An abort drops the changes.
 * <p>
 * The default graph ({@link #getDefaultGraph}, what SPARQL matches) is the union. No statement is stored outside a
 * named graph: {@code find} on the default graph's name answers nothing (as in TDB2), and writing to it is refused.
 */
public final class MemoryStore extends DatasetGraphQuads {

    private volatile QuadIndex committed = new QuadIndex();

    /** Columns built so far on the committed index: a committed write keeps them up to date rather than rebuilding. */
    int columnBuilds() { return committed.columnBuilds(); }
    /** Readers hold it shared for their whole transaction; a commit holds it exclusively while it applies. */
    private final ReentrantReadWriteLock snapshot = new ReentrantReadWriteLock(true);
    private final ReentrantLock writer = new ReentrantLock(true);
    private final ThreadLocal<Txn> txn = new ThreadLocal<>();
    private final PrefixMap prefixes = PrefixMapFactory.create();

    /** One thread's transaction; {@code pending} is set while it writes. */
    private static final class Txn {
        final TxnType type;
        PendingWrite pending;
        boolean writing;

        Txn(TxnType type) { this.type = type; }
    }

    static {
        JenaSystem.init();
    }

    MemoryStore() {
        QC.setFactory(getContext(), UnionAwareExecutor::new);
    }

    // ---- reading

    private IndexView view() {
        Txn t = txn.get();
        return t != null && t.pending != null ? t.pending : committed;
    }

    /** Statements of {@code graph} (a named graph, the default graph or the union) matching the pattern. */
    Iterator<Triple> triples(Node graph, Node s, Node p, Node o) {
        IndexView v = view();
        return isUnion(graph) ? v.union(s, p, o) : v.graph(graph, s, p, o);
    }

    /** The column look-up of {@code p} in {@code graph} when it is the union and the column is built; else null. */
    Function<Node, Iterator<Triple>> column(Node graph, Node p, boolean bySubject) {
        return isUnion(graph) ? view().column(p, bySubject) : null;
    }

    /** The dense column of {@code p} in {@code graph} when it is the union and the column is built; else null. */
    DenseColumn dense(Node graph, Node p, boolean bySubject) {
        return isUnion(graph) ? view().dense(p, bySubject) : null;
    }

    /** {@link Stores#unionAsNow}: in this thread's transaction; null when a writer's changes keep it from copying. */
    Predicate<Triple> unionAsNow() {
        Txn t = txn.get();
        if (t == null)
            throw new JenaTransactionException("not in a transaction");
        return t.pending != null ? t.pending.unionAsNow() : committed.unionAsNow();
    }

    /** Statements in {@code graph}. */
    long size(Node graph) {
        IndexView v = view();
        return isUnion(graph) ? v.size() : Iter.count(v.graph(graph, Node.ANY, Node.ANY, Node.ANY));
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g == null || g == Node.ANY)
            return view().quads(s, p, o);
        if (Quad.isDefaultGraph(g))
            return Iter.nullIterator(); // no statement is stored outside a named graph (as in TDB2)
        return Iter.map(triples(g, s, p, o), t -> Quad.create(g, t));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) { return find(g, s, p, o); }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (g != null && g.isConcrete() && s.isConcrete() && p.isConcrete() && o.isConcrete() && !isUnion(g))
            return view().contains(g, Triple.create(s, p, o));
        return find(g, s, p, o).hasNext();
    }

    @Override
    public Graph getDefaultGraph() { return new StoreGraph(this, Quad.defaultGraphIRI); }

    @Override
    public Graph getUnionGraph() { return new StoreGraph(this, Quad.unionGraph); }

    @Override
    public Graph getGraph(Node graphNode) {
        return new StoreGraph(this, graphNode == null ? Quad.defaultGraphIRI : graphNode);
    }

    @Override
    public Iterator<Node> listGraphNodes() { return view().graphNodes(); }

    @Override
    public boolean containsGraph(Node graphNode) {
        return isUnion(graphNode) || view().containsGraph(graphNode);
    }

    /** Named graphs holding statements. */
    @Override
    public long size() { return Iter.count(listGraphNodes()); }

    @Override
    public boolean isEmpty() { return view().isEmpty(); }

    @Override
    public PrefixMap prefixes() { return prefixes; }

    // ---- writing

    @Override
    public void add(Quad q) {
        add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    /** As {@link #add(Quad)}, without making the quad: a load adds every statement through here. */
    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Node graph = writable(g);
        Txn t = txn.get();
        if (t != null && t.pending != null)
            t.pending.add(graph, Triple.create(s, p, o));
        else
            mutate(pending -> pending.add(graph, Triple.create(s, p, o)));
    }

    /** {@link Stores#addAll}: the statements {@code ts} into graph {@code g}, in this thread's write transaction. */
    void addAll(Node g, List<Triple> ts) {
        Node graph = writable(g);
        mutate(pending -> pending.addAll(graph, ts));
    }

    /** {@link Stores#expectStatements}: room for {@code statements} in this thread's write transaction. */
    void expect(int statements) {
        mutate(pending -> pending.expect(statements));
    }

    @Override
    public void delete(Quad q) {
        Node g = writable(q.getGraph());
        mutate(pending -> pending.delete(g, q.asTriple()));
    }

    private void mutate(Consumer<PendingWrite> change) {
        Txn t = txn.get();
        if (t == null) {
            org.apache.jena.system.Txn.executeWrite(this, () -> mutate(change));
            return;
        }
        if (t.pending == null)
            throw new JenaTransactionException("a write needs a write transaction (this one is " + t.type + ")");
        change.accept(t.pending);
    }

    private static Node writable(Node g) {
        if (g == null || Quad.isDefaultGraph(g) || Quad.isUnionGraph(g))
            throw new JenaException("the default graph is the union of the named graphs and cannot be written; "
                    + "name the graph of the statement");
        return g;
    }

    private static boolean isUnion(Node g) { return g == null || Quad.isDefaultGraph(g) || Quad.isUnionGraph(g); }

    // ---- transactions

    @Override
    public boolean supportsTransactions() { return true; }

    @Override
    public boolean supportsTransactionAbort() { return true; }

    @Override
    public void begin(TxnType type) {
        if (txn.get() != null)
            throw new JenaTransactionException("already in a transaction");
        Txn t = new Txn(type);
        if (type == TxnType.WRITE) {
            writer.lock();
            t.writing = true;
            t.pending = new PendingWrite(committed);
        } else {
            snapshot.readLock().lock();
        }
        txn.set(t);
    }

    @Override
    public void begin(ReadWrite mode) { begin(TxnType.convert(mode)); }

    /**
     * Turns a {@code READ_PROMOTE} transaction into the writer when no other writer is active. No commit can have
     * happened since it began (a commit waits for readers), so what it read stays true.
     */
    @Override
    public boolean promote(Promote mode) {
        Txn t = current();
        if (t.writing)
            return true;
        if (t.type == TxnType.READ || !writer.tryLock())
            return false;
        snapshot.readLock().unlock();
        t.writing = true;
        t.pending = new PendingWrite(committed);
        return true;
    }

    @Override
    public void commit() {
        Txn t = current();
        if (t.pending == null)
            return;
        snapshot.writeLock().lock();
        try {
            committed = t.pending.applyTo();
            committed.readByColumns();
        } finally {
            snapshot.writeLock().unlock();
        }
        t.pending = null;
    }

    @Override
    public void abort() { current().pending = null; }

    @Override
    public void end() {
        Txn t = txn.get();
        if (t == null)
            return;
        txn.remove();
        t.pending = null;
        if (t.writing)
            writer.unlock();
        else
            snapshot.readLock().unlock();
    }

    @Override
    public ReadWrite transactionMode() {
        Txn t = txn.get();
        return t == null ? null : t.writing ? ReadWrite.WRITE : ReadWrite.READ;
    }

    @Override
    public TxnType transactionType() {
        Txn t = txn.get();
        return t == null ? null : t.type;
    }

    @Override
    public boolean isInTransaction() { return txn.get() != null; }

    private Txn current() {
        Txn t = txn.get();
        if (t == null)
            throw new JenaTransactionException("not in a transaction");
        return t;
    }

    @Override
    public void close() { }
}
