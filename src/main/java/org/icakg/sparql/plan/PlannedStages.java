package org.icakg.sparql.plan;

import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.StageGeneratorGeneric;

/** Jena's generic basic-graph-pattern step, with the patterns ordered by {@link StatisticsReorder}. */
final class PlannedStages extends StageGeneratorGeneric {

    private final StatisticsReorder reorder;

    PlannedStages(PlanStatistics statistics) {
        this.reorder = new StatisticsReorder(statistics);
    }

    @Override
    public QueryIterator execute(BasicPattern pattern, QueryIterator input, ExecutionContext execCxt) {
        return execute(pattern, reorder, input, execCxt);
    }
}
