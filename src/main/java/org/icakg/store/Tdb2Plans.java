package org.icakg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.store.GraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Parts of a plan that the service evaluates itself (a top-N step, a group counted from statistics), run on TDB2.
 * TDB2's engine puts a whole query in quad form and points its default-graph patterns at the union of the named
 * graphs before it runs it; a part it is handed later, still in triple form, would read TDB2's storage default graph,
 * which is empty here (the data is in named graphs), and find nothing.
 */
public final class Tdb2Plans {

    private Tdb2Plans() {}

    /**
     * {@code op} as TDB2 runs it in {@code execCxt}: when that reads a TDB2 store's default graph that stands for the
     * union of its named graphs, in quad form with its default-graph patterns on the union; otherwise as it is.
     */
    public static Op executable(Op op, ExecutionContext execCxt) {
        if (!TDBInternal.isBackedByTDB(execCxt.getDataset()) || !unionDefaultGraph(execCxt) || !readsDefaultGraph(execCxt))
            return op;
        return OpLib.unionDefaultGraphQuads(Algebra.toQuadForm(op));
    }

    /** True when {@code a} and {@code b} are the same TDB2 store (one of them, say, the store a query engine unwrapped). */
    public static boolean sameStore(DatasetGraph a, DatasetGraph b) {
        return TDBInternal.isBackedByTDB(a) && TDBInternal.isBackedByTDB(b)
                && TDBInternal.getDatasetGraphTDB(a) == TDBInternal.getDatasetGraphTDB(b);
    }

    private static boolean unionDefaultGraph(ExecutionContext execCxt) {
        return execCxt.getContext().isTrue(TDB2.symUnionDefaultGraph1)
                || execCxt.getContext().isTrue(TDB2.symUnionDefaultGraph2);
    }

    /** True outside any {@code GRAPH}: the active graph is the store's default graph. */
    private static boolean readsDefaultGraph(ExecutionContext execCxt) {
        Graph active = execCxt.getActiveGraph();
        if (!(active instanceof GraphTDB g))
            return false;
        Node name = g.getGraphName();
        return name == null || Quad.isDefaultGraph(name);
    }
}
