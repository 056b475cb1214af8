package org.icakg.sparql.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.logging.Log;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.iterator.QueryIterPeek;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.sse.writers.WriterOp;
import org.icakg.store.Checkpoints;
import org.icakg.store.ColumnLookups;

/**
 * A basic graph pattern and the filters on its variables, matched as nested index look-ups in the active graph:
 * the patterns in the order of the data set's statistics ({@link StatisticsReorder}), each a {@code find} with the
 * values bound so far, each filter evaluated as soon as its variables are bound, the row kept in one array of
 * values rather than a stack of bindings and iterators per pattern. The answers are those of the patterns and
 * filters it replaces ({@link #effectiveOp}): one row per way the patterns match statements of the graph (a
 * triple index holds each statement once), a variable repeated in a pattern matched by term, a filter that fails
 * or raises an error dropping the row. Shown in a plan as {@code (index-join (filter (exprs) (bgp ...)))}.
 */
final class IndexJoin extends StandIn {

    static final String TAG = "index-join";
    /** Statements matched between two looks at the query's cancel signal and checkpoint hook (a power of two). */
    static final int CHECK_EVERY = 1024;
    /** Patterns with more variables than this are left to Jena's engine. */
    static final int MAX_VARS = 64;

    private final BasicPattern pattern;
    private final ExprList filters;
    private final Op original;
    private final ReorderTransformation reorder;
    private final Var[] vars;

    private IndexJoin(BasicPattern pattern, ExprList filters, Op original, ReorderTransformation reorder) {
        super(TAG);
        this.pattern = pattern;
        this.filters = filters;
        this.original = original;
        this.reorder = reorder;
        this.vars = varsOf(pattern).toArray(new Var[0]);
    }

    /** The patterns of {@code bgp} as an index join, or null when they are not all plain triple patterns. */
    static IndexJoin of(OpBGP bgp, ReorderTransformation reorder) {
        BasicPattern pattern = bgp.getPattern();
        if (pattern.isEmpty() || varsOf(pattern).size() > MAX_VARS)
            return null;
        for (Triple t : pattern)
            if (t.getSubject().isTripleTerm() || t.getPredicate().isTripleTerm() || t.getObject().isTripleTerm())
                return null;
        return new IndexJoin(pattern, new ExprList(), bgp, reorder);
    }

    /**
     * This join with {@code exprs} as filters, {@code filter} being what it replaces; null when a filter reads a
     * variable the patterns do not bind (it sees that variable unbound where it stands) or holds a pattern of its own
     * ({@code EXISTS}).
     */
    IndexJoin filtered(ExprList exprs, Op filter) {
        Set<Var> bound = Set.of(vars);
        for (Expr e : exprs) {
            if (!bound.containsAll(e.getVarsMentioned()) || hasPattern(e))
                return null;
        }
        ExprList all = ExprList.copy(filters);
        all.addAll(exprs);
        return new IndexJoin(pattern, all, filter, reorder);
    }

    /** This join and {@code other} as one, {@code join} being what they replace; null when too many variables. */
    IndexJoin joined(IndexJoin other, Op join) {
        BasicPattern both = new BasicPattern(pattern);
        both.addAll(other.pattern);
        if (varsOf(both).size() > MAX_VARS)
            return null;
        ExprList all = ExprList.copy(filters);
        all.addAll(other.filters);
        return new IndexJoin(both, all, join, reorder);
    }

    private static Set<Var> varsOf(BasicPattern pattern) {
        Set<Var> vars = new LinkedHashSet<>();
        for (Triple t : pattern)
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()})
                if (Var.isVar(n))
                    vars.add(Var.alloc(n));
        return vars;
    }

    private static boolean hasPattern(Expr e) {
        if (e instanceof ExprFunctionOp)
            return true;
        return e instanceof ExprFunction f && f.getArgs().stream().anyMatch(IndexJoin::hasPattern);
    }

    @Override
    public Op effectiveOp() { return original; }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
        if (!input.hasNext())
            return input;
        BasicPattern ordered = pattern;
        if (pattern.size() >= 2) {
            // As Jena's stage: ordered with the values of the first input row.
            BasicPattern grounded = pattern;
            if (!input.isJoinIdentity()) {
                QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
                input = peek;
                grounded = Substitute.substitute(pattern, peek.peek());
            }
            ordered = reorder.reorderIndexes(grounded).reorder(pattern);
        }
        return new Matches(input, execCxt, ordered);
    }

    /** The rows, for each input row, found depth-first through the ordered patterns. */
    private final class Matches extends QueryIter1 {
        private final Graph graph;
        private final Triple[] steps;
        /** For each step and position (subject, predicate, object): the slot of its variable, or -1 for a constant. */
        private final int[][] slots;
        /** For each slot, the first step that mentions it (the step that binds it unless the input row does). */
        private final int[] firstStep;
        /** For each filter, its slots. */
        private final int[][] filterSlots;
        private final AtomicBoolean cancel;
        private final Consumer<AtomicBoolean> hook;

        private final Node[] preset = new Node[vars.length];
        private final Node[] values = new Node[vars.length];
        private final Iterator<?>[] found;
        /** For each step, its predicate's column by subject and by object, once had. */
        private final Function<Node, Iterator<Triple>>[][] columns;
        /** For each step, the filters to evaluate once its statement is bound; index 0 before the first step. */
        private final List<List<Expr>> checks = new ArrayList<>();
        private Binding parent;
        private Binding view;
        private int depth;
        private int count;
        private Binding next;

        @SuppressWarnings("unchecked")
        Matches(QueryIterator input, ExecutionContext execCxt, BasicPattern ordered) {
            super(input, execCxt);
            this.graph = execCxt.getActiveGraph();
            this.steps = ordered.getList().toArray(new Triple[0]);
            this.slots = new int[steps.length][];
            this.firstStep = new int[vars.length];
            Arrays.fill(firstStep, -1);
            for (int d = 0; d < steps.length; d++) {
                Triple t = steps[d];
                slots[d] = new int[] {slot(t.getSubject()), slot(t.getPredicate()), slot(t.getObject())};
                for (int s : slots[d])
                    if (s >= 0 && firstStep[s] < 0)
                        firstStep[s] = d;
            }
            this.filterSlots = new int[filters.size()][];
            for (int f = 0; f < filters.size(); f++)
                filterSlots[f] = filters.get(f).getVarsMentioned().stream().mapToInt(this::slotOf).toArray();
            for (int d = 0; d <= steps.length; d++)
                checks.add(new ArrayList<>());
            this.found = new Iterator<?>[steps.length];
            this.columns = new Function[steps.length][2];
            this.cancel = execCxt.getCancelSignal();
            this.hook = execCxt.getContext().get(Checkpoints.HOOK);
        }

        private int slot(Node n) { return Var.isVar(n) ? slotOf(Var.alloc(n)) : -1; }

        private int slotOf(Var v) {
            for (int i = 0; i < vars.length; i++)
                if (vars[i].equals(v))
                    return i;
            throw new IllegalStateException("not a variable of the pattern: " + v);
        }

        @Override
        protected boolean hasNextBinding() {
            while (next == null) {
                if (parent == null) {
                    if (!getInput().hasNext())
                        return false;
                    if (!begin(getInput().nextBinding()))
                        continue;
                }
                if (search())
                    next = new RowBinding(parent, vars, values.clone());
                else
                    parent = null;
            }
            return true;
        }

        @Override
        protected Binding moveToNextBinding() {
            Binding b = next;
            next = null;
            return b;
        }

        /** Starts the search for {@code row}; false when a filter on its values alone fails. */
        private boolean begin(Binding row) {
            parent = row;
            view = new RowBinding(row, vars, values);
            Arrays.fill(values, null);
            for (List<Expr> c : checks)
                c.clear();
            for (int i = 0; i < vars.length; i++)
                preset[i] = row.get(vars[i]);
            for (int f = 0; f < filterSlots.length; f++) {
                int at = 0;
                for (int s : filterSlots[f])
                    if (preset[s] == null)
                        at = Math.max(at, firstStep[s] + 1);
                checks.get(at).add(filters.get(f));
            }
            if (!passes(0)) {
                parent = null;
                return false;
            }
            depth = 0;
            found[0] = find(0);
            return true;
        }

        /** The next complete row for the current input row, in {@code values}; false when there is none. */
        private boolean search() {
            while (depth >= 0) {
                Iterator<?> it = found[depth];
                if (!it.hasNext()) {
                    unbind(depth);
                    found[depth--] = null;
                    continue;
                }
                Triple t = (Triple) it.next();
                if ((++count & (CHECK_EVERY - 1)) == 0)
                    checkpoint();
                if (!bind(depth, t) || !passes(depth + 1))
                    continue;
                if (depth == steps.length - 1)
                    return true;
                found[++depth] = find(depth);
            }
            return false;
        }

        private Iterator<Triple> find(int d) {
            int[] slot = slots[d];
            Triple t = steps[d];
            Node s = lookup(t.getSubject(), slot[0], d), p = lookup(t.getPredicate(), slot[1], d),
                    o = lookup(t.getObject(), slot[2], d);
            if (p.isConcrete() && s.isConcrete() != o.isConcrete()) {
                Function<Node, Iterator<Triple>> column = column(d, s.isConcrete(), p);
                if (column != null)
                    return column.apply(s.isConcrete() ? s : o);
            }
            return graph.find(s, p, o);
        }

        /** The column look-up of step {@code d}'s predicate by subject or object, had once per query; else null. */
        private Function<Node, Iterator<Triple>> column(int d, boolean bySubject, Node p) {
            if (!(graph instanceof ColumnLookups lookups))
                return null;
            int i = bySubject ? 0 : 1;
            if (columns[d][i] == null) {
                Function<Node, Iterator<Triple>> column = lookups.lookup(p, bySubject);
                if (column == null)
                    return null; // asked again next time: the finds meanwhile may build it
                columns[d][i] = column;
            }
            return columns[d][i];
        }

        /** What step {@code d} looks up in a position: its constant, a value bound before it, or any. */
        private Node lookup(Node n, int slot, int d) {
            if (slot < 0)
                return n;
            if (preset[slot] != null)
                return preset[slot];
            return firstStep[slot] < d ? values[slot] : Node.ANY;
        }

        /** Binds the variables step {@code d} binds to {@code t}'s terms; false when a repeated one differs. */
        private boolean bind(int d, Triple t) {
            unbind(d);
            int[] s = slots[d];
            return bind(s[0], d, t.getSubject()) && bind(s[1], d, t.getPredicate()) && bind(s[2], d, t.getObject());
        }

        private boolean bind(int slot, int d, Node term) {
            if (slot < 0 || preset[slot] != null || firstStep[slot] != d)
                return true;
            Node had = values[slot];
            if (had == null) {
                values[slot] = term;
                return true;
            }
            return had.sameTermAs(term);
        }

        private void unbind(int d) {
            for (int slot : slots[d])
                if (slot >= 0 && firstStep[slot] == d)
                    values[slot] = null;
        }

        /** As Jena's filter step: a row passes when every expression is true; an error drops it. */
        private boolean passes(int at) {
            for (Expr e : checks.get(at)) {
                try {
                    if (!e.isSatisfied(view, getExecContext()))
                        return false;
                } catch (QueryCancelledException ex) {
                    throw ex;
                } catch (ExprException ex) {
                    Log.warn(IndexJoin.class, "Expression exception in " + e, ex);
                    return false;
                } catch (RuntimeException ex) {
                    Log.warn(IndexJoin.class, "General exception in " + e, ex);
                    return false;
                }
            }
            return true;
        }

        private void checkpoint() {
            if (cancel != null && cancel.get())
                throw new QueryCancelledException();
            if (hook != null)
                hook.accept(cancel);
        }

        @Override
        protected void requestSubCancel() { }

        @Override
        protected void closeSubIterator() {
            for (Iterator<?> it : found)
                if (it != null)
                    Iter.close(it);
            Arrays.fill(found, null);
        }
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        WriterOp.output(out, OpFilter.filterBy(filters, new OpBGP(pattern)), sCxt);
    }
}
