package org.icakg.sparql.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.atlas.logging.Log;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.QC;
import org.icakg.store.Tdb2Plans;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.VariableNotBoundException;

/**
 * The first N rows of a sort, as Jena's top-N step computes them (a heap of at most N rows; ties broken the way
 * {@link BindingComparator} breaks them), with each row's sort keys evaluated once when the row arrives (a variable's literal value read through
 * {@link LiteralValues}; dates and times compared as numbers, {@link SortKey}).
 * Shown in a plan as {@code (top-rows (top ...))}.
 */
final class TopRows extends StandIn {

    static final String TAG = "top-rows";

    private final OpTopN topN;
    private final LiteralValues values;

    TopRows(OpTopN topN, LiteralValues values) {
        super(TAG);
        this.topN = topN;
        this.values = values;
    }

    /** A row with its sort keys (null where unbound or in error, which sorts first). */
    private record Row(Binding binding, SortKey[] keys) {}

    @Override
    public Op effectiveOp() { return topN; }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
        // As Jena's executor: (top (distinct ...)) keeps distinct rows of the sub-pattern.
        boolean distinct = topN.getSubOp() instanceof OpDistinct;
        Op sub = distinct ? ((OpDistinct) topN.getSubOp()).getSubOp() : topN.getSubOp();
        SortCondition first = topN.getConditions().get(0);
        IndexJoin.DayBound bound = null;
        if (sub instanceof IndexJoin join && first.getExpression().isVariable()) {
            bound = new IndexJoin.DayBound(first.getExpression().asVar(), first.getDirection() == Query.ORDER_DESCENDING);
            sub = join.bounded(bound);
        }
        IndexJoin.DayBound last = bound;
        QueryIterator rows = QC.execute(Tdb2Plans.executable(sub, execCxt), input, execCxt);
        if (topN.getLimit() == 0) {
            rows.close();
            return QueryIterPlainWrapper.create(List.<Binding>of().iterator(), execCxt);
        }
        Iterator<Binding> top = new IteratorDelayedInitialization<>() {
            @Override
            protected Iterator<Binding> initializeIterator() {
                try {
                    return first(rows, distinct, last, execCxt).iterator();
                } finally {
                    rows.close();
                }
            }
        };
        return new Results(top, rows, execCxt);
    }

    /** The sorted rows; a cancel or close reaches the rows being sorted. */
    private static final class Results extends QueryIterPlainWrapper {
        private final QueryIterator rows;

        Results(Iterator<Binding> top, QueryIterator rows, ExecutionContext execCxt) {
            super(top, execCxt);
            this.rows = rows;
        }

        @Override
        protected void requestCancel() {
            rows.cancel();
            super.requestCancel();
        }

        @Override
        protected void closeIterator() {
            rows.close();
            super.closeIterator();
        }
    }

    /**
     * The first rows of the sort; {@code bound}, when not null, is told the day of the last row kept once N are
     * (the join feeding the rows then skips later dates).
     */
    private List<Binding> first(QueryIterator rows, boolean distinct, IndexJoin.DayBound bound, ExecutionContext execCxt) {
        List<SortCondition> conditions = topN.getConditions();
        Comparator<Row> order = (a, b) -> compare(conditions, a, b);
        long limit = topN.getLimit() == Query.NOLIMIT ? Long.MAX_VALUE : topN.getLimit();
        PriorityQueue<Row> heap = new PriorityQueue<>(order.reversed()); // the greatest row kept is at the head
        while (rows.hasNext()) {
            Binding b = rows.next();
            Row row = new Row(b, keys(conditions, b, execCxt));
            if (heap.size() >= limit && order.compare(row, heap.peek()) >= 0)
                continue;
            if (distinct && heap.stream().anyMatch(r -> r.binding().equals(b)))
                continue;
            if (heap.size() >= limit)
                heap.poll();
            heap.add(row);
            if (bound != null && heap.size() >= limit)
                bound.last(SortKey.day(heap.peek().keys()[0]));
        }
        List<Row> sorted = new ArrayList<>(heap);
        sorted.sort(order);
        return sorted.stream().map(Row::binding).toList();
    }

    private SortKey[] keys(List<SortCondition> conditions, Binding b, ExecutionContext execCxt) {
        SortKey[] keys = new SortKey[conditions.size()];
        for (int i = 0; i < keys.length; i++) {
            try {
                Expr e = conditions.get(i).getExpression();
                keys[i] = e.isVariable() ? SortKey.of(b.get(e.asVar()), values) : SortKey.of(e.eval(b, execCxt));
            } catch (VariableNotBoundException e) {
                keys[i] = null;
            } catch (ExprEvalException e) {
                Log.warn(TopRows.class, e.getMessage());
                keys[i] = null;
            }
        }
        return keys;
    }

    /** {@link BindingComparator}'s order, on keys evaluated beforehand ({@link SortKey}). */
    private static int compare(List<SortCondition> conditions, Row a, Row b) {
        for (int i = 0; i < conditions.size(); i++) {
            int x = SortKey.compare(a.keys()[i], b.keys()[i]);
            if (conditions.get(i).getDirection() == Query.ORDER_DESCENDING)
                x = -x;
            if (x != 0)
                return x;
        }
        return BindingComparator.compareBindingsSyntactic(a.binding(), b.binding());
    }
}
