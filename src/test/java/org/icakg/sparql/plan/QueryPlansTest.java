package org.icakg.sparql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprTransformer;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderLib;
import org.apache.jena.system.Txn;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rewrite of the planner, shown on its plan, and giving the answers of the unoptimised plan. */
class QueryPlansTest {

    static PlanFixture store;

    @BeforeAll
    static void generate() {
        store = PlanFixture.load();
    }

    @Test
    void a_path_with_a_constant_end_is_walked_first_from_that_end() {
        Query query = PlanFixture.query("path-after-label");
        OpSequence sequence = only(Answers.plan(store.dataset(), query), OpSequence.class);
        OpPath first = assertInstanceOf(OpPath.class, sequence.get(0), sequence::toString);
        assertEquals(state("kazakhstan"), first.getTriplePath().getObject());
        assertFalse(Answers.planned(store.dataset(), query).isEmpty(), "places with \"port\" in Kazakhstan");
        Answers.assertSame(store.dataset(), query, "path-after-label");
    }

    @Test
    void patterns_start_from_the_one_the_statistics_say_matches_least() {
        Query query = PlanFixture.query("join");
        BasicPattern written = only(Answers.plan(store.dataset(), query), OpBGP.class).getPattern();
        assertEquals(term("hostedBy"), ReorderLib.fixed().reorder(written).get(0).getPredicate(),
                "Jena's fixed weights take the first of two patterns with a constant object");
        BasicPattern ordered = new StatisticsReorder(store.statistics()).reorder(written);
        assertEquals(term("runsThrough"), ordered.get(0).getPredicate(), ordered::toString);
        assertInstanceOf(PlannedStages.class, store.dataset().getContext().get(ARQ.stageGenerator));
        assertFalse(Answers.planned(store.dataset(), query).isEmpty());
        Answers.assertSame(store.dataset(), query, "join");
    }

    @Test
    void a_query_of_triple_patterns_only_is_planned_as_the_index_join_every_rewrite_would_give() {
        String prefixes = "PREFIX ica: <https://w3id.org/ica-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
        Map<String, Query> queries = new java.util.LinkedHashMap<>();
        queries.put("join", PlanFixture.query("join"));
        queries.put("look-up", QueryFactory.create("SELECT ?p ?o WHERE { <https://w3id.org/ica-kg/id/state/kazakhstan> ?p ?o }"));
        queries.put("distinct, offset", QueryFactory.create(prefixes
                + "SELECT DISTINCT ?meeting WHERE { ?meeting ica:hostedBy ?state ; rdfs:label ?label } OFFSET 2 LIMIT 5"));
        queries.put("reduced, a blank node", QueryFactory.create(prefixes
                + "SELECT REDUCED ?label WHERE { _:m ica:hostedBy ?state ; rdfs:label ?label }"));
        for (var entry : queries.entrySet()) {
            Query query = entry.getValue();
            Op plan = Answers.plan(store.dataset(), query);
            Op inFull = Txn.calculateRead(store.dataset(), () -> new PlanOptimizer(store.dataset().getContext(),
                    store.statistics(), new LiteralValues(), true).rewriteInFull(Algebra.compile(query)));
            assertEquals(inFull.toString(), plan.toString(), entry.getKey());
            only(plan, IndexJoin.class);
            assertFalse(Answers.planned(store.dataset(), query).isEmpty(), entry.getKey());
            Answers.assertSame(store.dataset(), query, entry.getKey());
        }
        // A property function among the patterns is left to Jena's optimiser, which turns it into a call.
        Query members = QueryFactory.create("SELECT ?m WHERE { ?list <http://jena.apache.org/ARQ/list#member> ?m }");
        assertTrue(Answers.plan(store.dataset(), members).toString().contains("propfunc"),
                Answers.plan(store.dataset(), members)::toString);
    }

    @Test
    void the_whole_order_of_least_work_wins_over_starting_from_the_pattern_that_matches_least() {
        // Two hubs of kind K link to 50 items each; 10 items carry tag T, each linked from one hub.
        DatasetGraph dsg = Stores.inMemory();
        PlanStatistics statistics = QueryPlans.install(dsg);
        Node graph = NodeFactory.createURI("https://example.org/passage/1");
        Txn.executeWrite(dsg, () -> {
            for (int h = 0; h < 2; h++) {
                dsg.add(graph, example("hub" + h), example("kind"), example("K"));
                for (int i = 0; i < 50; i++) {
                    Node item = example("item" + h + "-" + i);
                    dsg.add(graph, example("hub" + h), example("link"), item);
                    if (i < 5)
                        dsg.add(graph, item, example("tag"), example("T"));
                }
            }
        });
        Query query = QueryFactory.create("PREFIX ex: <https://example.org/> SELECT * "
                + "{ ?x ex:kind ex:K . ?x ex:link ?y . ?y ex:tag ex:T }");
        BasicPattern written = only(Answers.plan(dsg, query), OpBGP.class).getPattern();
        assertTrue(Txn.calculateRead(dsg, () -> statistics.counts(example("kind")).orElseThrow().perObject(example("K"))
                < statistics.counts(example("tag")).orElseThrow().perObject(example("T"))),
                "the pattern of fewest matches is the 2 hubs, which fan out to 100 items");
        BasicPattern ordered = new StatisticsReorder(statistics).reorder(written);
        assertEquals(example("tag"), ordered.get(0).getPredicate(), ordered::toString);
        assertEquals(10, Answers.planned(dsg, query).size());
        Answers.assertSame(dsg, query, "hubs and tags");
    }

    @Test
    void patterns_are_ordered_with_variables_repeated_in_and_across_them_and_bound_by_input_rows() {
        Query query = PlanFixture.query("repeated-variables");
        List<Binding> rows = Answers.planned(store.dataset(), query);
        assertEquals(8, rows.size(), "two parties each of c1-c3 (India hosted) and c4 (Kazakhstan hosted): " + rows);
        assertEquals(3, rows.stream().filter(b -> b.contains(Var.alloc("corridor"))).count(),
                "India and Kazakhstan of c2 and c3 share INSTC, Kazakhstan and Kyrgyzstan of c4 the northern corridor: "
                        + rows);
        Answers.assertSame(store.dataset(), query, "repeated-variables");

        DatasetGraph dsg = Stores.inMemory();
        QueryPlans.install(dsg);
        Node graph = NodeFactory.createURI("https://example.org/passage/1");
        Txn.executeWrite(dsg, () -> {
            dsg.add(graph, example("a"), example("p"), example("a"));
            dsg.add(graph, example("a"), example("p"), example("b"));
            dsg.add(graph, example("b"), example("p"), example("a"));
        });
        Query loops = QueryFactory.create("SELECT * { ?x <https://example.org/p> ?x . ?x ?q ?y . ?y ?q ?x }");
        assertEquals(2, Answers.planned(dsg, loops).size(), "x = a (its loop), then y = a (the loop) or b (a→b→a)");
        Answers.assertSame(dsg, loops, "loops");
    }

    private static Node example(String local) { return NodeFactory.createURI("https://example.org/" + local); }

    @Test
    void a_filter_sits_on_the_patterns_that_bind_its_variables() {
        Query query = PlanFixture.query("filtered-meetings");
        OpFilter filter = only(Answers.plan(store.dataset(), query), OpFilter.class);
        BasicPattern filtered = assertInstanceOf(OpBGP.class, filter.getSubOp()).getPattern();
        assertTrue(filtered.getList().stream().anyMatch(t -> t.getObject().equals(Var.alloc("date"))), filtered::toString);
        assertTrue(filtered.getList().stream().noneMatch(t -> t.getObject().equals(Var.alloc("label"))),
                "the label is looked up for the meetings that pass the filter only: " + filtered);
        List<Expr> reads = new ArrayList<>();
        filter.getExprs().forEach(e -> ExprTransformer.transform(new ExprTransformCopy() {
            @Override public Expr transform(ExprVar v) {
                reads.add(v);
                return v;
            }
        }, e));
        assertTrue(!reads.isEmpty() && reads.stream().allMatch(LiteralValues.Read.class::isInstance),
                "the filter reads each date's value once per data set: " + filter);
        Expr year = ((ExprFunction2) filter.getExprs().get(0)).getArg1();
        assertInstanceOf(KeptFunction.class, year, "and takes each date's year once per data set: " + filter);
        Answers.assertSame(store.dataset(), query, "filtered-meetings");
        Answers.assertSame(store.dataset(), query, "filtered-meetings, the years kept from the first run");
    }

    @Test
    void a_limit_reaches_into_each_branch_of_a_union_and_sorts_a_branch_for_its_first_rows_only() {
        Query query = PlanFixture.query("union-limit");
        OpUnion union = only(Answers.plan(store.dataset(), query), OpUnion.class);
        assertEquals(5, assertInstanceOf(OpSlice.class, union.getRight(), union::toString).getLength());
        OpTopN topN = (OpTopN) only(union.getLeft(), TopRows.class).effectiveOp();
        assertEquals(5, topN.getLimit(), union::toString);
        assertEquals(5, Answers.planned(store.dataset(), query).size());
        Answers.assertSame(store.dataset(), query, "union-limit");
    }

    @Test
    void an_ordered_limit_keeps_the_first_rows_evaluating_each_rows_sort_keys_once() {
        for (String name : List.of("latest-meetings", "latest-meetings-distinct")) {
            Query query = PlanFixture.query(name);
            Op plan = Answers.plan(store.dataset(), query);
            OpTopN topN = (OpTopN) only(plan, TopRows.class).effectiveOp();
            assertEquals(query.getLimit(), topN.getLimit(), plan::toString);
            Answers.assertSame(store.dataset(), query, name);
        }
        List<Binding> latest = Answers.planned(store.dataset(), PlanFixture.query("latest-meetings"));
        assertEquals(List.of("2007-02-02", "2005-11-20", "2003-05-01"),
                latest.stream().map(b -> b.get(Var.alloc("date")).getLiteralLexicalForm()).toList());
        assertEquals(List.of("2007", "2005", "2003", "2001"), Answers.planned(store.dataset(),
                PlanFixture.query("latest-meetings-distinct")).stream()
                .map(b -> b.get(Var.alloc("year")).getLiteralLexicalForm()).toList(),
                "DISTINCT keeps one row per year");
    }

    @Test
    void a_count_over_one_predicate_is_read_from_the_statistics() {
        for (String name : List.of("count-statements", "count-per-status", "count-class")) {
            Query query = PlanFixture.query(name);
            Op plan = Answers.plan(store.dataset(), query);
            assertEquals(1, all(plan, CountedPattern.class).size(), () -> name + ": " + plan);
            Answers.assertSame(store.dataset(), query, name);
        }
        List<Binding> perStatus = Answers.planned(store.dataset(), PlanFixture.query("count-per-status"));
        assertEquals(3, perStatus.size(), "three statuses in use");
        Binding counts = Answers.planned(store.dataset(), PlanFixture.query("count-statements")).get(0);
        assertEquals("8", counts.get(Var.alloc("statements")).getLiteralLexicalForm(),
                "a statement held by two passages counts once in the default graph");
        assertEquals("4", counts.get(Var.alloc("commitments")).getLiteralLexicalForm());
        assertEquals("3", counts.get(Var.alloc("parties")).getLiteralLexicalForm());
    }

    @Test
    void a_count_per_party_of_the_commitments_of_one_status_is_read_from_the_pair_counts() {
        Query query = PlanFixture.query("parties-of-status");
        Op plan = Answers.plan(store.dataset(), query);
        assertEquals(1, all(plan, CountedPairs.class).size(), plan::toString);
        Answers.assertSame(store.dataset(), query, "parties-of-status");
        assertEquals(Map.of(state("india"), 2L, state("kazakhstan"), 1L, state("kyrgyzstan"), 1L),
                perParty(Answers.planned(store.dataset(), query)),
                "c1 and c2 are agreed; India's part in c1 is stated by two passages and counts once");
    }

    @Test
    void the_pair_counts_follow_committed_writes_and_a_write_transaction_counts_its_own_statements() {
        PlanFixture own = PlanFixture.load();
        Query query = PlanFixture.query("parties-of-status");
        assertEquals(2L, perParty(Answers.planned(own.dataset(), query)).get(state("india")));
        Node graph = NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/test-2");
        Node commitment = NodeFactory.createURI("https://w3id.org/ica-kg/id/commitment/extra");
        Txn.executeWrite(own.dataset(), () -> {
            own.dataset().add(graph, commitment, term("status"),
                    NodeFactory.createURI("https://w3id.org/ica-kg/id/status/agreed"));
            own.dataset().add(graph, commitment, term("party"), state("india"));
            assertEquals(3L, perParty(inWrite(own, query)).get(state("india")), "the write sees its own statements");
        });
        own.statistics().dataChanged();
        assertEquals(3L, perParty(Answers.planned(own.dataset(), query)).get(state("india")));
        Answers.assertSame(own.dataset(), query, "parties-of-status after a write");
    }

    private static Map<Node, Long> perParty(List<Binding> rows) {
        Map<Node, Long> out = new HashMap<>();
        for (Binding b : rows) {
            out.put(b.get(Var.alloc("party")), Long.parseLong(b.get(Var.alloc("commitments")).getLiteralLexicalForm()));
            assertEquals("1", b.get(Var.alloc("one")).getLiteralLexicalForm(), "one party per group");
        }
        return out;
    }

    @Test
    void a_count_follows_committed_writes_and_a_write_transaction_counts_its_own_statements() {
        PlanFixture own = PlanFixture.load();
        Query query = PlanFixture.query("count-class");
        long before = meetings(Answers.planned(own.dataset(), query));
        Node graph = NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/test-1");
        Quad added = Quad.create(graph, NodeFactory.createURI("https://w3id.org/ica-kg/id/meeting/extra"),
                org.apache.jena.vocabulary.RDF.Nodes.type, term("Meeting"));
        Txn.executeWrite(own.dataset(), () -> {
            own.dataset().add(added);
            assertEquals(before + 1, meetings(inWrite(own, query)), "the write sees its own statement");
        });
        own.statistics().dataChanged();
        assertEquals(before + 1, meetings(Answers.planned(own.dataset(), query)));
        assertEquals(5, before);
    }

    private static List<Binding> inWrite(PlanFixture s, Query query) {
        List<Binding> out = new ArrayList<>();
        try (var exec = org.apache.jena.sparql.exec.QueryExec.dataset(s.dataset()).query(query).build()) {
            exec.select().forEachRemaining(out::add);
        }
        return out;
    }

    private static long meetings(List<Binding> rows) {
        return Long.parseLong(rows.get(0).get(Var.alloc("meetings")).getLiteralLexicalForm());
    }

    private static Node term(String local) { return Vocab.DEFAULT.termNode(local); }

    private static Node state(String slug) { return NodeFactory.createURI("https://w3id.org/ica-kg/id/state/" + slug); }

    private static <T extends Op> T only(Op plan, Class<T> type) {
        List<T> found = all(plan, type);
        assertEquals(1, found.size(), () -> "one " + type.getSimpleName() + " in " + plan);
        return found.get(0);
    }

    private static <T extends Op> List<T> all(Op plan, Class<T> type) {
        List<T> found = new ArrayList<>();
        OpWalker.walk(plan, new OpVisitorBase() {
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpExt op) { collect(op); }
            @Override public void visit(OpSequence op) { collect(op); }
            @Override public void visit(OpPath op) { collect(op); }
            @Override public void visit(OpBGP op) { collect(op); }
            @Override public void visit(OpFilter op) { collect(op); }
            @Override public void visit(OpUnion op) { collect(op); }
            @Override public void visit(OpSlice op) { collect(op); }
            @Override public void visit(OpTopN op) { collect(op); }

            private void collect(Op op) {
                if (type.isInstance(op))
                    found.add(type.cast(op));
            }
        });
        return found;
    }
}
