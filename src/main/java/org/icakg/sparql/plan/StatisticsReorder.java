package org.icakg.sparql.plan;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternElements;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternTriple;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderFixed;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformationSubstitution;
import org.apache.jena.sparql.sse.Item;

/**
 * Orders the triple patterns of a basic graph pattern by the number of statements each is expected to match, from
 * {@link PlanStatistics}: a pattern with a constant predicate is estimated from that predicate's counts (statements
 * per subject, statements of the given object or per object), so the pattern that matches least runs first and
 * the others are index look-ups with its values. A variable in a position counts as bound once an earlier pattern
 * binds it. Patterns with a variable predicate, or whose counts cannot be had, get Jena's fixed weights scaled to
 * the same range.
 */
final class StatisticsReorder extends ReorderTransformationSubstitution {

    /** Weight of a pattern with a variable predicate per unit of Jena's fixed weights. */
    private static final double FIXED_SCALE = 1_000;

    private final PlanStatistics statistics;
    private final ReorderFixed fixed = new ReorderFixed();

    StatisticsReorder(PlanStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    protected double weight(PatternTriple pt) {
        Optional<PlanStatistics.PredicateCounts> counts = constant(pt.predicate)
                ? statistics.counts(pt.predicate.getNode()) : Optional.empty();
        if (counts.isEmpty())
            return fixed.weight(pt) * FIXED_SCALE;
        PlanStatistics.PredicateCounts c = counts.get();
        boolean subject = PatternElements.isSet(pt.subject), object = PatternElements.isSet(pt.object);
        if (subject && object)
            return Math.min(1, c.statements());
        if (subject)
            return c.perSubject();
        if (object)
            return constant(pt.object) ? c.perObject(pt.object.getNode()) : c.perAnyObject();
        return c.statements();
    }

    private static boolean constant(Item item) {
        if (!item.isNode())
            return false;
        Node n = item.getNode();
        return n.isConcrete();
    }
}
