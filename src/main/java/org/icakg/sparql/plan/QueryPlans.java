package org.icakg.sparql.plan;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The query planner of the service's data sets: Jena's optimiser extended with rewrites that start a query from
 * its selective part ({@link PlanOptimizer}), and basic graph patterns ordered by statistics of the data
 * ({@link PlannedStages}, {@link PlanStatistics}). Installed once per data set, in its context, where every query
 * on it (SPARQL endpoint, pages, commands) finds it.
 */
public final class QueryPlans {

    private QueryPlans() {}

    /**
     * Installs the planner on {@code dsg} and returns its statistics; the caller tells them of every committed
     * write ({@link PlanStatistics#dataChanged()}). On a TDB2 store, whose own engine orders patterns and reads
     * quads, the algebra rewrites are installed, counts from the statistics included, but not the index joins; the
     * steps of the service's own run their sub-plans as TDB2 runs a query ({@link org.icakg.store.Tdb2Plans}).
     */
    public static PlanStatistics install(DatasetGraph dsg) {
        PlanStatistics statistics = new PlanStatistics(dsg);
        Context context = dsg.getContext();
        boolean tdb2 = TDBInternal.isTDB2(dsg);
        LiteralValues values = new LiteralValues();
        RewriteFactory optimizer = cxt -> new PlanOptimizer(cxt, statistics, values, !tdb2);
        context.set(ARQConstants.sysOptimizerFactory, optimizer);
        if (!tdb2)
            context.set(ARQ.stageGenerator, new PlannedStages(statistics));
        context.set(PlanStatistics.CONTEXT_KEY, statistics);
        return statistics;
    }

    /** {@code builder} set to run its query as written: no rewrite, the patterns of each group in the query's order. */
    public static QueryExecBuilder unplanned(QueryExecBuilder builder) {
        return builder.set(ARQConstants.sysOptimizerFactory, Optimize.noOptimizationFactory)
                .set(ARQ.stageGenerator, StageBuilder.executeInline);
    }
}
