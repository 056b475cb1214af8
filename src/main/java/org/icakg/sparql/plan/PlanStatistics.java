package org.icakg.sparql.plan;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/**
 * Counts of the default graph per predicate, read by the query planner: how many statements use a predicate, how
 * many distinct subjects they have, and (for predicates with few distinct objects, such as {@code rdf:type} or a
 * status) how many statements each object has; and for a pair of predicates sharing a subject, how often each
 * object of the second goes with each object of the first. Counts are taken from the index the first time a query
 * needs them and kept until the next committed write ({@link #dataChanged()}).
 */
public final class PlanStatistics {

    /** Context key under which a data set keeps its statistics. */
    public static final Symbol CONTEXT_KEY = Symbol.create("https://w3id.org/ica-kg/plan#statistics");

    /** A predicate whose statements have more distinct objects than this keeps no per-object counts. */
    public static final int MAX_OBJECT_COUNTS = 10_000;

    /** Pairs are counted for a first predicate of at most this many statements (one look-up each)... */
    static final long MAX_PAIR_SOURCE = 2_000_000;
    /** ... and kept when they have at most this many entries. */
    static final int MAX_PAIR_COUNTS = 200_000;

    /**
     * How long a query waits for counts being taken before it plans without them (a write waiting for the lock
     * the query holds could otherwise hold the counts back).
     */
    static final Duration WAIT = Duration.ofSeconds(2);
    /**
     * How long a query on TDB2 waits for counts being taken: counting reads each predicate's index entries once,
     * which a plain plan of the same query reads too, and more (a seek per row); TDB2's commits never wait for readers.
     */
    static final Duration TDB2_WAIT = Duration.ofSeconds(30);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("ica-kg.plan");

    /**
     * The counts of one predicate: statements, distinct subjects, distinct objects, and the statements of each
     * object when there are at most {@value #MAX_OBJECT_COUNTS} distinct objects (else empty).
     */
    public record PredicateCounts(long statements, long subjects, long objects, Optional<Map<Node, Long>> perObject) {

        /** The counts a TDB2 store's index gave. */
        public static PredicateCounts of(org.icakg.store.Tdb2Counts.PredicateTally t) {
            return new PredicateCounts(t.statements(), t.subjects(), t.objects(), t.perObject());
        }

        /** Estimated statements of a subject (on average). */
        double perSubject() { return subjects == 0 ? 0 : (double) statements / subjects; }

        /** Statements of {@code object}: exact when per-object counts are kept, else the average. */
        double perObject(Node object) {
            return perObject.map(m -> (double) m.getOrDefault(object, 0L))
                    .orElseGet(() -> objects == 0 ? 0 : (double) statements / objects);
        }

        /** Estimated statements of an object bound at run time (on average). */
        double perAnyObject() { return objects == 0 ? 0 : (double) statements / objects; }
    }

    /**
     * For each object of a first predicate, how many subjects with that object have each object of a second
     * predicate: {@code ?s first o1 . ?s second ?x} counted per {@code o1} and {@code ?x}. Empty when the first
     * predicate has too many distinct objects, too many statements, or the counts too many entries.
     */
    public record PairCounts(Optional<Map<Node, Map<Node, Long>>> byFirstObject) {}

    /** What a pair of predicates is counted under. */
    private record Pair(Node first, Node second) {}

    private record Kept(long generation, CompletableFuture<Counted> counts) {}

    /** Counts, and the TDB2 data version they were taken at (-1 for another store). */
    private record Counted(long version, Object counts) {}

    private final DatasetGraph dataset;
    private final AtomicLong generation = new AtomicLong();
    /** Counts by what they count: a predicate ({@link PredicateCounts}) or a {@link Pair} ({@link PairCounts}). */
    private final Map<Object, Kept> byPredicate = new ConcurrentHashMap<>();
    /** One thread that takes counts, started when needed and gone when idle. */
    private final ThreadPoolExecutor counter = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "plan-statistics");
                t.setDaemon(true);
                return t;
            });

    /** True for a TDB2 store, whose counts are read from its index and kept with its data version. */
    private final boolean tdb2;

    PlanStatistics(DatasetGraph dataset) {
        this.dataset = dataset;
        this.tdb2 = org.apache.jena.tdb2.sys.TDBInternal.isTDB2(dataset);
    }

    /** The counts of {@code predicate} in the default graph, kept until the next committed write. */
    public Optional<PredicateCounts> counts(Node predicate) {
        return kept(predicate, () -> tdb2 ? org.icakg.store.Tdb2Counts.of(dataset)
                .map(c -> PredicateCounts.of(c.predicate(predicate, MAX_OBJECT_COUNTS)))
                .orElseGet(() -> count(defaultGraph(), predicate))
                : count(defaultGraph(), predicate)).map(PredicateCounts.class::cast);
    }

    /**
     * The counts of {@code ?s first o1 . ?s second ?x} per {@code o1} and {@code ?x} in the default graph, kept and
     * taken like {@link #counts(Node)}. Only for a first predicate with per-object counts and at most
     * {@value #MAX_PAIR_SOURCE} statements; empty when the counts would exceed {@value #MAX_PAIR_COUNTS} entries.
     */
    public Optional<Map<Node, Map<Node, Long>>> pairCounts(Node first, Node second) {
        Optional<PredicateCounts> source = counts(first);
        if (source.isEmpty() || source.get().perObject().isEmpty() || source.get().statements() > MAX_PAIR_SOURCE)
            return Optional.empty();
        return kept(new Pair(first, second), () -> tdb2 ? org.icakg.store.Tdb2Counts.of(dataset)
                .map(c -> new PairCounts(c.pairs(first, second, MAX_PAIR_COUNTS)))
                .orElseGet(() -> countPairs(defaultGraph(), first, second)) : countPairs(defaultGraph(), first, second))
                .flatMap(c -> ((PairCounts) c).byFirstObject());
    }

    /**
     * The counts kept under {@code key} for the current data version. They are taken once, in a read transaction of
     * their own, on a thread of their own, begun after the current data version was noted, so counts kept under a
     * version never describe a state older than that version; callers wait up to {@link #WAIT} for them, and get none
     * if they take longer. On TDB2 they are kept with the data version of the state they count, and a reader uses
     * them only when its own transaction reads that version (a reader of a newer one has them counted again, once
     * for all the readers that ask meanwhile). On another store, while they are being taken, a caller in a read
     * transaction counts in its own instead (its own state, so its answers agree with the rest of its query; a store
     * whose commits wait for readers would hold the counting thread back until the caller ends).
     */
    private Optional<Object> kept(Object key, Supplier<Object> counting) {
        long current = generation.get();
        long version = tdb2 && inReadTransaction() ? dataVersion() : -1;
        Kept kept = byPredicate.get(key);
        if (kept == null || kept.generation() != current || olderThan(kept, version)) {
            kept = take(key, current, version, counting);
            if (!tdb2 && !kept.counts().isDone() && inReadTransaction())
                return Optional.of(counting.get());
        }
        try {
            Counted counted = kept.counts().get((tdb2 ? TDB2_WAIT : WAIT).toMillis(), TimeUnit.MILLISECONDS);
            return version >= 0 && counted.version() != version ? Optional.empty() : Optional.of(counted.counts());
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** True when {@code kept} holds counts of a data version older than {@code version} (a TDB2 reader's). */
    private static boolean olderThan(Kept kept, long version) {
        return version >= 0 && kept.counts().isDone() && !kept.counts().isCompletedExceptionally()
                && kept.counts().join().version() < version;
    }

    /** The counts of {@code key} under generation {@code current}, being taken by this call or another one. */
    private Kept take(Object key, long current, long version, Supplier<Object> counting) {
        Kept fresh = new Kept(current, new CompletableFuture<>());
        Kept kept = byPredicate.compute(key, (p, old) -> old != null && old.generation() == current
                && !olderThan(old, version) ? old : fresh);
        if (kept == fresh)
            counter.execute(() -> {
                try {
                    long start = System.nanoTime();
                    fresh.counts().complete(Txn.calculateRead(dataset, () -> new Counted(dataVersion(), counting.get())));
                    LOG.info("counted {} in {} ms", key, (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException | Error e) {
                    LOG.warn("could not count {}: {}", key, e.toString());
                    byPredicate.remove(key, fresh);
                    fresh.counts().completeExceptionally(e);
                }
            });
        return kept;
    }

    /** The TDB2 data version the calling thread's transaction reads; -1 on another store. */
    private long dataVersion() {
        if (!tdb2)
            return -1;
        var txn = org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(dataset).getTxnSystem().getThreadTransaction();
        return txn == null ? -1 : txn.getDataVersion();
    }

    /** True when these are the statistics of {@code dsg}, of the data set it wraps, or of the same TDB2 store. */
    boolean covers(DatasetGraph dsg) {
        if (org.icakg.store.Tdb2Plans.sameStore(dsg, dataset))
            return true;
        for (DatasetGraph d = dsg; d != null; d = d instanceof DatasetGraphWrapper w ? w.getWrapped() : null)
            if (d == dataset)
                return true;
        return false;
    }

    /** Forgets every count: called after each committed write. */
    public void dataChanged() {
        generation.incrementAndGet();
        byPredicate.clear();
    }

    private boolean inReadTransaction() {
        return dataset.isInTransaction() && dataset.transactionMode() == ReadWrite.READ;
    }

    /** True when the calling thread reads committed data only: in a read transaction, or in none. */
    boolean readOnly() {
        return !dataset.isInTransaction() || dataset.transactionMode() == ReadWrite.READ;
    }

    /** The default graph as queries see it (the union of the named graphs where the store says so). */
    private Graph defaultGraph() {
        if (org.apache.jena.tdb2.sys.TDBInternal.isTDB2(dataset))
            return org.icakg.store.UnionLookups.of(dataset);
        return dataset.getContext().isTrue(TDB2.symUnionDefaultGraph) ? dataset.getUnionGraph() : dataset.getDefaultGraph();
    }

    private static PairCounts countPairs(Graph graph, Node first, Node second) {
        Map<Node, Map<Node, Long>> counts = new HashMap<>();
        int entries = 0;
        var it = graph.find(Node.ANY, first, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                Map<Node, Long> perSecond = counts.computeIfAbsent(t.getObject(), o -> new HashMap<>());
                var seconds = graph.find(t.getSubject(), second, Node.ANY);
                try {
                    while (seconds.hasNext())
                        if (perSecond.merge(seconds.next().getObject(), 1L, Long::sum) == 1 && ++entries > MAX_PAIR_COUNTS)
                            return new PairCounts(Optional.empty());
                } finally {
                    seconds.close();
                }
            }
        } finally {
            it.close();
        }
        Map<Node, Map<Node, Long>> frozen = new HashMap<>();
        counts.forEach((o, m) -> frozen.put(o, Map.copyOf(m)));
        return new PairCounts(Optional.of(Map.copyOf(frozen)));
    }

    private static PredicateCounts count(Graph graph, Node predicate) {
        long statements = 0;
        Set<Node> subjects = new HashSet<>(), objects = new HashSet<>();
        Map<Node, Long> perObject = new HashMap<>();
        var it = graph.find(Node.ANY, predicate, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                statements++;
                subjects.add(t.getSubject());
                objects.add(t.getObject());
                if (perObject != null) {
                    perObject.merge(t.getObject(), 1L, Long::sum);
                    if (perObject.size() > MAX_OBJECT_COUNTS)
                        perObject = null;
                }
            }
        } finally {
            it.close();
        }
        return new PredicateCounts(statements, subjects.size(), objects.size(),
                Optional.ofNullable(perObject).map(Map::copyOf));
    }
}
