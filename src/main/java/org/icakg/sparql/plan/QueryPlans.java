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
     * quads, only the algebra rewrites are installed, and none that makes a step of the service's own: TDB2 runs such
     * a step's sub-plan against its own default graph (empty here: the data is in named graphs), not the union, so
     * the top-N sort of the recent-events class answered no rows at all.
     */
    public static PlanStatistics install(DatasetGraph dsg) {
        PlanStatistics statistics = new PlanStatistics(dsg);
        Context context = dsg.getContext();
        boolean tdb2 = TDBInternal.isTDB2(dsg);
        PlanStatistics counting = tdb2 ? null : statistics;
        LiteralValues values = new LiteralValues();
        RewriteFactory optimizer = cxt -> new PlanOptimizer(cxt, counting, values, !tdb2);
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
