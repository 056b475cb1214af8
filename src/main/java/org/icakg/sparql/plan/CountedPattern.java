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
 * A count over one predicate's statements answered from {@link PlanStatistics}; it runs the group it replaces when
 * the counts do not apply ({@link CountedGroup}). Shown in a plan as {@code (counted-pattern (group ...))}.
 */
final class CountedPattern extends CountedGroup {

    static final String TAG = "counted-pattern";

    private final Triple pattern;
    private final boolean byObject;

    CountedPattern(OpGroup group, Triple pattern, boolean byObject, PlanStatistics statistics) {
        super(TAG, group, statistics);
        this.pattern = pattern;
        this.byObject = byObject;
    }

    @Override
    Optional<List<Binding>> rows() {
        Optional<PlanStatistics.PredicateCounts> counts = statistics.counts(pattern.getPredicate());
        if (counts.isEmpty())
            return Optional.empty();
        PlanStatistics.PredicateCounts c = counts.get();
        Node object = pattern.getObject();
        if (!byObject && !object.isConcrete())
            return Optional.of(List.of(row(null, null, c.statements(), c.subjects(), c.objects())));
        if (c.perObject().isEmpty())
            return Optional.empty();
        Map<Node, Long> perObject = c.perObject().get();
        if (!byObject) {
            long n = perObject.getOrDefault(object, 0L);
            return Optional.of(List.of(row(null, null, n, n, n == 0 ? 0 : 1)));
        }
        List<Binding> out = new ArrayList<>(perObject.size());
        perObject.forEach((o, n) -> out.add(row((Var) object, o, n, n, 1)));
        return Optional.of(out);
    }

    /** One answer row: each aggregate's value from the statement, distinct subject and distinct object counts. */
    private Binding row(Var key, Node value, long statements, long subjects, long objects) {
        BindingBuilder b = BindingBuilder.create();
        if (key != null)
            b.add(key, value);
        for (ExprAggregator agg : group.getAggregators()) {
            long n = statements;
            if (agg.getAggregator() instanceof AggCountVarDistinct d && d.getExprList().get(0) instanceof ExprVar v)
                n = v.asVar().equals(pattern.getSubject()) ? subjects : objects;
            b.add(agg.getVar(), NodeValue.makeInteger(n).asNode());
        }
        return b.build();
    }
}
