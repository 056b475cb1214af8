package org.icakg.sparql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.icakg.store.ColumnLookups;
import org.icakg.store.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Once a predicate's columns are built, the index join reads them as arrays indexed by dense node numbers, skips a
 * meeting whose only date lies outside {@code YEAR(?d) = y} without reading it, and skips the dates a top-N sort
 * would drop. The answers stay those of the plan as written: dates at the edges of a year, dates with a time zone,
 * other date types, invalid dates, two dates for one meeting, ties at the cut of a top-N, literal objects, and
 * committed and pending writes.
 */
class DenseColumnsTest {

    static final String EX = "https://example.org/";
    static final int MEETINGS = 120, STATES = 3, FORUMS = 4, CORRIDORS = 7;

    DatasetGraph dsg;

    @BeforeEach
    void load() {
        dsg = Stores.inMemory();
        QueryPlans.install(dsg);
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < MEETINGS; i++)
                meeting(i);
            for (int x = 0; x < CORRIDORS; x++) {
                Node g = ex("passage/corridor" + x);
                dsg.add(g, ex("corridor" + x), ex("through"), ex("state" + x % STATES));
                if (x % 2 == 0)
                    dsg.add(g, ex("corridor" + x), ex("through"), ex("state" + (x + 1) % STATES));
                dsg.add(g, ex("corridor" + x), ex("label"), NodeFactory.createLiteralString("Corridor " + x));
            }
        });
    }

    /** Meeting {@code i}: its host, forum, label(s), date(s) of every kind, commitments and a code. */
    void meeting(int i) {
        Node m = ex("meeting" + i), g = ex("passage/" + i);
        dsg.add(g, m, ex("host"), ex("state" + i % STATES));
        dsg.add(g, m, ex("forum"), ex("forum" + i % FORUMS));
        dsg.add(g, m, ex("label"), NodeFactory.createLiteralString("Meeting " + i));
        if (i % 11 == 0)
            dsg.add(g, m, ex("label"), NodeFactory.createLiteralLang("Réunion " + i, "fr"));
        if (i % 13 == 0) // the same statement in a second passage: one row
            dsg.add(ex("passage/again" + i), m, ex("host"), ex("state" + i % STATES));
        for (Node d : dates(i))
            dsg.add(g, m, ex("date"), d);
        dsg.add(g, m, ex("code"), NodeFactory.createLiteralString(i % 2 == 0 ? "A1" : "B" + i));
        if (i % 4 == 0) // a loop: both ends the same meeting
            dsg.add(g, m, ex("followsUp"), m);
        if (i % 5 == 0 && i > 0)
            dsg.add(g, m, ex("followsUp"), ex("meeting" + (i - 4)));
        for (int k = 0; k < 2; k++) {
            Node c = ex("commitment" + i + "-" + k);
            dsg.add(g, c, ex("madeAt"), m);
            dsg.add(g, c, ex("concerns"), ex("corridor" + (i + k) % CORRIDORS));
        }
    }

    /** The dates of meeting {@code i}: mostly plain dates on the edges of 2000–2002, many tied, and every odd kind. */
    static List<Node> dates(int i) {
        int year = 2000 + i % 3;
        String[] days = {"-01-01", "-12-31", "-06-15", "-12-31"};
        String plain = year + days[i % 4];
        return switch (i % 10) {
            case 0 -> List.of(literal(year + "-12-31Z", XSDDatatype.XSDdate)); // a time zone: read by Jena only
            case 1 -> List.of(literal(year + "-01-01-14:00", XSDDatatype.XSDdate));
            case 2 -> List.of(literal(Integer.toString(year), XSDDatatype.XSDgYear)); // YEAR raises an error
            case 3 -> List.of(literal(year + "-12-31T23:59:59", XSDDatatype.XSDdateTime));
            case 4 -> List.of(literal(year + "-02-30", XSDDatatype.XSDdate)); // invalid
            case 5 -> List.of(literal(plain, XSDDatatype.XSDdate), literal((year + 1) + "-01-01", XSDDatatype.XSDdate));
            default -> List.of(literal(plain, XSDDatatype.XSDdate));
        };
    }

    @Test
    void a_year_filter_skips_dates_by_number_with_the_answers_of_the_plan_as_written() {
        warmUp();
        int secondHalf = 0;
        for (int s = 0; s < STATES; s++)
            for (int year = 1999; year <= 2004; year++) {
                Query q = filtered(s, year);
                Answers.assertSame(dsg, q, "state " + s + ", year " + year);
                Query half = bind("filtered-month", Map.of("state", ex("state" + s), "year", integer(year)));
                secondHalf += Answers.planned(dsg, half).size();
                Answers.assertSame(dsg, half, "state " + s + ", second half of " + year);
            }
        assertTrue(secondHalf > 0, "some meetings in the second half of a year");
        // One that can be counted by hand: state 0 hosts meetings 0, 3, 6, ...; of those in 2001 (i % 3 == 1) with a
        // plain date, or a time zone, or a dateTime; gYear and invalid dates raise errors and drop out.
        List<Binding> rows = Answers.planned(dsg, filtered(0, 2001));
        Set<String> meetings = rows.stream().map(b -> b.get(Var.alloc("m")).getURI().substring(EX.length()))
                .collect(Collectors.toSet());
        Set<String> expected = new java.util.TreeSet<>();
        for (int i = 0; i < MEETINGS; i++) {
            if (i % STATES != 0)
                continue;
            int year = 2000 + i % 3;
            boolean in = switch (i % 10) {
                case 2, 4 -> false;
                case 5 -> year == 2001 || year + 1 == 2001;
                default -> year == 2001;
            };
            if (in)
                expected.add("meeting" + i);
        }
        assertEquals(expected, new java.util.TreeSet<>(meetings));
        assertTrue(!expected.isEmpty());
    }

    @Test
    void a_top_n_by_date_skips_later_dates_with_the_answers_of_the_plan_as_written() {
        warmUp();
        for (int f = 0; f < FORUMS; f++)
            for (String name : List.of("latest", "earliest")) {
                Query q = bind(name, Map.of("forum", ex("forum" + f)));
                List<Binding> expected = Answers.unoptimised(dsg, q), actual = Answers.planned(dsg, q);
                assertEquals(dates(expected), dates(actual), name + " of forum " + f + ": the same dates, in order");
                Answers.assertSame(dsg, q, name + " of forum " + f);
            }
    }

    @Test
    void joins_through_dense_numbers_and_literal_objects_have_the_answers_of_the_plan_as_written() {
        warmUp();
        for (int s = 0; s < STATES; s++) {
            for (int o = 0; o < STATES; o++) {
                Query q = bind("join", Map.of("state", ex("state" + s), "other", ex("state" + o)));
                assertTrue(!Answers.planned(dsg, q).isEmpty(), "state " + s + " and " + o);
                Answers.assertSame(dsg, q, "join " + s + " " + o);
            }
            Query code = bind("code", Map.of("state", ex("state" + s)));
            assertEquals(MEETINGS / 2 / STATES, Answers.planned(dsg, code).size(), "every other meeting has code A1");
            Answers.assertSame(dsg, code, "code " + s);
        }
        Query nobody = bind("join", Map.of("state", ex("state99"), "other", ex("state0")));
        assertEquals(0, Answers.planned(dsg, nobody).size(), "a state no statement names");
    }

    @Test
    void values_followed_by_number_reach_filters_optionals_given_rows_and_answers_as_the_same_nodes() {
        warmUp();
        for (int n = 0; n <= org.icakg.store.PredicateColumnsAccess.usesBeforeBuild(); n++)
            Answers.planned(dsg, bind("by-number-loop", Map.of("state", ex("state" + n % STATES))));
        Txn.executeRead(dsg, () -> assertNotNull(((ColumnLookups) dsg.getDefaultGraph()).dense(ex("followsUp"), true),
                "followsUp by subject"));
        int rows = 0;
        for (int s = 0; s < STATES; s++) {
            Map<String, Node> state = Map.of("state", ex("state" + s));
            for (String name : List.of("by-number-filtered", "by-number-duplicates", "by-number-loop")) {
                Query q = bind(name, state);
                rows += Answers.planned(dsg, q).size();
                Answers.assertSame(dsg, q, name + " of state " + s);
            }
            for (int o = 0; o < STATES; o++) {
                Map<String, Node> both = Map.of("state", ex("state" + s), "other", ex("state" + o));
                Answers.assertSame(dsg, bind("by-number-optional", both), "optional " + s + " " + o);
                Answers.assertSame(dsg, bind("by-number-values", Map.of("other", ex("state" + o))), "values " + o);
            }
        }
        assertTrue(rows > 0, "the queries have answers");
        // Counted by hand: state 0 hosts meetings 0, 3, 6, ...; each has two commitments, so every meeting twice.
        List<Binding> twice = Answers.planned(dsg, bind("by-number-duplicates", Map.of("state", ex("state0"))));
        assertEquals(2 * (MEETINGS / STATES), twice.size(), "one row per commitment, duplicates kept");
        // The filter reads ?m as a node: no meeting whose number ends in 3 is left; ?x is never corridor1.
        for (Binding b : Answers.planned(dsg, bind("by-number-filtered", Map.of("state", ex("state0"))))) {
            assertTrue(!b.get(Var.alloc("m")).getURI().endsWith("3"), b.toString());
            assertTrue(!b.get(Var.alloc("x")).equals(ex("corridor1")), b.toString());
        }
        // The loop: meeting 0 follows up on itself, and meeting 5 (hosted by state 2) on meeting 1, not a loop.
        List<Binding> loops = Answers.planned(dsg, bind("by-number-loop", Map.of("state", ex("state0"))));
        assertTrue(loops.stream().allMatch(b -> b.get(Var.alloc("m")).getURI().matches(".*meeting\\d*[02468]")), loops::toString);
        assertTrue(loops.stream().anyMatch(b -> b.get(Var.alloc("m")).equals(ex("meeting0"))
                && b.get(Var.alloc("n")).equals(ex("meeting0"))), loops::toString);
    }

    @Test
    void a_predicate_bound_by_an_earlier_pattern_is_looked_up_as_itself_on_every_row() {
        warmUp();
        for (int s = 0; s < STATES; s++) {
            Query q = bind("same-predicate", Map.of("state", ex("state" + s)));
            List<Binding> rows = Answers.planned(dsg, q);
            assertTrue(rows.stream().anyMatch(b -> b.get(Var.alloc("p")).equals(ex("host")))
                    && rows.stream().anyMatch(b -> b.get(Var.alloc("p")).equals(ex("forum"))), "state " + s);
            Answers.assertSame(dsg, q, "state " + s);
        }
    }

    @Test
    void committed_and_pending_writes_are_read_exactly_through_the_dense_columns() {
        warmUp();
        Query year2001 = filtered(0, 2001), latest = bind("latest", Map.of("forum", ex("forum1")));
        int before = Answers.planned(dsg, year2001).size();
        // A writer reads its own statements (its pending index has no dense column) ...
        Txn.executeWrite(dsg, () -> {
            Node m = ex("meeting-new"), g = ex("passage/new");
            dsg.add(g, m, ex("host"), ex("state0"));
            dsg.add(g, m, ex("forum"), ex("forum1"));
            dsg.add(g, m, ex("label"), NodeFactory.createLiteralString("New meeting"));
            dsg.add(g, m, ex("date"), literal("2001-07-01", XSDDatatype.XSDdate));
            dsg.add(g, m, ex("date"), literal("2099-07-01", XSDDatatype.XSDdate));
            assertEquals(before + 1, Answers.planned(dsg, year2001).size(), "the writer sees its meeting");
            Answers.assertSame(dsg, year2001, "inside the write");
        });
        // ... and after the commit every reader does, through columns kept up to date.
        assertEquals(before + 1, Answers.planned(dsg, year2001).size(), "readers see the committed meeting");
        Answers.assertSame(dsg, latest, "latest after the write");
        assertTrue(Answers.planned(dsg, latest).stream().anyMatch(b -> b.get(Var.alloc("label")).getLiteralLexicalForm()
                .equals("New meeting")), "its date of 2099 is among the latest");
        // Removing the second date leaves one plain date, read by number again; removing the host drops the meeting.
        Txn.executeWrite(dsg, () -> dsg.delete(ex("passage/new"), ex("meeting-new"), ex("date"),
                literal("2099-07-01", XSDDatatype.XSDdate)));
        assertEquals(before + 1, Answers.planned(dsg, year2001).size());
        assertEquals(0, Answers.planned(dsg, filtered(0, 2099)).size(), "the removed date is gone");
        Answers.assertSame(dsg, latest, "latest after removing a date");
        Txn.executeWrite(dsg, () -> dsg.delete(ex("passage/new"), ex("meeting-new"), ex("host"), ex("state0")));
        assertEquals(before, Answers.planned(dsg, year2001).size(), "the meeting no longer has a host");
        // An aborted write leaves the columns as they were.
        dsg.begin(org.apache.jena.query.ReadWrite.WRITE);
        dsg.add(ex("passage/x"), ex("meeting-x"), ex("host"), ex("state0"));
        dsg.add(ex("passage/x"), ex("meeting-x"), ex("date"), literal("2001-03-03", XSDDatatype.XSDdate));
        dsg.add(ex("passage/x"), ex("meeting-x"), ex("label"), NodeFactory.createLiteralString("X"));
        dsg.abort();
        dsg.end();
        assertEquals(before, Answers.planned(dsg, year2001).size(), "nothing of the aborted write");
        Answers.assertSame(dsg, year2001, "after the abort");
    }

    /** Runs the queries until the columns they use are built, and checks that the dense ones are there. */
    void warmUp() {
        for (int n = 0; n <= org.icakg.store.PredicateColumnsAccess.usesBeforeBuild(); n++) {
            Answers.planned(dsg, filtered(n % STATES, 2001));
            Answers.planned(dsg, bind("latest", Map.of("forum", ex("forum" + n % FORUMS))));
            Answers.planned(dsg, bind("join", Map.of("state", ex("state" + n % STATES), "other", ex("state0"))));
            Answers.planned(dsg, bind("code", Map.of("state", ex("state" + n % STATES))));
        }
        Txn.executeRead(dsg, () -> {
            ColumnLookups union = (ColumnLookups) dsg.getDefaultGraph();
            for (String p : List.of("date", "label", "concerns", "through", "code"))
                assertNotNull(union.dense(ex(p), true), p + " by subject");
            for (String p : List.of("host", "forum", "madeAt"))
                assertNotNull(union.dense(ex(p), false), p + " by object");
        });
    }

    Query filtered(int state, int year) {
        return bind("filtered", Map.of("state", ex("state" + state), "year", integer(year)));
    }

    static Node integer(int n) { return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger); }

    static Query bind(String name, Map<String, Node> values) {
        Map<Var, Node> vars = new LinkedHashMap<>();
        values.forEach((k, v) -> vars.put(Var.alloc(k), v));
        return QueryTransformOps.replaceVars(PlanFixture.query("dense/" + name), vars);
    }

    static List<String> dates(List<Binding> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(b -> out.add(b.get(Var.alloc("date")).toString()));
        return out;
    }

    static Node ex(String local) { return NodeFactory.createURI(EX + local); }

    static Node literal(String lexical, XSDDatatype type) { return NodeFactory.createLiteralDT(lexical, type); }
}
