package org.icakg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.main.QC;

/**
 * A data set whose default graph, as SPARQL sees it, is the union of its named graphs; everything else (named
 * graphs, {@code find}, transactions, writes) is the wrapped data set's. {@code GRAPH ?g} lists named graphs only
 * and is answered from the quad indexes ({@link UnionAwareExecutor}).
 */
public final class UnionDefaultDataset extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    UnionDefaultDataset(DatasetGraph base) {
        super(base);
        QC.setFactory(getContext(), UnionAwareExecutor::new);
    }

    /** The union of the named graphs (the stored default graph stays empty and is not read by queries). */
    @Override
    public Graph getDefaultGraph() { return getUnionGraph(); }

    @Override
    public Graph getGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) ? getUnionGraph() : super.getGraph(graphNode);
    }
}
