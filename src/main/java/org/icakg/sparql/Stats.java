package org.icakg.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.icakg.store.MemoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live counts of the graph (statements, entities per class, statements per named graph). They are made on a
 * background thread of their own, at low priority, which no page's time limit stops, when a page asks for them and
 * they are not of the current data: none yet, or a write came after them ({@link #invalidate()}). Nothing is counted
 * that nobody asks for, so writes and queries right after a start or a write do not share the processor with a count
 * of the whole store. One count at a time. Pages read them with {@link #latest()}: the counts of the current data when
 * they are made within a moment, else the previous counts, marked as such, else none yet. Values derived from the data ({@link #afterCount}) are rebuilt on
 * the same thread after each count. On a TDB2 store the counts are read from its quad indexes ({@link Tdb2Totals}); in
 * memory from the union graph; else by the queries {@code totals}, {@code class-counts} and {@code graph-sizes}.
 * <p>
 * {@code /metrics} reads the counts with {@link #peek()}, which neither starts a count nor waits for one. Stopping
 * ({@link #close()}) ends a count under way within moments: the scans look at {@link #closing()} as they go.
 */
public final class Stats {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.stats");

    /** Longest a page waits for the counts being made after a write before it shows the previous ones. */
    public static final Duration WAIT_AFTER_WRITE = Duration.ofSeconds(1);
    /** Longest a page waits for the first counts after a start before it says they are being made. */
    public static final Duration WAIT_FIRST = Duration.ofSeconds(3);
    /**
     * The time limit of the queries the background work runs (the timeline, and the counts on a store read by query):
     * generous, as they read the whole graph once per write, but not without end.
     */
    public static final Duration BACKGROUND_LIMIT = Duration.ofMinutes(10);
    /** Longest {@link #close()} waits for the counting thread to end (it ends within moments of being told). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** Statements read in memory between two looks at whether to stop. */
    private static final int CHECK_EVERY = 1 << 14;
    /** The background thread ends after this long with nothing to do. */
    private static final long IDLE_SECONDS = 5;

    /** Counts at one moment. */
    public record Snapshot(long triples, long subjects, Map<Node, Long> classes, Map<Node, String> classLabels,
                           Map<Node, Long> graphs) {}

    /** The latest counts ({@code null} when none are made yet) and whether they count the current data. */
    public record Latest(Snapshot snapshot, boolean current) {
        /** True when there are counts, but a write came after them. */
        public boolean stale() { return snapshot != null && !current; }
    }

    /** Counts, and the number of writes seen when they were begun. */
    private record Counted(Snapshot snapshot, long version) {}

    private final QueryLibrary queries;
    private volatile Counted counted;
    /** Writes seen. */
    private final AtomicLong version = new AtomicLong();
    private final List<LongConsumer> derived = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor worker;
    /** True while a round of counting is queued and not yet begun. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean closed;

    public Stats(QueryLibrary queries) {
        this.queries = queries;
        this.worker = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ica-kg-counts");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        worker.allowCoreThreadTimeOut(true);
    }

    /**
     * Rebuilds a value derived from the data on the counting thread after each count, given the number of writes
     * seen when the round began (the value is current while {@link #version()} still says so).
     */
    public void afterCount(LongConsumer rebuild) {
        derived.add(rebuild);
    }

    /** Writes seen so far: a value made when this was {@code v} is current while it still is. */
    public long version() {
        return version.get();
    }

    /**
     * The latest counts as they are, without starting a count or waiting for one: for readers that must answer at
     * once ({@code /metrics}). None until a page first asked for counts and they were made.
     */
    public Latest peek() {
        Counted c = counted;
        return c == null ? new Latest(null, false) : new Latest(c.snapshot(), c.version() == version.get());
    }

    /** True once the counting is being stopped: a long scan on the counting thread ends when it sees this. */
    public boolean closing() {
        return closed;
    }

    /**
     * The counts of the current data if they are made within {@link #WAIT_AFTER_WRITE} ({@link #WAIT_FIRST} when
     * there are none yet); else the previous ones, or none.
     */
    public Latest latest() {
        Counted c = counted;
        if (c != null && c.version() == version.get())
            return new Latest(c.snapshot(), true);
        hurry();
        await(() -> {
            Counted now = counted;
            return now != null && now.version() == version.get();
        }, c == null);
        c = counted;
        return c == null ? new Latest(null, false) : new Latest(c.snapshot(), c.version() == version.get());
    }

    /**
     * Waits until {@code done} (tested whenever counts or a derived value are made), at most {@link #WAIT_FIRST} when
     * there is no value yet ({@code first}), else {@link #WAIT_AFTER_WRITE}.
     */
    public void await(BooleanSupplier done, boolean first) {
        long deadline = System.nanoTime() + (first ? WAIT_FIRST : WAIT_AFTER_WRITE).toNanos();
        synchronized (this) {
            long left;
            while (!done.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Starts a round of counting unless one is queued: a page waits for counts of the current data. */
    public void hurry() {
        kick();
    }

    /** Tells waiting pages that something was made (counts or a derived value). */
    public synchronized void made() {
        notifyAll();
    }

    /** The data changed: the counts (and what derives from them) are made again when a page next asks. */
    public void invalidate() {
        version.incrementAndGet();
    }

    private void kick() {
        if (closed || !queued.compareAndSet(false, true))
            return;
        try {
            worker.execute(this::round);
        } catch (RejectedExecutionException e) { // closed meanwhile
            queued.set(false);
        }
    }

    /**
     * Stops the counting: a round under way ends its scan at the next look at {@link #closing()}, and a background
     * query is aborted, before this returns (the store may be closed next, which a read transaction still open would
     * prevent). The thread is not interrupted: an interrupt during a read of a TDB2 file closes the file's channel
     * under the store (Java's interruptible I/O), and the store then fails instead of closing cleanly.
     */
    public void close() {
        closed = true;
        worker.shutdown();
        queries.abortRunning();
        try {
            if (!worker.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS))
                LOG.warn("counting the graph did not stop within {} s", STOP_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round on the counting thread: count unless current, rebuild what derives. */
    private void round() {
        queued.set(false); // a page asking from here on queues the next round
        try {
            if (closed)
                return;
            long v = version.get();
            Counted c = counted;
            if (c == null || c.version() != v) {
                long start = System.nanoTime();
                Snapshot s = compute();
                LOG.info("counted {} statements, {} classes and {} graphs in {} ms", s.triples(), s.classes().size(),
                        s.graphs().size(), (System.nanoTime() - start) / 1_000_000);
                synchronized (this) {
                    counted = new Counted(s, v);
                    notifyAll();
                }
            }
            for (LongConsumer d : derived) {
                if (closed)
                    return;
                try {
                    d.accept(v);
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (closing())
                        return; // the store may be closing under it
                    LOG.warn("rebuilding a value derived from the graph failed: {}", e.toString());
                }
            }
        } catch (CancellationException e) {
            LOG.info("counting the graph stopped: the server is stopping");
        } catch (RuntimeException e) {
            if (closing())
                return; // e.g. the store closed meanwhile; the next page asks again
            LOG.warn("counting the graph failed: {}", e.toString());
        }
    }

    private Snapshot compute() {
        DatasetGraph dsg = queries.dataset();
        Optional<Tdb2Totals> tdb2 = Tdb2Totals.of(dsg, this::closing);
        if (tdb2.isPresent())
            return Txn.calculateRead(dsg, () -> fromIndexes(dsg, tdb2.get()));
        if (dsg instanceof MemoryStore)
            return Txn.calculateRead(dsg, () -> inMemory(dsg, this::closing));
        return fromQueries();
    }

    /**
     * The counts of the in-memory store from its union graph, which holds each statement once and knows its size, and
     * its named graphs: one pass over the statements for the subjects, one over the {@code rdf:type} statements.
     */
    private static Snapshot inMemory(DatasetGraph dsg, BooleanSupplier stopped) {
        Graph union = dsg.getUnionGraph();
        Set<Node> subjects = new HashSet<>();
        StopCheck check = new StopCheck(stopped, CHECK_EVERY);
        union.find().forEachRemaining(t -> {
            subjects.add(t.getSubject());
            check.tick();
        });
        Map<Node, Long> perClass = new HashMap<>();
        union.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> perClass.merge(t.getObject(), 1L, Long::sum));
        Map<Node, Long> perGraph = new HashMap<>();
        dsg.listGraphNodes().forEachRemaining(g -> perGraph.put(g, (long) dsg.getGraph(g).size()));
        return snapshot(dsg, union.size(), subjects.size(), perClass, perGraph);
    }

    private static Snapshot fromIndexes(DatasetGraph dsg, Tdb2Totals counts) {
        Tdb2Totals.Totals totals = counts.totals();
        return snapshot(dsg, totals.triples(), totals.subjects(), counts.classes(), counts.graphs());
    }

    /** The counts in the order the queries give them: classes by entities (most first), graphs by name. */
    private static Snapshot snapshot(DatasetGraph dsg, long triples, long subjects, Map<Node, Long> perClass,
                                     Map<Node, Long> perGraph) {
        List<Map.Entry<Node, Long>> byCount = new ArrayList<>(perClass.entrySet());
        byCount.removeIf(e -> !e.getKey().isURI());
        byCount.sort(Map.Entry.<Node, Long>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().getURI()));
        Map<Node, Long> classes = new LinkedHashMap<>();
        Map<Node, String> labels = new LinkedHashMap<>();
        for (Map.Entry<Node, Long> e : byCount) {
            classes.put(e.getKey(), e.getValue());
            labels.put(e.getKey(), label(dsg, e.getKey()));
        }
        List<Map.Entry<Node, Long>> graphList = new ArrayList<>(perGraph.entrySet());
        graphList.removeIf(e -> e.getValue() == 0);
        graphList.sort(Comparator.comparing(e -> e.getKey().toString()));
        Map<Node, Long> graphs = new LinkedHashMap<>();
        graphList.forEach(e -> graphs.put(e.getKey(), e.getValue()));
        return new Snapshot(triples, subjects, classes, labels, graphs);
    }

    /** A label of a class, as {@code class-counts} samples one; else its local name. */
    private static String label(DatasetGraph dsg, Node c) {
        String label = labelOf(dsg, c);
        return label == null ? c.getLocalName() : label;
    }

    /** The first {@code rdfs:label} of {@code n} in any graph of {@code dsg}, or null. */
    public static String labelOf(DatasetGraph dsg, Node n) {
        var it = dsg.find(Node.ANY, n, RDFS.label.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node l = it.next().getObject();
            if (l.isLiteral())
                return l.getLiteralLexicalForm();
        }
        return null;
    }

    private Snapshot fromQueries() {
        var totals = queries.select("totals").get(0);
        Map<Node, Long> classes = new LinkedHashMap<>();
        Map<Node, String> labels = new LinkedHashMap<>();
        queries.select("class-counts").forEach(b -> {
            Node c = b.get("class");
            if (c != null && c.isURI()) {
                classes.put(c, number(b.get("entities")));
                Node l = b.get("classLabel");
                labels.put(c, l == null ? c.getLocalName() : l.getLiteralLexicalForm());
            }
        });
        Map<Node, Long> graphs = new LinkedHashMap<>();
        queries.select("graph-sizes").forEach(b -> graphs.put(b.get("graph"), number(b.get("triples"))));
        return new Snapshot(number(totals.get("triples")), number(totals.get("subjects")), classes, labels, graphs);
    }

    private static long number(Node n) {
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }
}
