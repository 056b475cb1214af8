package org.icakg.sparql.plan;

import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.sse.writers.WriterOp;
import org.apache.jena.sparql.util.NodeIsomorphismMap;

/**
 * A group whose rows can be read from {@link PlanStatistics} instead of computed. It runs the group it replaces
 * instead when the counts do not apply: in a write transaction (which sees uncommitted statements), over another data
 * set (FROM, FROM NAMED), inside a pattern that feeds it bindings, or when the counts are not at hand. Shown in a plan
 * as {@code (TAG (group ...))}.
 */
abstract class CountedGroup extends OpExt {

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
            return QC.execute(group, input, execCxt);
        input.close();
        return QueryIterPlainWrapper.create(rows.get().iterator(), execCxt);
    }

    @Override
    public Op apply(Transform transform) { return this; }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        WriterOp.output(out, group, sCxt);
    }

    @Override
    public int hashCode() { return group.hashCode() ^ getName().hashCode(); }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
        return other.getClass() == getClass() && group.equalTo(((CountedGroup) other).group, labelMap);
    }
}
