package org.icakg.sparql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderProc;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderProcIndexes;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternElements;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternTriple;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderFixed;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformationSubstitution;
import org.apache.jena.sparql.sse.Item;

/**
 * Orders the triple patterns of a basic graph pattern by the work they are expected to cost, from
 * {@link PlanStatistics}: up to {@value #MAX_SEARCHED} patterns by comparing whole orders (see {@link #reorder}), more
 * one at a time by the number of statements each is expected to match: a pattern with a constant predicate is estimated from that predicate's counts (statements
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

    /**
     * Up to this many patterns are ordered by the cheapest of all orders (at most 720 to compare), beyond it one
     * pattern at a time.
     */
    static final int MAX_SEARCHED = 6;

    /**
     * The order of least estimated work when every pattern has a constant predicate with counts at hand: the sum,
     * over the patterns in order, of the rows that reach a pattern (one index look-up each) and the rows it lets
     * through. Picking the pattern that matches least at each step can start from a pattern whose few rows fan out
     * widely afterwards; this compares the whole orders. Else Jena's step-by-step choice with {@link #weight}.
     */
    @Override
    protected ReorderProc reorder(List<Triple> triples, List<PatternTriple> components) {
        int n = components.size();
        if (n < 3 || n > MAX_SEARCHED)
            return super.reorder(triples, components);
        List<PlanStatistics.PredicateCounts> counts = new ArrayList<>(n);
        for (PatternTriple pt : components) {
            Optional<PlanStatistics.PredicateCounts> c = constant(pt.predicate)
                    ? statistics.counts(pt.predicate.getNode()) : Optional.empty();
            if (c.isEmpty())
                return super.reorder(triples, components);
            counts.add(c.get());
        }
        Search search = new Search(components, counts);
        search.extend(new int[n], 0, 0L, 1, 0);
        return new ReorderProcIndexes(search.best);
    }

    /**
     * Branch and bound over the orders of the patterns, keeping the cheapest (the first met among equals). The
     * variables bound so far are a bitmask over the patterns' variables (at most two per pattern, so at most
     * {@code 2 * MAX_SEARCHED}), so a step of the search allocates nothing.
     */
    private static final class Search {
        final List<PatternTriple> patterns;
        final List<PlanStatistics.PredicateCounts> counts;
        final boolean[] used;
        /** For each pattern, the bit of its subject's and of its object's variable; 0 for a constant. */
        final long[] subjectBits, objectBits;
        int[] best;
        double bestCost = Double.POSITIVE_INFINITY;

        Search(List<PatternTriple> patterns, List<PlanStatistics.PredicateCounts> counts) {
            this.patterns = patterns;
            this.counts = counts;
            this.used = new boolean[patterns.size()];
            this.subjectBits = new long[patterns.size()];
            this.objectBits = new long[patterns.size()];
            List<Node> vars = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                subjectBits[i] = bit(vars, patterns.get(i).subject);
                objectBits[i] = bit(vars, patterns.get(i).object);
            }
        }

        void extend(int[] order, int depth, long bound, double rows, double cost) {
            if (cost >= bestCost * (1 - 1e-9))
                return;
            if (depth == order.length) {
                best = order.clone();
                bestCost = cost;
                return;
            }
            for (int i = 0; i < order.length; i++) {
                if (used[i])
                    continue;
                PatternTriple pt = patterns.get(i);
                boolean subject = isBound(pt.subject, subjectBits[i], bound),
                        object = isBound(pt.object, objectBits[i], bound);
                double out = rows * fanOut(pt, counts.get(i), subject, object);
                used[i] = true;
                order[depth] = i;
                extend(order, depth + 1, bound | subjectBits[i] | objectBits[i], out, cost + rows + out);
                used[i] = false;
            }
        }

        /**
         * Estimated rows of {@code pt} per row reaching it, its subject and object bound or not (a constant, a
         * value of the input row, or a variable an earlier pattern binds).
         */
        static double fanOut(PatternTriple pt, PlanStatistics.PredicateCounts c, boolean subject, boolean object) {
            double subjects = Math.max(1, c.subjects());
            if (subject && object)
                return constant(pt.object) ? c.perObject(pt.object.getNode()) / subjects
                        : c.statements() / (subjects * Math.max(1, c.objects()));
            if (subject)
                return c.perSubject();
            if (object)
                return constant(pt.object) ? c.perObject(pt.object.getNode()) : c.perAnyObject();
            return c.statements();
        }

        private static boolean isBound(Item item, long bit, long bound) {
            return PatternElements.isSet(item) || (bound & bit) != 0;
        }

        /** The bit of {@code item}'s variable among {@code vars} (added when new), or 0 when it is not a variable. */
        private static long bit(List<Node> vars, Item item) {
            if (!item.isNode() || !Var.isVar(item.getNode()))
                return 0;
            int at = vars.indexOf(item.getNode());
            if (at < 0) {
                vars.add(item.getNode());
                at = vars.size() - 1;
            }
            return 1L << at;
        }
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
