package org.icakg.store;

import java.util.Iterator;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A graph of a {@link MemoryStore} (a named graph, or the union that is the default graph), matched directly in
 * the store's triple indexes of the calling thread's transaction.
 */
final class StoreGraph extends GraphView implements ColumnLookups {

    private final MemoryStore store;

    StoreGraph(MemoryStore store, Node graphName) {
        super(store, graphName);
        this.store = store;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Node s, Node p, Node o) {
        return WrappedIterator.createNoRemove(store.triples(getGraphName(), s, p, o));
    }

    @Override
    public Function<Node, Iterator<Triple>> lookup(Node p, boolean bySubject) {
        return store.column(getGraphName(), p, bySubject);
    }

    @Override
    public DenseColumn dense(Node p, boolean bySubject) {
        return store.dense(getGraphName(), p, bySubject);
    }

    @Override
    protected int graphBaseSize() { return (int) Math.min(Integer.MAX_VALUE, store.size(getGraphName())); }
}
