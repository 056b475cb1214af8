package org.icakg.sparql.plan;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
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
import org.apache.jena.sparql.expr.E_DateTimeYear;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.sse.writers.WriterOp;
import org.icakg.store.Checkpoints;
import org.icakg.store.ColumnLookups;
import org.icakg.store.DateTerms;
import org.icakg.store.DenseColumn;

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
    /** The top-N sort whose rows this join feeds, when it may skip the dates that sort would drop; else null. */
    private final DayBound bound;
    /** The patterns in the order the statistics' order starts from ({@link #preferred(BasicPattern, ExprList, DayBound)}). */
    private final BasicPattern preferred;

    private IndexJoin(BasicPattern pattern, ExprList filters, Op original, ReorderTransformation reorder) {
        this(pattern, filters, original, reorder, null);
    }

    private IndexJoin(BasicPattern pattern, ExprList filters, Op original, ReorderTransformation reorder,
            DayBound bound) {
        super(TAG);
        this.pattern = pattern;
        this.filters = filters;
        this.original = original;
        this.reorder = reorder;
        this.vars = varsOf(pattern).toArray(new Var[0]);
        this.bound = bound;
        this.preferred = preferred(pattern, filters, bound);
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
            BasicPattern grounded = preferred;
            if (!input.isJoinIdentity()) {
                QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
                input = peek;
                grounded = Substitute.substitute(preferred, peek.peek());
            }
            ordered = reorder.reorderIndexes(grounded).reorder(preferred);
        }
        return new Matches(input, execCxt, ordered);
    }

    /**
     * The patterns with those that mention a variable of a filter, or the variable a top-N sort is bounded on,
     * first (in their written order, then the others): the statistics' order keeps the first of patterns of equal
     * estimated cost, so between {@code ?m rdfs:label ?l} and {@code ?m ica:date ?d}, one statement per meeting
     * each, the date comes first under {@code FILTER(YEAR(?d) = 2001)} or {@code ORDER BY DESC(?d) LIMIT n}, and
     * a meeting outside the year (or past the cut) is dropped before its label is read, however the query is
     * written. The order changes which rows come first, never which rows there are.
     */
    private static BasicPattern preferred(BasicPattern pattern, ExprList filters, DayBound bound) {
        Set<Var> wanted = new HashSet<>();
        for (Expr e : filters)
            wanted.addAll(e.getVarsMentioned());
        if (bound != null)
            wanted.add(bound.var());
        if (wanted.isEmpty())
            return pattern;
        BasicPattern first = new BasicPattern(), rest = new BasicPattern();
        for (Triple t : pattern) {
            boolean mentions = false;
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()})
                mentions |= Var.isVar(n) && wanted.contains(Var.alloc(n));
            (mentions ? first : rest).add(t);
        }
        first.addAll(rest);
        return first;
    }

    /** The order of the patterns for an input row that binds none of their variables (for tests). */
    BasicPattern order() {
        return pattern.size() < 2 ? pattern : reorder.reorderIndexes(preferred).reorder(preferred);
    }

    /** The rows, for each input row, found depth-first through the ordered patterns. */
    private final class Matches extends QueryIter1 {
        /** {@link #constantIds}: not looked up yet. */
        private static final int UNKNOWN = Integer.MIN_VALUE;

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
        /**
         * For each slot, its value; null when unbound, or when bound by its dense number only ({@link #ids}) and not
         * needed as a node yet ({@link #value}): a meeting found among a state's meetings and followed to its
         * commitments by number is never read as a node unless a filter reads it or it reaches an answer.
         */
        private final Node[] values = new Node[vars.length];
        /** For each slot, the dense number of its value when the step that bound it knew it, else -1. */
        private final int[] ids = new int[vars.length];
        private final Run[] found;
        /** For each step, its predicate's column by subject and by object, once had. */
        private final Function<Node, Iterator<Triple>>[][] columns;
        /** For each step, its predicate's dense column by subject and by object, once had. */
        private final DenseColumn[][] dense;
        /** For each step, whether its dense column by subject and by object was asked for in this query. */
        private final boolean[][] asked;
        /**
         * For each step and dense column (by subject, by object): the numbers of the step's constant key and other
         * end in that column's numbering, {@link #UNKNOWN} until looked up (once per query, not once per row).
         */
        private final int[][] constantIds;
        /** For each step, its run over a dense column, reset at each look-up rather than made anew. */
        private final Dense[] denseRuns;
        /** A dense column read by this query: the numbering of every value bound by number ({@link #value}). */
        private DenseColumn numbering;
        /** For each step, the filters (by index) to evaluate once its statement is bound; index 0 before the first step. */
        private final List<List<Integer>> checks = new ArrayList<>();
        /**
         * For each step that binds a date as the object of a subject already bound: the days its date must lie in
         * for a row to pass the filters checked after it ({@code YEAR(?d) = 2001}), or null.
         */
        private final long[][] dayRanges;
        /** For each step with a day range and each filter: true when the filter is one of the years that gave the range. */
        private final boolean[][] yearFilters;
        /**
         * For each step: true while its statement is the only date of its subject, read by number and inside the
         * step's day range; the year filters that gave the range hold for it, and are not evaluated again.
         */
        private final boolean[] dayProved;
        /** For each step, true when it binds the variable the top-N sort is bounded on ({@link DayBound}). */
        private final boolean[] bounded;
        /** True once {@link #askDense} ran (at the first input row). */
        private boolean askedAll;
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
            this.found = new Run[steps.length];
            this.columns = new Function[steps.length][2];
            this.dense = new DenseColumn[steps.length][2];
            this.asked = new boolean[steps.length][2];
            this.constantIds = new int[steps.length][4];
            for (int[] c : constantIds)
                Arrays.fill(c, UNKNOWN);
            this.denseRuns = new Dense[steps.length];
            this.dayRanges = new long[steps.length][];
            this.yearFilters = new boolean[steps.length][filters.size()];
            this.dayProved = new boolean[steps.length];
            this.bounded = new boolean[steps.length];
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
                if (search()) {
                    for (int i = 0; i < vars.length; i++)
                        value(i);
                    next = new RowBinding(parent, vars, values.clone());
                } else {
                    parent = null;
                }
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
            Arrays.fill(ids, -1);
            for (List<Integer> c : checks)
                c.clear();
            for (int i = 0; i < vars.length; i++)
                preset[i] = row.get(vars[i]);
            for (int f = 0; f < filterSlots.length; f++) {
                int at = 0;
                for (int s : filterSlots[f])
                    if (preset[s] == null)
                        at = Math.max(at, firstStep[s] + 1);
                checks.get(at).add(f);
            }
            for (int d = 0; d < steps.length; d++) {
                int v = dateSlot(d);
                dayRanges[d] = v < 0 ? null : dayRange(v, checks.get(d + 1));
                Arrays.fill(yearFilters[d], false);
                if (dayRanges[d] != null)
                    for (int f : checks.get(d + 1))
                        yearFilters[d][f] = yearEquals(filters.get(f), vars[v]) != DateTerms.NONE;
                bounded[d] = v >= 0 && bound != null && vars[v].equals(bound.var());
            }
            if (!askedAll) {
                askedAll = true;
                askDense();
            }
            if (!passes(0)) {
                parent = null;
                return false;
            }
            depth = 0;
            found[0] = find(0);
            return true;
        }

        /**
         * The slot of step {@code d}'s object when the step binds it (a variable neither in the input row nor
         * bound before, nor the step's subject) with a constant predicate; else -1.
         */
        private int dateSlot(int d) {
            int[] slot = slots[d];
            int o = slot[2];
            if (o < 0 || slot[1] >= 0 || preset[o] != null || firstStep[o] != d || slot[0] == o)
                return -1;
            return o;
        }

        /** The next complete row for the current input row, in {@code values}; false when there is none. */
        private boolean search() {
            while (depth >= 0) {
                Run run = found[depth];
                if (!run.next()) {
                    unbind(depth);
                    found[depth--] = null;
                    continue;
                }
                if ((++count & (CHECK_EVERY - 1)) == 0)
                    checkpoint();
                if (!bind(depth, run) || !passes(depth + 1))
                    continue;
                if (depth == steps.length - 1)
                    return true;
                found[++depth] = find(depth);
            }
            return false;
        }

        private Run find(int d) {
            dayProved[d] = false;
            int[] slot = slots[d];
            Triple t = steps[d];
            Node p = lookup(t.getPredicate(), slot[1], d);
            // Columns are had once per step (a predicate bound by an earlier step differs from row to row: the index
            // answers it, from the predicate's own column when built).
            if (slot[1] < 0 && p.isConcrete() && graph instanceof ColumnLookups) {
                boolean subject = boundAt(slot[0], d), object = boundAt(slot[2], d);
                if (subject) {
                    Run run = dense(d, true, p, t.getSubject(), slot[0], t.getObject(), slot[2], object);
                    if (run != null)
                        return run;
                } else if (object) {
                    Run run = dense(d, false, p, t.getObject(), slot[2], t.getSubject(), slot[0], false);
                    if (run != null)
                        return run;
                }
                if (subject != object) {
                    Function<Node, Iterator<Triple>> column = column(d, subject, p);
                    if (column != null)
                        return new Triples(column.apply(subject ? lookup(t.getSubject(), slot[0], d)
                                : lookup(t.getObject(), slot[2], d)));
                }
            }
            return new Triples(graph.find(lookup(t.getSubject(), slot[0], d), p, lookup(t.getObject(), slot[2], d)));
        }

        /**
         * The statements of step {@code d} from its predicate's dense column by subject ({@code bySubject}) or by
         * object, {@code keyTerm} being the bound end and {@code otherTerm} the other end (bound when
         * {@code otherBound}); null when the column is not built or the key cannot be numbered (a literal).
         */
        private Run dense(int d, boolean bySubject, Node p, Node keyTerm, int keySlot, Node otherTerm, int otherSlot,
                boolean otherBound) {
            Node key = null;
            if (!numbered(keySlot)) { // a numbered value is not a literal: the node is not read
                key = lookup(keyTerm, keySlot, d);
                if (key.isLiteral())
                    return null;
            }
            int i = bySubject ? 0 : 1;
            DenseColumn column = denseColumn(d, i, p);
            if (column == null)
                return null;
            int keyId = key == null ? ids[keySlot] : number(d, i * 2, keySlot, key, column);
            if (keyId < 0)
                return Run.EMPTY; // a node the column never numbered holds none of its statements
            if (bySubject && (dayRanges[d] != null || bounded[d])) {
                long day = column.day(keyId);
                if (day != DateTerms.NONE && (outside(dayRanges[d], day) || bounded[d] && bound.beyond(day)))
                    return Run.EMPTY;
                dayProved[d] = day != DateTerms.NONE && dayRanges[d] != null;
            }
            Node literal = null;
            int required = -1;
            if (otherBound) {
                if (numbered(otherSlot)) {
                    required = ids[otherSlot];
                } else {
                    Node other = lookup(otherTerm, otherSlot, d);
                    if (other.isLiteral()) {
                        literal = other;
                    } else {
                        required = number(d, i * 2 + 1, otherSlot, other, column);
                        if (required < 0)
                            return Run.EMPTY; // the other end of every statement with an IRI there is numbered
                    }
                }
            }
            Dense run = denseRuns[d];
            if (run == null)
                run = denseRuns[d] = new Dense();
            return run.reset(column, p, keyId, otherBound, literal, required);
        }

        /**
         * Step {@code d}'s dense column by subject ({@code i} 0) or by object, asked for once per query (each ask
         * counts towards building it, {@link ColumnLookups#dense}); null when not built.
         */
        private DenseColumn denseColumn(int d, int i, Node p) {
            DenseColumn column = dense[d][i];
            if (column == null && !asked[d][i]) {
                asked[d][i] = true;
                column = ((ColumnLookups) graph).dense(p, i == 0);
                if (column != null) {
                    dense[d][i] = column;
                    numbering = column;
                }
            }
            return column;
        }

        /**
         * Asks for the dense columns the steps will read, in the order of the steps, so that they are built in the
         * order the query reaches them: each numbers the nodes it reaches in the order of the keys it reaches them
         * from, the numbers given by the columns before it ({@link org.icakg.store.DenseColumn}).
         */
        private void askDense() {
            if (!(graph instanceof ColumnLookups))
                return;
            for (int d = 0; d < steps.length; d++) {
                int[] slot = slots[d];
                Node p = steps[d].getPredicate();
                if (slot[1] >= 0 || !p.isConcrete())
                    continue;
                if (boundAt(slot[0], d))
                    denseColumn(d, 0, p);
                else if (boundAt(slot[2], d))
                    denseColumn(d, 1, p);
            }
        }

        /**
         * The dense number of {@code n} in {@code column}'s numbering: the value of {@code slot}, or the step's
         * constant ({@code slot} -1), looked up once per query and kept under {@code cached} in
         * {@link #constantIds} (the columns a query reads do not change while it runs).
         */
        private int number(int d, int cached, int slot, Node n, DenseColumn column) {
            if (slot >= 0)
                return column.idOf(n);
            int id = constantIds[d][cached];
            if (id == UNKNOWN)
                id = constantIds[d][cached] = column.idOf(n);
            return id;
        }

        /** True when the value of {@code slot} was bound with its dense number. */
        private boolean numbered(int slot) {
            return slot >= 0 && preset[slot] == null && ids[slot] >= 0;
        }

        /** True when position {@code slot} of step {@code d} is a constant or a variable bound before the step. */
        private boolean boundAt(int slot, int d) {
            return slot < 0 || preset[slot] != null || firstStep[slot] < d;
        }

        /** The value of {@code slot} as a node (named from its dense number when bound by number only); null when unbound. */
        private Node value(int slot) {
            Node v = values[slot];
            if (v == null && ids[slot] >= 0)
                values[slot] = v = numbering.node(ids[slot]);
            return v;
        }

        private static boolean outside(long[] range, long day) {
            return range != null && (day < range[0] || day > range[1]);
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
            return firstStep[slot] < d ? value(slot) : Node.ANY;
        }

        /** Binds the variables step {@code d} binds to the run's statement; false when a repeated one differs. */
        private boolean bind(int d, Run run) {
            unbind(d);
            int[] s = slots[d];
            return bind(s[0], d, run.s, run.sid) && bind(s[1], d, run.p, -1) && bind(s[2], d, run.o, run.oid);
        }

        /** Binds {@code slot} to {@code term}, or to number {@code id} when {@code term} is null. */
        private boolean bind(int slot, int d, Node term, int id) {
            if (slot < 0 || preset[slot] != null || firstStep[slot] != d)
                return true;
            if (values[slot] == null && ids[slot] < 0) {
                values[slot] = term;
                ids[slot] = id;
                return true;
            }
            // The variable is repeated in the step: its two ends must be the same term.
            if (id >= 0 && ids[slot] >= 0)
                return id == ids[slot];
            return value(slot).sameTermAs(term != null ? term : numbering.node(id));
        }

        private void unbind(int d) {
            for (int slot : slots[d])
                if (slot >= 0 && firstStep[slot] == d) {
                    values[slot] = null;
                    ids[slot] = -1;
                }
        }

        /** As Jena's filter step: a row passes when every expression is true; an error drops it. */
        private boolean passes(int at) {
            for (int f : checks.get(at)) {
                if (at > 0 && dayProved[at - 1] && yearFilters[at - 1][f])
                    continue; // YEAR(?d) = y of a date read by number inside y
                for (int s : filterSlots[f])
                    value(s);
                Expr e = filters.get(f);
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
            for (Run run : found)
                if (run != null)
                    run.close();
            Arrays.fill(found, null);
        }
    }

    /**
     * The days an {@code xsd:date} must lie in to pass the filters {@code exprs} (by index) on the variable of {@code slot}
     * ({@code YEAR(?d) = 2001}: 2001-01-01 to 2001-12-31), or null when none of them says. Only a date written
     * without a time zone is read this way ({@link DateTerms#day}); any other term is left to the filters.
     */
    private long[] dayRange(int slot, List<Integer> exprs) {
        long[] range = null;
        for (int f : exprs) {
            long year = yearEquals(filters.get(f), vars[slot]);
            if (year == DateTerms.NONE)
                continue;
            long from = year < 1 || year > 9999 ? 1 : LocalDate.of((int) year, 1, 1).toEpochDay(),
                    to = year < 1 || year > 9999 ? 0 : LocalDate.of((int) year, 12, 31).toEpochDay();
            range = range == null ? new long[] {from, to} : new long[] {Math.max(range[0], from), Math.min(range[1], to)};
        }
        return range;
    }

    /** The year {@code y} when {@code e} is {@code YEAR(?v) = y} or {@code y = YEAR(?v)} with an integer y; else NONE. */
    static long yearEquals(Expr e, Var v) {
        if (!(e instanceof E_Equals eq))
            return DateTerms.NONE;
        for (int i = 1; i <= 2; i++) {
            Expr f = eq.getArg(i), c = eq.getArg(3 - i);
            if (c instanceof NodeValue n && n.isInteger() && isYearOf(f, v)) {
                BigInteger y = n.getInteger();
                return y.bitLength() < 32 ? y.longValue() : 0; // a year no date has
            }
        }
        return DateTerms.NONE;
    }

    private static boolean isYearOf(Expr f, Var v) {
        boolean year = f instanceof E_DateTimeYear || f instanceof KeptFunction k && k.isYear();
        return year && ((ExprFunction1) f).getArg() instanceof ExprVar arg && arg.asVar().equals(v);
    }

    /**
     * What a top-N sort on one variable lets the join skip: once the sort holds its N rows and the last of them
     * has a plain {@code xsd:date} ({@link SortKey}), a row whose date comes strictly after it in the sort's order
     * can never enter ({@link TopRows}); the join drops such a date before reading further statements for it.
     */
    static final class DayBound {
        private final Var var;
        private final boolean descending;
        private long last = DateTerms.NONE;

        DayBound(Var var, boolean descending) {
            this.var = var;
            this.descending = descending;
        }

        Var var() { return var; }

        /** The day of the last row the sort keeps, or {@link DateTerms#NONE} while it keeps fewer than N or that row has none. */
        void last(long day) { last = day; }

        /** True when a row with date {@code day} would come after the last row kept. */
        boolean beyond(long day) {
            return last != DateTerms.NONE && (descending ? day < last : day > last);
        }
    }

    /** This join with its rows bounded by a top-N sort on {@code bound}'s variable, when it binds that variable. */
    IndexJoin bounded(DayBound bound) {
        if (!Set.of(vars).contains(bound.var()))
            return this;
        return new IndexJoin(pattern, filters, original, reorder, bound);
    }

    /**
     * The statements one step matches, one at a time: each end as a node, or as its dense number with the node left
     * null (it is named only when needed, {@code Matches#value}).
     */
    private abstract static class Run {
        static final Run EMPTY = new Run() {
            @Override boolean next() { return false; }
        };

        Node s, p, o;
        int sid = -1, oid = -1;

        /** Moves to the next statement; false when there is none. */
        abstract boolean next();

        void close() { }
    }

    /** The statements an iterator gives. */
    private static final class Triples extends Run {
        private final Iterator<Triple> it;

        Triples(Iterator<Triple> it) { this.it = it; }

        @Override
        boolean next() {
            if (!it.hasNext())
                return false;
            Triple t = it.next();
            s = t.getSubject();
            p = t.getPredicate();
            o = t.getObject();
            return true;
        }

        @Override
        void close() { Iter.close(it); }
    }

    /**
     * The statements of one key of a {@link DenseColumn}, given by the numbers of their ends: neither the statement
     * nor a node is read unless the other end is a literal. With the other end bound, only the statements whose other
     * end is that number ({@code requiredId}), or that literal, are given. One per step, reset at each look-up.
     */
    private static final class Dense extends Run {
        private DenseColumn column;
        private boolean bySubject;
        private int keyId;
        private boolean otherBound;
        private Node literal;
        private int requiredId;
        private int one;
        private int at;

        Dense reset(DenseColumn column, Node p, int keyId, boolean otherBound, Node literal, int requiredId) {
            this.column = column;
            this.bySubject = column.bySubject();
            this.keyId = keyId;
            this.otherBound = otherBound;
            this.literal = literal;
            this.requiredId = requiredId;
            this.one = column.one(keyId);
            this.at = 0;
            this.p = p;
            return this;
        }

        @Override
        boolean next() {
            if (one == DenseColumn.NONE)
                return false;
            if (one != DenseColumn.SEVERAL)
                return at++ == 0 && take(one, 0);
            int[] others = column.otherEnds(keyId);
            while (at < others.length) {
                int i = at++;
                if (take(others[i], i))
                    return true;
            }
            return false;
        }

        /** Sets this run to statement {@code i}, whose other end is numbered {@code other}; false when it is not required. */
        private boolean take(int other, int i) {
            Node end = null;
            if (otherBound) {
                if (requiredId >= 0) { // an IRI or blank node: compared by number
                    if (other != requiredId)
                        return false;
                } else {
                    if (other >= 0)
                        return false;
                    end = otherEnd(i);
                    if (!end.sameTermAs(literal))
                        return false;
                }
            } else if (other < 0) {
                end = otherEnd(i);
            }
            if (bySubject) {
                s = null;
                sid = keyId;
                o = end;
                oid = other;
            } else {
                s = end;
                sid = other;
                o = null;
                oid = keyId;
            }
            return true;
        }

        /** The other end of statement {@code i} of the key, read from the statement (a literal). */
        private Node otherEnd(int i) {
            Triple t = one != DenseColumn.SEVERAL ? column.only(keyId) : column.several(keyId)[i];
            return bySubject ? t.getObject() : t.getSubject();
        }
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        WriterOp.output(out, OpFilter.filterBy(filters, new OpBGP(pattern)), sCxt);
    }
}
