package org.icakg.write;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.icakg.kb.Vocab;

/**
 * The store as a write sees it: every change goes through {@link #add} and {@link #delete}, which record the net
 * change, refuse the graphs the server maintains, and give the default graph the meaning it has for readers
 * (the union of the named graphs): statements written to it land in the unattributed graph, and statements
 * deleted from it are deleted from every named graph that holds them. Deletes aimed at the inferred graph are
 * ignored (inferences follow from what is asserted).
 */
final class RecordingDataset extends DatasetGraphWrapper {

    private final Vocab vocab;
    private final Map<Node, String> protectedGraphs;
    private final Set<Quad> added = new LinkedHashSet<>();
    private final Set<Quad> removed = new LinkedHashSet<>();

    RecordingDataset(DatasetGraph store, Vocab vocab) {
        super(store);
        this.vocab = vocab;
        this.protectedGraphs = ProtectedGraphException.graphs(vocab);
    }

    /** The net change so far. */
    Change change() { return new Change(List.copyOf(added), List.copyOf(removed)); }

    @Override
    public void add(Quad q) { add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(isDefault(g) ? vocab.unattributedGraph() : writable(g), s, p, o);
        UnsafeIriException.check(q);
        if (get().contains(q))
            return;
        get().add(q);
        if (!removed.remove(q))
            added.add(q);
    }

    @Override
    public void delete(Quad q) { delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (isDefault(g)) {
            for (Quad q : assertedMatches(s, p, o))
                remove(q);
            return;
        }
        if (!ignoresDeletes(g))
            remove(Quad.create(writable(g), s, p, o));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (ignoresDeletes(g))
            return;
        List<Quad> matches = isDefault(g) || g == Node.ANY ? assertedMatches(s, p, o)
                : list(get().find(writable(g), s, p, o));
        matches.forEach(this::remove);
    }

    @Override
    public void clear() { deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY); }

    @Override
    public void removeGraph(Node g) { deleteAny(g, Node.ANY, Node.ANY, Node.ANY); }

    @Override
    public void addGraph(Node g, Graph graph) {
        removeGraph(g);
        graph.find().forEachRemaining(t -> add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public Graph getDefaultGraph() { return GraphView.createDefaultGraph(this); }

    @Override
    public Graph getGraph(Node g) {
        if (isDefault(g))
            return getDefaultGraph();
        return Quad.isUnionGraph(g) ? GraphView.createUnionGraph(this) : GraphView.createNamedGraph(this, g);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return get().find(isDefault(g) ? Quad.unionGraph : g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Quad q) { return find(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) { return find(g, s, p, o).hasNext(); }

    @Override
    public boolean contains(Quad q) { return find(q).hasNext(); }

    private void remove(Quad q) {
        if (!get().contains(q))
            return;
        get().delete(q);
        if (!added.remove(q))
            removed.add(q);
    }

    /** Matches in the graphs that hold asserted statements (not the ontology, not the inferred graph). */
    private List<Quad> assertedMatches(Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        get().find(Node.ANY, s, p, o).forEachRemaining(q -> {
            if (!protectedGraphs.containsKey(q.getGraph()) && !vocab.isInferred(q.getGraph()) && !Quad.isDefaultGraph(q.getGraph()))
                out.add(q);
        });
        return out;
    }

    private Node writable(Node g) {
        ProtectedGraphException.check(vocab, g);
        if (Quad.isUnionGraph(g))
            throw new IllegalArgumentException("The union graph cannot be written; name a graph");
        return g;
    }

    /**
     * Deleting from the inferred graph is a no-op rather than an error, so that {@code DELETE { GRAPH ?g {…} }}
     * works: an inferred statement goes away when what entails it does.
     */
    private boolean ignoresDeletes(Node g) { return g != null && vocab.isInferred(g); }

    private static boolean isDefault(Node g) { return g == null || Quad.isDefaultGraph(g); }

    private static List<Quad> list(Iterator<Quad> it) {
        List<Quad> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
