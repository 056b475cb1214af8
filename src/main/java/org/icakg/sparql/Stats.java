package org.icakg.sparql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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
 * Live counts of the graph (statements, entities per class, statements per named graph), computed on first
 * use and kept until the data changes ({@link #invalidate()} is called by every write). On a TDB2 store they are
 * read from its quad indexes ({@link Tdb2Totals}); in memory by the queries {@code totals}, {@code class-counts} and
 * {@code graph-sizes}. Requests that arrive while the counts are being made wait for the same counts.
 */
public final class Stats {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.stats");

    /** Counts at one moment. */
    public record Snapshot(long triples, long subjects, Map<Node, Long> classes, Map<Node, String> classLabels,
                           Map<Node, Long> graphs) {}

    private final QueryLibrary queries;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public Stats(QueryLibrary queries) {
        this.queries = queries;
    }

    public Snapshot get() {
        Snapshot s = current.get();
        if (s != null)
            return s;
        synchronized (this) { // one count at a time: two requests at once would each count the whole store
            long version = invalidations;
            s = current.get();
            if (s == null) {
                long start = System.nanoTime();
                s = compute();
                LOG.info("counted {} statements, {} classes and {} graphs in {} ms", s.triples(), s.classes().size(),
                        s.graphs().size(), (System.nanoTime() - start) / 1_000_000);
                if (version == invalidations) // else a write came meanwhile: this count may miss it
                    current.set(s);
            }
            return s;
        }
    }

    /** Writes seen: counts made across one are not kept. */
    private volatile long invalidations;

    /** Forgets the counts; the next {@link #get()} recomputes them. */
    public void invalidate() {
        invalidations++;
        current.set(null);
    }

    private Snapshot compute() {
        DatasetGraph dsg = queries.dataset();
        Optional<Tdb2Totals> tdb2 = Tdb2Totals.of(dsg);
        if (tdb2.isPresent())
            return Txn.calculateRead(dsg, () -> fromIndexes(dsg, tdb2.get()));
        if (dsg instanceof MemoryStore)
            return Txn.calculateRead(dsg, () -> inMemory(dsg));
        return fromQueries();
    }

    /**
     * The counts of the in-memory store from its union graph, which holds each statement once and knows its size, and
     * its named graphs: one pass over the statements for the subjects, one over the {@code rdf:type} statements.
     */
    private static Snapshot inMemory(DatasetGraph dsg) {
        Graph union = dsg.getUnionGraph();
        Set<Node> subjects = new HashSet<>();
        union.find().forEachRemaining(t -> subjects.add(t.getSubject()));
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
        var it = dsg.find(Node.ANY, c, RDFS.label.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node l = it.next().getObject();
            if (l.isLiteral())
                return l.getLiteralLexicalForm();
        }
        return c.getLocalName();
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
