package org.icakg.sparql.plan;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * Replaces a count over the statements of one predicate ({@code SELECT (COUNT(*) AS ?n) { ?s <p> ?o }}, its
 * {@code COUNT(?s)}, {@code COUNT(DISTINCT ?s)} forms, the same with a constant object such as a class, and
 * {@code GROUP BY ?o} over that predicate's objects) by {@link CountedPattern}, and a count per {@code ?x} of
 * {@code ?s p1 O . ?s p2 ?x} by {@link CountedPairs}; both read the answer from {@link PlanStatistics} instead of
 * visiting every statement.
 */
final class CountFromStatistics extends TransformCopy {

    private final PlanStatistics statistics;

    CountFromStatistics(PlanStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Op transform(OpGroup group, Op sub) {
        if (sub instanceof OpBGP bgp && bgp.getPattern().size() == 2)
            return pairs(group, bgp.getPattern().get(0), bgp.getPattern().get(1))
                    .or(() -> pairs(group, bgp.getPattern().get(1), bgp.getPattern().get(0)))
                    .orElseGet(() -> super.transform(group, sub));
        if (!(sub instanceof OpBGP bgp) || bgp.getPattern().size() != 1)
            return super.transform(group, sub);
        Triple t = bgp.getPattern().get(0);
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        if (!Var.isVar(s) || !p.isURI() || !(Var.isVar(o) || o.isConcrete()) || s.equals(o))
            return super.transform(group, sub);
        List<Var> keys = group.getGroupVars().getVars();
        boolean byObject = keys.size() == 1 && keys.get(0).equals(o) && group.getGroupVars().getExpr(keys.get(0)) == null;
        if (!keys.isEmpty() && !byObject)
            return super.transform(group, sub);
        if (!group.getAggregators().stream().allMatch(a -> countable(a, (Var) s, o)))
            return super.transform(group, sub);
        return new CountedPattern((OpGroup) group.copy(sub), t, byObject, statistics);
    }

    /**
     * {@code ?s p1 O . ?s p2 ?x} grouped by {@code ?x} with counts of rows, of {@code ?s} or of {@code ?x}: read from
     * the pair counts ({@link CountedPairs}).
     */
    private Optional<Op> pairs(OpGroup group, Triple first, Triple second) {
        Node s = first.getSubject(), x = second.getObject();
        if (!Var.isVar(s) || !s.equals(second.getSubject()) || !first.getPredicate().isURI()
                || !second.getPredicate().isURI() || !first.getObject().isConcrete() || !Var.isVar(x) || x.equals(s))
            return Optional.empty();
        List<Var> keys = group.getGroupVars().getVars();
        if (keys.size() != 1 || !keys.get(0).equals(x) || group.getGroupVars().getExpr(keys.get(0)) != null
                || !group.getAggregators().stream().allMatch(a -> countable(a, (Var) s, x)))
            return Optional.empty();
        return Optional.of(new CountedPairs((OpGroup) group.copy(new OpBGP(BasicPattern.wrap(List.of(first, second)))),
                first, second, statistics));
    }

    /** True for COUNT(*), COUNT(?s), COUNT(?o), COUNT(DISTINCT *|?s|?o) over the pattern's own variables. */
    private static boolean countable(ExprAggregator agg, Var s, Node o) {
        Aggregator a = agg.getAggregator();
        if (a instanceof AggCount || a instanceof AggCountDistinct)
            return true;
        if (a instanceof AggCountVar || a instanceof AggCountVarDistinct)
            return a.getExprList().size() == 1 && a.getExprList().get(0) instanceof ExprVar v
                    && (v.asVar().equals(s) || v.asVar().equals(o));
        return false;
    }
}
