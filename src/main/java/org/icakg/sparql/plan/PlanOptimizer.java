package org.icakg.sparql.plan;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.optimize.OptimizerStd;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.TransformTopN;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Jena's standard optimiser with the service's own rewrites around it: property paths first from their constant
 * end ({@link PathFromBoundEnd}, before Jena places filters), then Jena's rewrites (filter placement, top-N for
 * ORDER BY + LIMIT, ...), then LIMIT carried into unions and through BIND ({@link LimitPushdown}), counts over one
 * predicate read from the statistics ({@link CountFromStatistics}) when the data set has them, and top-N
 * sorts that evaluate each row's keys once ({@link SortKeysOnce}); filters and sort keys read literal values
 * through the data set's {@link LiteralValues} ({@link KeptLiteralValues}). On the in-memory store, basic graph
 * patterns and the filters on them become nested index look-ups ({@link IndexJoins}) before the top-N sorts are
 * replaced. A query of triple patterns only gets the index join alone: the other rewrites leave it as it is.
 */
final class PlanOptimizer implements Rewrite {

    private final Context context;
    private final PlanStatistics statistics;
    private final LiteralValues values;
    /** Whether basic graph patterns may become index joins: not on TDB2, whose engine reads its own indexes. */
    private final boolean indexJoins;

    PlanOptimizer(Context context, PlanStatistics statistics, LiteralValues values, boolean indexJoins) {
        this.context = context;
        this.statistics = statistics;
        this.values = values;
        this.indexJoins = indexJoins;
    }

    @Override
    public Op rewrite(Op op) {
        // A query without patterns (ASK {}, a SELECT of expressions only) has nothing to plan.
        if (op instanceof OpTable)
            return op;
        // Triple patterns only, under a projection, DISTINCT or slice (a join, a look-up): no other rewrite applies,
        // and their passes over the plan cost more than the rest of planning.
        if (statistics != null && indexJoins && patternsOnly(op))
            return apply(new IndexJoins(new StatisticsReorder(statistics)), op);
        return rewriteInFull(op);
    }

    /** Every rewrite in turn (what {@link #rewrite} does but for a query of triple patterns only). */
    Op rewriteInFull(Op op) {
        op = apply(new PathFromBoundEnd(), op);
        op = new OptimizerStd(context).rewrite(op);
        op = apply(new LimitPushdown(), op);
        op = apply(new TransformTopN(), op);
        if (statistics != null && readsDefaultGraphOnly(op))
            op = apply(new CountFromStatistics(statistics), op);
        op = apply(new KeptLiteralValues(values), op);
        if (statistics != null && indexJoins)
            op = apply(new IndexJoins(new StatisticsReorder(statistics)), op);
        return apply(new SortKeysOnce(values), op);
    }

    private static Op apply(Transform transform, Op op) {
        return Transformer.transformSkipService(transform, op);
    }

    /**
     * True when {@code op} is one basic graph pattern under nothing but a projection, DISTINCT, REDUCED and a slice,
     * none of whose predicates is a property function (Jena's optimiser turns those into calls).
     */
    private boolean patternsOnly(Op op) {
        while (op instanceof OpSlice || op instanceof OpProject || op instanceof OpDistinct || op instanceof OpReduced)
            op = ((Op1) op).getSubOp();
        if (!(op instanceof OpBGP bgp))
            return false;
        PropertyFunctionRegistry functions = PropertyFunctionRegistry.chooseRegistry(context);
        for (Triple t : bgp.getPattern()) {
            Node p = t.getPredicate();
            if (p.isURI() && functions.isRegistered(p.getURI()))
                return false;
        }
        return true;
    }

    /** True when no part of {@code op} reads a named graph or another service. */
    private static boolean readsDefaultGraphOnly(Op op) {
        boolean[] other = {false};
        OpWalker.walk(op, new OpVisitorBase() {
            @Override public void visit(OpGraph opGraph) { other[0] = true; }
            @Override public void visit(OpQuadPattern quadPattern) { other[0] = true; }
            @Override public void visit(OpService opService) { other[0] = true; }
        });
        return !other[0];
    }
}
