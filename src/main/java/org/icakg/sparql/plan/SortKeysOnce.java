package org.icakg.sparql.plan;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpTopN;

/**
 * Replaces Jena's top-N step (ORDER BY + LIMIT) by {@link TopRows}, which evaluates each row's sort keys once
 * instead of at every comparison: a date or a number is parsed from its literal once per row, not twice per
 * comparison with the rows kept so far.
 */
final class SortKeysOnce extends TransformCopy {

    private final LiteralValues values;

    SortKeysOnce(LiteralValues values) {
        this.values = values;
    }

    @Override
    public Op transform(OpTopN topN, Op sub) {
        return new TopRows((OpTopN) topN.copy(sub), values);
    }
}
