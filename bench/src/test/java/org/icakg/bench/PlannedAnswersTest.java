package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.SortCondition;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.plan.QueryPlans;
import org.icakg.store.Stores;
import org.junit.jupiter.api.Test;

/**
 * Every query class of the benchmark gets the same answers from the service's query planner as from the plan as
 * written, over a generated graph: the same rows (as multisets), and under ORDER BY the same sequence of sort keys.
 */
class PlannedAnswersTest {

    static final long TRIPLES = 20_000;
    static final int SAMPLES_PER_CLASS = 12;

    @Test
    void every_query_class_gets_the_same_answers_from_the_planner_as_from_the_written_plan() {
        DatasetGraph dsg = Stores.inMemory();
        QueryPlans.install(dsg);
        SyntheticGraph graph = new SyntheticGraph(TRIPLES, SyntheticGraph.DEFAULT_SEED);
        Txn.executeWrite(dsg, () -> graph.generate(StreamRDFLib.dataset(dsg), n -> { }));
        int answered = 0;
        for (QueryMix.QueryClass c : QueryMix.CLASSES) {
            if (c.isPage())
                continue;
            Query template = QueryFactory.create(QueryLibrary.text("bench/" + c.query() + ".rq"));
            SplittableRandom random = new SplittableRandom(c.name().hashCode());
            for (int i = 0; i < SAMPLES_PER_CLASS; i++) {
                Query query = QueryMix.bind(template, c.parameters().apply(random, graph.population()));
                List<Binding> planned = rows(QueryExec.dataset(dsg).query(query), dsg, query);
                List<Binding> written = rows(QueryPlans.unplanned(QueryExec.dataset(dsg).query(query)), dsg, query);
                String name = c.name() + " " + i;
                assertSame(query, written, planned, () -> name + ":\n" + query + "\nplan:\n"
                        + Txn.calculateRead(dsg, () -> Algebra.optimize(Algebra.compile(query), dsg.getContext())));
                answered += planned.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(answered > SAMPLES_PER_CLASS * 4, "most samples have answers to compare: " + answered);
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

    /** Same multiset of rows; under ORDER BY the same sort keys in sequence, rows tied with a LIMIT's cut aside. */
    private static void assertSame(Query query, List<Binding> expected, List<Binding> actual,
                                   java.util.function.Supplier<String> name) {
        List<Var> keys = new ArrayList<>();
        if (query.hasOrderBy())
            for (SortCondition c : query.getOrderBy())
                if (c.getExpression().isVariable())
                    keys.add(c.getExpression().asVar());
        Function<Binding, List<Node>> key = b -> keys.stream().map(b::get).toList();
        if (!keys.isEmpty())
            assertEquals(expected.stream().map(key).toList(), actual.stream().map(key).toList(), name);
        if (keys.isEmpty() || !query.hasLimit() || expected.isEmpty()) {
            assertEquals(counts(expected), counts(actual), name);
            return;
        }
        List<Node> last = key.apply(expected.get(expected.size() - 1));
        assertEquals(counts(expected.stream().filter(b -> !key.apply(b).equals(last)).toList()),
                counts(actual.stream().filter(b -> !key.apply(b).equals(last)).toList()), name);
    }

    private static Map<Map<Var, Node>, Long> counts(List<Binding> rows) {
        return rows.stream().map(b -> {
            Map<Var, Node> m = new HashMap<>();
            b.forEach(m::put);
            return m;
        }).collect(Collectors.groupingBy(m -> m, HashMap::new, Collectors.counting()));
    }
}
