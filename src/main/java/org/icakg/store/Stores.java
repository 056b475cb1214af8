package org.icakg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Opens the data sets the service runs on. The default graph of each is the union of its named graphs. */
public final class Stores {

    private Stores() {}

    /** A transactional in-memory data set ({@link MemoryStore}). */
    public static DatasetGraph inMemory() {
        return new MemoryStore();
    }

    /** A persistent TDB2 data set in {@code dir}, created when absent. */
    public static DatasetGraph tdb2(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create store directory " + dir + ": " + e.getMessage());
        }
        if (!Files.isWritable(dir))
            throw new StoreException("store directory " + dir + " is not writable");
        try {
            return withUnionDefaultGraph(DatabaseMgr.connectDatasetGraph(dir.toString()));
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.toLowerCase().contains("lock"))
                throw new StoreException("store directory " + dir + " is in use by another process (" + why + ")");
            throw new StoreException("cannot open store " + dir + ": " + why);
        }
    }

    /** Closes a data set; a TDB2 store is released (its lock and caches), so its folder can be opened again. */
    public static void close(DatasetGraph dsg) {
        if (TDBInternal.isTDB2(dsg))
            TDBInternal.expel(dsg);
        else
            dsg.close();
    }

    /** True when {@code dsg} is a TDB2 store. */
    public static boolean isTdb2(DatasetGraph dsg) { return TDBInternal.isTDB2(dsg); }

    /**
     * Writes every quad of {@code from} into the empty TDB2 store {@code to} with TDB2's phased bulk loader, which
     * builds each index in turn in a write transaction of its own making; {@code progress} gets its progress lines.
     * Much faster than adding the quads one by one: TDB2 then updates its six quad indexes for every quad.
     */
    public static void bulkLoad(DatasetGraph from, DatasetGraph to, MonitorOutput progress) {
        DataLoader loader = LoaderFactory.phasedLoader(to, progress);
        loader.startBulk();
        try {
            Txn.executeRead(from, () -> {
                StreamRDF into = loader.stream();
                from.find().forEachRemaining(into::quad);
            });
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }

    /**
     * Keeps {@code prefixes} in the TDB2 store {@code dsg} (TDB2 stores a data set's prefixes beside its quads), so
     * that a reopened store shows the prefixes its files declared without reading any file again.
     */
    public static void keepPrefixes(DatasetGraph dsg, org.apache.jena.riot.system.PrefixMap prefixes) {
        Txn.executeWrite(dsg, () -> dsg.prefixes().putAll(prefixes));
    }

    /** The prefixes kept in {@code dsg} ({@link #keepPrefixes}), a copy; empty for a store built before they were kept. */
    public static org.apache.jena.riot.system.PrefixMap keptPrefixes(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> org.apache.jena.riot.system.PrefixMapFactory.create(dsg.prefixes()));
    }

    /**
     * What the union of {@code dsg}'s named graphs holds now, as a test of one statement that does not change with
     * later writes; null when the store cannot make one. On the in-memory store, in the calling thread's
     * transaction, it is a copy of the store's own table of statements (a few copies of arrays): cheaper than
     * collecting the statements again, and safe to ask from other threads while this one goes on writing.
     */
    public static Predicate<Triple> unionAsNow(DatasetGraph dsg) {
        return dsg instanceof MemoryStore store ? store.unionAsNow() : null;
    }

    /**
     * Adds {@code ts} to the named graph {@code g} of {@code dsg}, as adding each quad does; the in-memory store
     * looks the graph up once for all of them. In a write transaction (or one of its own when there is none).
     */
    public static void addAll(DatasetGraph dsg, Node g, List<Triple> ts) {
        if (dsg instanceof MemoryStore store) {
            store.addAll(g, ts);
            return;
        }
        for (Triple t : ts)
            dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /**
     * Tells {@code dsg}, in a write transaction that has written nothing yet, that about {@code statements} statements
     * are coming: the in-memory store then makes its table of statements at that size once. A hint, nothing more:
     * fewer or more may come, and other stores ignore it.
     */
    public static void expectStatements(DatasetGraph dsg, long statements) {
        if (dsg instanceof MemoryStore store && statements > 0)
            store.expect(roomFor(statements, Runtime.getRuntime().maxMemory()));
    }

    /** The most statements {@link #expectStatements} makes room for at once (under half a gigabyte of arrays). */
    static final int MAX_EXPECTED = 1 << 24;
    /** Bytes of the table's arrays per statement it has room for (positions, keys, hashes and values: 20 to 28), rounded up. */
    static final int TABLE_BYTES_PER_STATEMENT = 32;

    /**
     * The room made for {@code statements} expected statements: at most {@link #MAX_EXPECTED}, and at most what an
     * eighth of the heap holds, so that an estimate that is far too high (a file of blank lines counted as
     * statements, say) cannot take the heap before a single statement is read.
     */
    static int roomFor(long statements, long maxHeap) {
        return (int) Math.min(Math.min(statements, MAX_EXPECTED), maxHeap / 8 / TABLE_BYTES_PER_STATEMENT);
    }

    /** True when the data set holds no statement at all. */
    public static boolean isEmpty(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.isEmpty() && !dsg.find().hasNext());
    }

    private static DatasetGraph withUnionDefaultGraph(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        QC.setFactory(dsg.getContext(), CheckpointedTdb2Executor::new);
        return dsg;
    }

    /** A store that cannot be opened or written, with the reason. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message) { super(message); }
    }

}
