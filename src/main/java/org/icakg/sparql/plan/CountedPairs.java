package org.icakg.sparql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.sse.writers.WriterOp;
import org.apache.jena.sparql.util.NodeIsomorphismMap;

/**
 * A count per object of a second predicate over the subjects that have a given object of a first one
 * ({@code ?s first O . ?s second ?x} grouped by {@code ?x}, counting rows or subjects) answered from the pair counts
 * of {@link PlanStatistics}, one row per group, instead of one index look-up per subject. It runs the group it
 * replaces instead when the counts do not apply (as {@link CountedPattern}). Shown in a plan as
 * {@code (counted-pairs (group ...))}.
 */
final class CountedPairs extends OpExt {

    static final String TAG = "counted-pairs";

    private final OpGroup group;
    private final Triple first, second;
    private final PlanStatistics statistics;

    /** {@code first} is {@code ?s p1 O}, {@code second} is {@code ?s p2 ?x}, and {@code group} groups by {@code ?x}. */
    CountedPairs(OpGroup group, Triple first, Triple second, PlanStatistics statistics) {
        super(TAG);
        this.group = group;
        this.first = first;
        this.second = second;
        this.statistics = statistics;
    }

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

    private Optional<List<Binding>> rows() {
        return statistics.pairCounts(first.getPredicate(), second.getPredicate()).map(counts -> {
            Map<Node, Long> perObject = counts.getOrDefault(first.getObject(), Map.of());
            Var key = (Var) second.getObject();
            List<Binding> out = new ArrayList<>(perObject.size());
            perObject.forEach((x, n) -> out.add(row(key, x, n)));
            return out;
        });
    }

    /** One group: COUNT(DISTINCT ?x) is 1 in it, every other count allowed here is the number of subjects. */
    private Binding row(Var key, Node value, long subjects) {
        BindingBuilder b = BindingBuilder.create();
        b.add(key, value);
        for (ExprAggregator agg : group.getAggregators()) {
            long n = agg.getAggregator() instanceof AggCountVarDistinct d && d.getExprList().get(0) instanceof ExprVar v
                    && v.asVar().equals(key) ? 1 : subjects;
            b.add(agg.getVar(), NodeValue.makeInteger(n).asNode());
        }
        return b.build();
    }

    @Override
    public Op apply(Transform transform) { return this; }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        WriterOp.output(out, group, sCxt);
    }

    @Override
    public int hashCode() { return group.hashCode() ^ TAG.hashCode(); }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
        return other instanceof CountedPairs c && group.equalTo(c.group, labelMap);
    }
}
