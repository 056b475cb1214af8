package org.icakg.sparql.plan;

import java.util.List;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;

/**
 * Replaces basic graph patterns, and the filters, joins and sequences made only of them, by {@link IndexJoin}s:
 * {@code (filter (bgp A B)) (bgp C)} in a sequence becomes one join of A, B and C with the filter placed where
 * its variables are bound. An OPTIONAL, a UNION, a path or a sub-query stays as it is, with index joins inside.
 * Patterns inside {@code GRAPH} are left to the store's executor, which matches them against every named graph
 * at once.
 */
final class IndexJoins extends TransformCopy {

    private final ReorderTransformation reorder;

    IndexJoins(ReorderTransformation reorder) {
        this.reorder = reorder;
    }

    @Override
    public Op transform(OpBGP bgp) {
        IndexJoin join = IndexJoin.of(bgp, reorder);
        return join == null ? bgp : join;
    }

    @Override
    public Op transform(OpFilter filter, Op sub) {
        if (sub instanceof IndexJoin join) {
            IndexJoin filtered = join.filtered(filter.getExprs(), filter);
            if (filtered != null)
                return filtered;
        }
        return super.transform(filter, sub);
    }

    @Override
    public Op transform(OpJoin join, Op left, Op right) {
        if (left instanceof IndexJoin l && right instanceof IndexJoin r) {
            IndexJoin both = l.joined(r, join);
            if (both != null)
                return both;
        }
        return super.transform(join, left, right);
    }

    @Override
    public Op transform(OpSequence sequence, List<Op> elements) {
        IndexJoin all = null;
        for (Op e : elements) {
            if (!(e instanceof IndexJoin j))
                return super.transform(sequence, elements);
            all = all == null ? j : all.joined(j, sequence);
            if (all == null)
                return super.transform(sequence, elements);
        }
        return all == null ? super.transform(sequence, elements) : all;
    }

    @Override
    public Op transform(OpGraph graph, Op sub) {
        return super.transform(graph, Transformer.transform(new Unjoin(), sub));
    }

    /** Puts back the patterns an index join replaced. */
    private static final class Unjoin extends TransformCopy {
        @Override
        public Op transform(OpExt ext) {
            return ext instanceof IndexJoin ? ext.effectiveOp() : ext;
        }
    }
}
