package org.icakg.sparql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;

/**
 * A count per object of a second predicate over the subjects that have a given object of a first one
 * ({@code ?s first O . ?s second ?x} grouped by {@code ?x}, counting rows or subjects) answered from the pair counts
 * of {@link PlanStatistics}, one row per group, instead of one index look-up per subject. It runs the group it
 * replaces when the counts do not apply ({@link CountedGroup}). Shown in a plan as
 * {@code (counted-pairs (group ...))}.
 */
final class CountedPairs extends CountedGroup {

    static final String TAG = "counted-pairs";

    private final Triple first, second;

    /** {@code first} is {@code ?s p1 O}, {@code second} is {@code ?s p2 ?x}, and {@code group} groups by {@code ?x}. */
    CountedPairs(OpGroup group, Triple first, Triple second, PlanStatistics statistics) {
        super(TAG, group, statistics);
        this.first = first;
        this.second = second;
    }

    @Override
    Optional<List<Binding>> rows() {
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
}
