package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.plan.Answers;
import org.icakg.sparql.plan.QueryPlans;
import org.icakg.store.Stores;
import org.junit.jupiter.api.Test;

/**
 * Every query class of the benchmark gets the same answers from the service's query planner as from the plan as
 * written, over a generated graph: the same rows (as multisets), and under ORDER BY the same sequence of sort keys
 * (compared by the service's own {@link Answers}, from its test-jar); the classes of one group of patterns are
 * planned as index joins.
 */
class PlannedAnswersTest {

    static final long TRIPLES = 20_000;
    static final int SAMPLES_PER_CLASS = 12;
    /** The classes made of one group of triple patterns (and filters), which the planner matches as index joins. */
    static final Set<String> MATCHED_BY_INDEX_JOINS = Set.of("filtered-list", "recent-events", "join");

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
                String plan = Answers.plan(dsg, query).toString();
                Answers.assertSame(dsg, query, c.name() + " " + i + ":\n" + query + "\nplan:\n" + plan);
                if (MATCHED_BY_INDEX_JOINS.contains(c.name()))
                    assertTrue(plan.contains("(index-join "), () -> c.name() + " is matched by index look-ups:\n" + plan);
                answered += Txn.calculateRead(dsg, () -> {
                    try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                        return query.isAskType() ? exec.ask() : exec.select().hasNext();
                    }
                }) ? 1 : 0;
            }
        }
        assertTrue(answered > SAMPLES_PER_CLASS * 4, "most samples have answers to compare: " + answered);
    }
}
