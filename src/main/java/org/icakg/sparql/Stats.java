package org.icakg.sparql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.Node;

/**
 * Live counts of the graph (statements, entities per class, statements per named graph), computed on first
 * use and kept until the data changes ({@link #invalidate()} is called by every write).
 */
public final class Stats {

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
        if (s == null) {
            s = compute();
            current.compareAndSet(null, s);
        }
        return s;
    }

    /** Forgets the counts; the next {@link #get()} recomputes them. */
    public void invalidate() { current.set(null); }

    private Snapshot compute() {
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
