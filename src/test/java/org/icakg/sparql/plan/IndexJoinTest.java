package org.icakg.sparql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.icakg.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic graph patterns over the in-memory store are matched as nested index look-ups ({@link IndexJoin}), shown in
 * the plan, with the answers of the plan as written: multi-valued predicates, a statement held by two passages,
 * literals matched by term, filters placed only where the query lets them, a write reading its own statements.
 */
class IndexJoinTest {

    static final String EX = "https://example.org/";

    @Test
    void a_star_with_a_filter_is_one_index_join_that_filters_as_soon_as_the_date_is_bound() {
        PlanFixture store = PlanFixture.load();
        Query query = PlanFixture.query("filtered-meetings");
        Op plan = Answers.plan(store.dataset(), query);
        List<IndexJoin> joins = joins(plan);
        assertEquals(1, joins.size(), plan::toString);
        String shown = joins.get(0).toString();
        assertTrue(shown.contains("index-join") && shown.contains("year") && shown.contains("rdf-schema#label"), shown);
        List<Binding> rows = Answers.planned(store.dataset(), query);
        assertEquals(Set.of("First meeting", "Second meeting"), labels(rows, "label"), "India hosted two meetings in 2001");
        Answers.assertSame(store.dataset(), query, "filtered-meetings");
    }

    @Test
    void the_join_of_three_stars_and_the_optional_beside_it_are_index_joins_with_the_written_answers() {
        PlanFixture store = PlanFixture.load();
        for (String name : List.of("join", "repeated-variables", "latest-meetings", "latest-meetings-distinct")) {
            Query query = PlanFixture.query(name);
            Op plan = Answers.plan(store.dataset(), query);
            assertTrue(!joins(plan).isEmpty(), () -> name + ": " + plan);
            Answers.assertSame(store.dataset(), query, name);
        }
        Op optional = Answers.plan(store.dataset(), PlanFixture.query("repeated-variables"));
        assertEquals(2, optional.toString().split("\\(index-join ", -1).length - 1,
                "the OPTIONAL's patterns are a join of their own, matched for each row of the others: " + optional);
    }

    @Test
    void multi_valued_predicates_give_every_combination_and_a_statement_of_two_passages_one_row() {
        DatasetGraph dsg = store();
        Txn.executeWrite(dsg, () -> {
            Node m = ex("m"), first = ex("passage/1"), second = ex("passage/2");
            dsg.add(first, m, ex("host"), ex("india"));
            dsg.add(first, m, ex("label"), NodeFactory.createLiteralString("Summit"));
            dsg.add(first, m, ex("label"), NodeFactory.createLiteralLang("Sommet", "fr"));
            dsg.add(first, m, ex("date"), date("2001-03-04"));
            dsg.add(first, m, ex("date"), date("2001-03-05"));
            dsg.add(second, m, ex("label"), NodeFactory.createLiteralString("Summit"));
            dsg.add(second, m, ex("host"), ex("india"));
        });
        Query query = PlanFixture.query("index-join/star");
        assertEquals(4, Answers.planned(dsg, query).size(), "2 labels × 2 dates; the statements of both passages once");
        Answers.assertSame(dsg, query, "star");
    }

    @Test
    void patterns_match_literals_by_term_and_filters_compare_them_by_value() {
        DatasetGraph dsg = store();
        Txn.executeWrite(dsg, () -> {
            Node g = ex("passage/1");
            dsg.add(g, ex("a"), ex("n"), NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger));
            dsg.add(g, ex("b"), ex("n"), NodeFactory.createLiteralDT("01", XSDDatatype.XSDinteger));
            dsg.add(g, ex("c"), ex("n"), NodeFactory.createLiteralDT("1.0", XSDDatatype.XSDdecimal));
            for (String s : List.of("a", "b", "c"))
                dsg.add(g, ex(s), ex("kind"), ex("K"));
        });
        Query constant = PlanFixture.query("index-join/literal-constant"), shared = PlanFixture.query("index-join/literal-shared"),
                value = PlanFixture.query("index-join/literal-value");
        assertEquals(Set.of(ex("a")), subjects(Answers.planned(dsg, constant)), "only the term 1 matches 1");
        assertEquals(3, Answers.planned(dsg, shared).size(), "each term joins only with itself, not with equal values");
        assertEquals(9, Answers.planned(dsg, value).size(), "a filter compares values: 1, 01 and 1.0 are all equal");
        for (Query q : List.of(constant, shared, value))
            Answers.assertSame(dsg, q, q.toString());
    }

    @Test
    void a_filter_on_a_variable_its_group_does_not_bind_sees_it_unbound() {
        DatasetGraph dsg = store();
        Txn.executeWrite(dsg, () -> {
            dsg.add(ex("passage/1"), ex("m"), ex("date"), date("2001-03-04"));
            dsg.add(ex("passage/1"), ex("m"), ex("label"), NodeFactory.createLiteralString("Summit"));
        });
        Query query = PlanFixture.query("index-join/filter-scope");
        assertEquals(0, Answers.planned(dsg, query).size(), "inside its group the filter sees ?date unbound");
        Answers.assertSame(dsg, query, "filter-scope");
    }

    @Test
    void graph_patterns_stay_with_the_store_and_a_write_reads_its_own_statements() {
        DatasetGraph dsg = store();
        Txn.executeWrite(dsg, () -> {
            dsg.add(ex("passage/1"), ex("m"), ex("host"), ex("india"));
            dsg.add(ex("passage/1"), ex("m"), ex("label"), NodeFactory.createLiteralString("Summit"));
        });
        Query star = PlanFixture.query("index-join/star-of-host"), provenance = PlanFixture.query("index-join/provenance");
        Op plan = Answers.plan(dsg, provenance);
        List<OpGraph> graphs = new ArrayList<>();
        OpWalker.walk(plan, new OpVisitorBase() {
            @Override public void visit(OpGraph op) { graphs.add(op); }
        });
        assertEquals(1, graphs.size(), plan::toString);
        assertInstanceOf(OpBGP.class, graphs.get(0).getSubOp(), "GRAPH ?g over a plain pattern: " + plan);
        Answers.assertSame(dsg, provenance, "provenance");

        Txn.executeWrite(dsg, () -> {
            dsg.add(ex("passage/2"), ex("m2"), ex("host"), ex("india"));
            dsg.add(ex("passage/2"), ex("m2"), ex("label"), NodeFactory.createLiteralString("Forum"));
            dsg.delete(ex("passage/1"), ex("m"), ex("label"), NodeFactory.createLiteralString("Summit"));
            assertEquals(Set.of("Forum"), labels(select(dsg, star), "label"), "the write's own statements, not the removed one");
        });
        assertEquals(Set.of("Forum"), labels(Answers.planned(dsg, star), "label"), "and after its commit");
        Answers.assertSame(dsg, star, "star after a write");
    }

    @Test
    void a_tdb2_store_keeps_jenas_engine(@TempDir Path dir) {
        DatasetGraph dsg = Stores.tdb2(dir.resolve("store"));
        try {
            QueryPlans.install(dsg);
            Txn.executeWrite(dsg, () -> dsg.add(ex("passage/1"), ex("m"), ex("host"), ex("india")));
            Query query = PlanFixture.query("index-join/star-of-host");
            Op plan = Answers.plan(dsg, query);
            assertTrue(joins(plan).isEmpty(), plan::toString);
        } finally {
            Stores.close(dsg);
        }
    }

    @Test
    void on_a_tie_the_pattern_binding_a_filtered_or_sorted_date_comes_before_the_label_however_the_query_is_written() {
        DatasetGraph dsg = store();
        Txn.executeWrite(dsg, () -> { // one label and one date per meeting: the statistics cannot tell them apart
            for (int i = 0; i < 40; i++) {
                Node m = ex("m" + i), g = ex("passage/" + i);
                dsg.add(g, m, ex("host"), ex(i % 2 == 0 ? "india" : "kazakhstan"));
                dsg.add(g, m, ex("label"), NodeFactory.createLiteralString("Meeting " + i));
                dsg.add(g, m, ex("date"), date((2000 + i % 4) + "-0" + (1 + i % 9) + "-1" + i % 10));
            }
        });
        Query filtered = QueryTransformOps.replaceVars(PlanFixture.query("index-join/label-first-filtered"),
                Map.of(Var.alloc("year"), NodeFactory.createLiteralDT("2002", XSDDatatype.XSDinteger)));
        Query latest = PlanFixture.query("index-join/label-first-latest");
        for (Query q : List.of(filtered, latest)) {
            List<String> order = Txn.calculateRead(dsg, () -> {
                List<IndexJoin> found = joins(Answers.plan(dsg, q));
                IndexJoin join = found.get(found.size() - 1); // the outermost: the one with the filter
                if (q == latest) // as the top-N sort runs it (TopRows), bounded on the date
                    join = join.bounded(new IndexJoin.DayBound(Var.alloc("date"), true));
                return join.order().getList().stream().map(t -> t.getPredicate().getLocalName()).toList();
            });
            assertEquals(List.of("host", "date", "label"), order, q::toString);
            assertTrue(!Answers.planned(dsg, q).isEmpty(), q::toString);
            Answers.assertSame(dsg, q, q.toString());
        }
        Query plain = PlanFixture.query("index-join/label-first-plain");
        assertEquals(List.of("host", "label", "date"), Txn.calculateRead(dsg, () -> joins(Answers.plan(dsg, plain)).get(0)
                .order().getList().stream().map(t -> t.getPredicate().getLocalName()).toList()), "the written order on a tie");
        assertEquals(20, Answers.planned(dsg, plain).size());
    }

    private static DatasetGraph store() {
        DatasetGraph dsg = Stores.inMemory();
        QueryPlans.install(dsg);
        return dsg;
    }

    private static List<Binding> select(DatasetGraph dsg, Query query) {
        List<Binding> out = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            exec.select().forEachRemaining(out::add);
        }
        return out;
    }

    private static List<IndexJoin> joins(Op plan) {
        List<IndexJoin> found = new ArrayList<>();
        OpWalker.walk(plan, new OpVisitorBase() {
            @Override public void visit(OpExt op) {
                if (op instanceof IndexJoin j)
                    found.add(j);
            }
        });
        return found;
    }

    private static Set<String> labels(List<Binding> rows, String var) {
        return rows.stream().map(b -> b.get(Var.alloc(var)).getLiteralLexicalForm()).collect(Collectors.toSet());
    }

    private static Set<Node> subjects(List<Binding> rows) {
        return rows.stream().map(b -> b.get(Var.alloc("s"))).collect(Collectors.toSet());
    }

    private static Node ex(String local) { return NodeFactory.createURI(EX + local); }

    private static Node date(String lexical) { return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdate); }
}
