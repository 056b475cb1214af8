package org.icakg.sparql.plan;

import java.util.List;
import java.util.Optional;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.QC;
import org.icakg.store.Tdb2Plans;

/**
 * A group whose rows can be read from {@link PlanStatistics} instead of computed. It runs the group it replaces
 * instead when the counts do not apply: in a write transaction (which sees uncommitted statements), over another data
 * set (FROM, FROM NAMED), inside a pattern that feeds it bindings, or when the counts are not at hand. Shown in a plan
 * as {@code (TAG (group ...))}.
 */
abstract class CountedGroup extends StandIn {

    final OpGroup group;
    final PlanStatistics statistics;

    CountedGroup(String tag, OpGroup group, PlanStatistics statistics) {
        super(tag);
        this.group = group;
        this.statistics = statistics;
    }

    /** The group's rows from the statistics, or empty when they cannot give them. */
    abstract Optional<List<Binding>> rows();

    @Override
    public Op effectiveOp() { return group; }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
        Optional<List<Binding>> rows = input.isJoinIdentity() && statistics.readOnly()
                && statistics.covers(execCxt.getDataset()) ? rows() : Optional.empty();
        if (rows.isEmpty())
            return QC.execute(Tdb2Plans.executable(group, execCxt), input, execCxt);
        input.close();
        return QueryIterPlainWrapper.create(rows.get().iterator(), execCxt);
    }
}
