package org.icakg.sparql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;

/**
 * Runs a query with the service's planner and without any optimisation, and compares the answers. Public for the
 * benchmark module's tests, which reach it through the service's test-jar.
 */
public final class Answers {

    private Answers() {}

    /** The plan the data set's planner makes for {@code query}. */
    public static Op plan(DatasetGraph dsg, Query query) {
        return Txn.calculateRead(dsg, () -> Algebra.optimize(Algebra.compile(query), dsg.getContext()));
    }

    /** The rows of {@code query} as planned by the data set's planner. */
    static List<Binding> planned(DatasetGraph dsg, Query query) {
        return rows(QueryExec.dataset(dsg).query(query), dsg, query);
    }

    /** The rows of {@code query} evaluated as written: no rewrite, patterns in the order of the query. */
    static List<Binding> unoptimised(DatasetGraph dsg, Query query) {
        return rows(QueryPlans.unplanned(QueryExec.dataset(dsg).query(query)), dsg, query);
    }

    private static List<Binding> rows(QueryExecBuilder builder, DatasetGraph dsg, Query query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = builder.build()) {
                if (query.isAskType())
                    return exec.ask() ? List.of(BindingFactory.empty()) : List.of();
                List<Binding> out = new ArrayList<>();
                exec.select().forEachRemaining(out::add);
                return out;
            }
        });
    }

    /**
     * Asserts that the planner's answers to {@code query} equal the unoptimised ones: the same rows as multisets;
     * under ORDER BY the same sequence of sort keys, and with a LIMIT the same rows apart from those tied with
     * the last one (which of the tied rows make the cut is not defined).
     */
    public static void assertSame(DatasetGraph dsg, Query query, String name) {
        List<Binding> expected = unoptimised(dsg, query), actual = planned(dsg, query);
        Set<Var> vars = Set.copyOf(query.getProjectVars());
        List<Var> keys = query.hasOrderBy() ? sortVars(query) : List.of();
        if (keys.isEmpty() || !vars.containsAll(keys)) {
            assertEquals(counts(expected), counts(actual), name);
            return;
        }
        Function<Binding, List<Node>> key = b -> keys.stream().map(b::get).toList();
        assertEquals(expected.stream().map(key).toList(), actual.stream().map(key).toList(), name + ": sort keys");
        if (!query.hasLimit()) {
            assertEquals(counts(expected), counts(actual), name);
            return;
        }
        if (expected.isEmpty())
            return;
        List<Node> last = key.apply(expected.get(expected.size() - 1));
        assertEquals(counts(expected.stream().filter(b -> !key.apply(b).equals(last)).toList()),
                counts(actual.stream().filter(b -> !key.apply(b).equals(last)).toList()), name);
    }

    /** The variables of the ORDER BY when it sorts by plain variables only; else empty. */
    private static List<Var> sortVars(Query query) {
        List<Var> vars = new ArrayList<>();
        for (SortCondition c : query.getOrderBy()) {
            if (!c.getExpression().isVariable())
                return List.of();
            vars.add(c.getExpression().asVar());
        }
        return vars;
    }

    private static Map<Map<Var, Node>, Long> counts(List<Binding> rows) {
        return rows.stream().map(Answers::asMap).collect(Collectors.groupingBy(m -> m, HashMap::new, Collectors.counting()));
    }

    private static Map<Var, Node> asMap(Binding b) {
        Map<Var, Node> m = new HashMap<>();
        b.forEach(m::put);
        return m;
    }
}
