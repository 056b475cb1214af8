package org.icakg.sparql.plan;

import org.icakg.store.DateTerms;
import java.util.Set;

import org.apache.jena.sparql.expr.E_DateTimeDay;
import org.apache.jena.sparql.expr.E_DateTimeHours;
import org.apache.jena.sparql.expr.E_DateTimeMinutes;
import org.apache.jena.sparql.expr.E_DateTimeMonth;
import org.apache.jena.sparql.expr.E_DateTimeSeconds;
import org.apache.jena.sparql.expr.E_DateTimeYear;
import org.apache.jena.sparql.expr.E_Str;
import org.apache.jena.sparql.expr.E_StrLength;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * A function of one literal's value whose result depends on that value alone ({@code YEAR}, {@code LCASE}, ...),
 * evaluated once per literal of the store ({@link LiteralValues#function}) rather than once per row of every query:
 * Jena's {@code YEAR(?date)} parses the date's text again at each call. Errors are not kept (the function is called
 * again and raises them again).
 */
final class KeptFunction extends ExprFunction1 {

    /** The functions kept: deterministic, of their argument's value only. */
    private static final Set<Class<? extends ExprFunction1>> KEPT = Set.of(E_DateTimeYear.class,
            E_DateTimeMonth.class, E_DateTimeDay.class, E_DateTimeHours.class, E_DateTimeMinutes.class,
            E_DateTimeSeconds.class, E_Str.class, E_StrLength.class, E_StrLowerCase.class, E_StrUpperCase.class);

    private final ExprFunction1 function;
    private final IdentityMemo<NodeValue, NodeValue> memo;
    private final LiteralValues values;

    private KeptFunction(ExprFunction1 function, Expr arg, IdentityMemo<NodeValue, NodeValue> memo,
            LiteralValues values) {
        super(arg, function.getFunctionSymbol().getSymbol());
        this.function = function;
        this.memo = memo;
        this.values = values;
    }

    /**
     * {@code function} applied to {@code arg} with its results kept in {@code values}, when it is one of those kept
     * and {@code arg} a variable read through {@code values} (whose values are the same objects for the same literal).
     */
    static Expr keep(ExprFunction1 function, Expr arg, LiteralValues values) {
        if (!KEPT.contains(function.getClass()) || !(arg instanceof LiteralValues.Read))
            return function.copy(arg);
        // YEAR reads a date's year from its text (too many dates to keep them all), its argument the bare term.
        Expr read = function instanceof E_DateTimeYear ? new LiteralValues.Term(arg.asVar(), values) : arg;
        return new KeptFunction(function, read, values.function(function.getClass().getName()), values);
    }

    @Override
    public NodeValue eval(NodeValue v, FunctionEnv env) {
        if (getArg() instanceof LiteralValues.Term) {
            long year = DateTerms.year(v.asNode());
            if (year != DateTerms.NONE)
                return NodeValue.makeInteger(year);
            v = values.of(v.asNode());
        }
        if (!v.asNode().isLiteral())
            return function.eval(v, env);
        return memo.get(v, x -> function.eval(x, env));
    }

    @Override
    public NodeValue eval(NodeValue v) { return eval(v, null); }

    /** True when this is {@code YEAR}. */
    boolean isYear() { return function instanceof E_DateTimeYear; }

    @Override
    public Expr copy(Expr expr) { return new KeptFunction(function, expr, memo, values); }
}
