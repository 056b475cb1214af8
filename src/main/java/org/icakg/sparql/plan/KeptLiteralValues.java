package org.icakg.sparql.plan;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprTransformer;
import org.apache.jena.sparql.expr.ExprVar;

/**
 * Filters read the values of their variables through {@link LiteralValues}, and functions of one such value through
 * {@link KeptFunction}: {@code FILTER(YEAR(?date) = 2001)} parses each date, and takes its year, once per data set,
 * not once per row of every query.
 */
final class KeptLiteralValues extends TransformCopy {

    private final ExprTransformCopy reads;

    KeptLiteralValues(LiteralValues values) {
        this.reads = new ExprTransformCopy() {
            @Override
            public Expr transform(ExprVar var) {
                return var instanceof LiteralValues.Read ? var : new LiteralValues.Read(var.asVar(), values);
            }

            @Override
            public Expr transform(ExprFunction1 func, Expr arg) {
                return func instanceof KeptFunction ? func.copy(arg) : KeptFunction.keep(func, arg, values);
            }
        };
    }

    @Override
    public Op transform(OpFilter filter, Op sub) {
        ExprList exprs = new ExprList();
        filter.getExprs().forEach(e -> exprs.add(ExprTransformer.transform(reads, e)));
        return OpFilter.filterDirect(exprs, sub);
    }
}
