package org.icakg.sparql.plan;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpUnion;

/**
 * Carries a LIMIT down to where it saves work: through the steps that keep every row (projection, BIND) and into
 * each branch of a UNION (the first offset + limit rows of a union come from the first offset + limit rows of its
 * branches), where Jena's top-N rewrite can then sort a branch for its first rows only. The outer LIMIT stays, so
 * the answers are the same rows in the same order.
 */
final class LimitPushdown extends TransformCopy {

    @Override
    public Op transform(OpSlice slice, Op sub) {
        if (slice.getLength() == Query.NOLIMIT)
            return super.transform(slice, sub);
        long rows = slice.getLength() + Math.max(0, slice.getStart());
        Op pushed = into(sub, rows);
        return pushed == sub ? super.transform(slice, sub) : new OpSlice(pushed, slice.getStart(), slice.getLength());
    }

    /** {@code op} with its first {@code rows} rows computed the cheapest way we know; the same op if nothing helps. */
    private static Op into(Op op, long rows) {
        if (op instanceof OpProject project) {
            Op sub = into(project.getSubOp(), rows);
            return sub == project.getSubOp() ? op : project.copy(sub);
        }
        if (op instanceof OpExtend extend) {
            Op sub = into(extend.getSubOp(), rows);
            return sub == extend.getSubOp() ? op : extend.copy(sub);
        }
        if (op instanceof OpUnion union)
            return OpUnion.create(limited(union.getLeft(), rows), limited(union.getRight(), rows));
        return op;
    }

    private static Op limited(Op op, long rows) {
        if (op instanceof OpSlice s && s.getStart() == Query.NOLIMIT && s.getLength() != Query.NOLIMIT
                && s.getLength() <= rows)
            return op;
        return new OpSlice(into(op, rows), Query.NOLIMIT, rows);
    }
}
