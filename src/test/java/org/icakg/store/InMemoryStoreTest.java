package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory store: the union as the default graph, exact graphs per statement, and snapshot reads while one writer works. */
class InMemoryStoreTest {

    private static final Node G1 = iri("graph/1"), G2 = iri("graph/2");
    private static final Node S = iri("s"), P = iri("p"), Q = iri("q");

    private DatasetGraph dsg;

    @BeforeEach
    void twoGraphsSharingOneStatement() {
        dsg = Stores.inMemory();
        Txn.executeWrite(dsg, () -> {
            dsg.add(G1, S, P, iri("a"));
            dsg.add(G2, S, P, iri("a"));
            dsg.add(G2, S, Q, iri("b"));
        });
    }

    @Test
    void a_copy_of_the_union_answers_what_it_held_when_taken_whatever_is_written_after() {
        org.apache.jena.graph.Triple sa = org.apache.jena.graph.Triple.create(S, P, iri("a")),
                sb = org.apache.jena.graph.Triple.create(S, Q, iri("b")), sc = org.apache.jena.graph.Triple.create(S, Q, iri("c"));
        Txn.executeWrite(dsg, () -> {
            var asNow = Stores.unionAsNow(dsg);
            dsg.add(G1, S, Q, iri("c"));
            assertTrue(asNow.test(sa) && asNow.test(sb), "held when the copy was taken");
            assertFalse(asNow.test(sc), "added after the copy");
            assertTrue(Stores.unionAsNow(dsg) == null, "a write that has changed the committed statements is not copied");
        });
        DatasetGraph fresh = Stores.inMemory();
        Txn.executeWrite(fresh, () -> {
            fresh.add(G1, S, P, iri("a"));
            var asNow = Stores.unionAsNow(fresh);
            fresh.delete(Quad.create(G1, sa));
            fresh.add(G2, S, Q, iri("b"));
            assertTrue(asNow.test(sa), "a first load's statements, copied before one was removed");
            assertFalse(asNow.test(sb), "added after the copy");
        });
        assertTrue(Txn.calculateRead(dsg, () -> Stores.unionAsNow(dsg).test(sc)), "a reader's copy of the committed union");
    }

    @Test
    void statements_written_together_give_the_quads_of_writing_them_one_by_one() {
        // Into a store's first load and into one with committed statements: a statement another graph holds, one
        // listed twice, a graph past the size at which it gets an index of its own, and a list with nothing new.
        List<org.apache.jena.graph.Triple> many = new ArrayList<>();
        many.add(org.apache.jena.graph.Triple.create(S, P, iri("a")));
        for (int i = 0; i < 3 * QuadIndex.SMALL_GRAPH; i++)
            many.add(org.apache.jena.graph.Triple.create(iri("s" + i % 7), Q, iri("o" + i)));
        many.add(many.get(5));
        List<org.apache.jena.graph.Triple> few = List.of(org.apache.jena.graph.Triple.create(S, Q, iri("b")),
                org.apache.jena.graph.Triple.create(S, Q, iri("z")), org.apache.jena.graph.Triple.create(S, Q, iri("z")));
        Node g3 = iri("graph/3"), g4 = iri("graph/4"), g5 = iri("graph/5");
        List<org.apache.jena.graph.Triple> nothingNew = List.of(org.apache.jena.graph.Triple.create(S, P, iri("a")));
        for (boolean committedFirst : new boolean[] {false, true}) {
            DatasetGraph together = Stores.inMemory(), oneByOne = Stores.inMemory();
            for (DatasetGraph d : List.of(together, oneByOne))
                if (committedFirst)
                    Txn.executeWrite(d, () -> d.add(G2, S, Q, iri("b")));
            Txn.executeWrite(together, () -> {
                if (!committedFirst)
                    together.add(G2, S, Q, iri("b"));
                together.add(G1, S, P, iri("a"));
                Stores.addAll(together, g3, many);
                Stores.addAll(together, g4, few);
                Stores.addAll(together, g3, few);
                Stores.addAll(together, G1, nothingNew);
                Stores.addAll(together, g5, List.of());
            });
            Txn.executeWrite(oneByOne, () -> {
                if (!committedFirst)
                    oneByOne.add(G2, S, Q, iri("b"));
                oneByOne.add(G1, S, P, iri("a"));
                for (var t : many)
                    oneByOne.add(Quad.create(g3, t));
                for (var t : few) {
                    oneByOne.add(Quad.create(g4, t));
                    oneByOne.add(Quad.create(g3, t));
                }
            });
            Txn.executeRead(together, () -> Txn.executeRead(oneByOne, () -> {
                assertEquals(quads(oneByOne, Node.ANY), quads(together, Node.ANY));
                for (Node g : List.of(G1, G2, g3, g4, g5))
                    assertEquals(quads(oneByOne, g), quads(together, g), g.toString());
                assertEquals(quads(oneByOne, g3).size(), 3 * QuadIndex.SMALL_GRAPH + 3);
                assertEquals(List.of(G1, G2, g3, g4).stream().map(Node::getURI).sorted().toList(),
                        org.apache.jena.atlas.iterator.Iter.toList(together.listGraphNodes()).stream().map(Node::getURI).sorted().toList());
                assertEquals(oneByOne.getDefaultGraph().size(), together.getDefaultGraph().size());
            }));
        }
    }

    @Test
    void a_load_sized_in_advance_holds_what_an_unsized_one_does_and_a_late_size_loses_nothing() {
        // Sized for fewer statements than come (the table grows on), for many more, and sized only after statements
        // were written in the transaction, or into a store that holds some: the hint changes nothing then.
        for (long expected : new long[] {10, 100_000}) {
            DatasetGraph sized = Stores.inMemory(), unsized = Stores.inMemory();
            for (DatasetGraph d : List.of(sized, unsized))
                Txn.executeWrite(d, () -> {
                    if (d == sized)
                        Stores.expectStatements(d, expected);
                    for (int i = 0; i < 2_000; i++)
                        d.add(iri("graph/" + i % 300), iri("s" + i % 150), i % 2 == 0 ? P : Q, iri("o" + i % 700));
                    d.delete(Quad.create(iri("graph/0"), S, P, iri("o0")));
                    d.delete(Quad.create(iri("graph/0"), iri("s0"), P, iri("o0")));
                });
            Txn.executeRead(sized, () -> Txn.executeRead(unsized, () -> {
                assertEquals(quads(unsized, Node.ANY), quads(sized, Node.ANY), "sized for " + expected);
                assertEquals(unsized.getDefaultGraph().size(), sized.getDefaultGraph().size());
                assertEquals(Iter.toList(unsized.getDefaultGraph().find(iri("s7"), null, null)).size(),
                        Iter.toList(sized.getDefaultGraph().find(iri("s7"), null, null)).size());
            }));
        }
        Txn.executeWrite(dsg, () -> {
            Stores.expectStatements(dsg, 1_000);
            dsg.add(G1, S, Q, iri("c"));
        });
        DatasetGraph fresh = Stores.inMemory();
        Txn.executeWrite(fresh, () -> {
            fresh.add(G1, S, P, iri("a"));
            Stores.expectStatements(fresh, 1_000);
            fresh.add(G1, S, Q, iri("b"));
        });
        Txn.executeRead(dsg, () -> assertEquals(4, quads(dsg, Node.ANY).size(), "the three before and the one after"));
        Txn.executeRead(fresh, () -> assertEquals(2, quads(fresh, Node.ANY).size(), "the one before and the one after"));
    }

    @Test
    void the_room_made_before_a_load_is_bounded_by_a_limit_and_by_an_eighth_of_the_heap() {
        long gb = 1L << 30;
        assertEquals(1_000, Stores.roomFor(1_000, 2 * gb), "a small estimate as it is");
        assertEquals(Stores.MAX_EXPECTED, Stores.roomFor(1L << 40, 64 * gb), "a huge estimate on a huge heap");
        int room = Stores.roomFor(Long.MAX_VALUE, gb / 2);
        assertEquals(gb / 2 / 8 / Stores.TABLE_BYTES_PER_STATEMENT, room, "a huge estimate on a small heap");
        assertTrue((long) room * Stores.TABLE_BYTES_PER_STATEMENT <= gb / 2 / 8);
    }

    private static java.util.Set<Quad> quads(DatasetGraph d, Node g) {
        return java.util.Set.copyOf(org.apache.jena.atlas.iterator.Iter.toList(d.find(g, Node.ANY, Node.ANY, Node.ANY)));
    }

    @Test
    void sparql_default_graph_is_the_union_of_named_graphs_without_duplicates() {
        assertEquals(List.of("2"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
    }

    @Test
    void named_graphs_stay_queryable_and_graph_variable_lists_no_default_graph() {
        assertEquals(List.of("1"), select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + G1.getURI() + "> { ?s ?p ?o } }", "n"));
        List<String> graphs = select("SELECT ?g WHERE { GRAPH ?g { <" + S.getURI() + "> <" + P.getURI() + "> ?o } } ORDER BY ?g", "g");
        assertEquals(List.of(G1.getURI(), G2.getURI()), graphs);
        assertEquals(List.of(G1.getURI(), G2.getURI()), select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g", "g"));
    }

    @Test
    void the_default_graph_reads_every_statement_once_and_cannot_be_written() {
        Txn.executeRead(dsg, () -> {
            assertEquals(2, dsg.getUnionGraph().size());
            assertEquals(2, dsg.getDefaultGraph().size());
            assertTrue(dsg.getDefaultGraph().contains(S, Q, iri("b")));
        });
        JenaException refused = assertThrows(JenaException.class,
                () -> Txn.executeWrite(dsg, () -> dsg.add(Quad.defaultGraphIRI, S, Q, iri("c"))));
        assertTrue(refused.getMessage().contains("name the graph"), refused.getMessage());
    }

    @Test
    void a_reader_sees_one_state_from_begin_to_end_while_a_write_commits() throws Exception {
        dsg.begin(TxnType.READ);
        List<String> first = select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n");
        CountDownLatch changed = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> Txn.executeWrite(dsg, () -> {
                dsg.add(G1, S, Q, iri("c"));
                dsg.delete(G2, S, Q, iri("b"));
                dsg.add(G2, iri("t"), P, iri("d"));
                changed.countDown();
            }));
            assertTrue(changed.await(30, TimeUnit.SECONDS));
            assertEquals(first, select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"), "the write is not seen");
            assertEquals(List.of(G2.getURI()), select("SELECT ?g WHERE { GRAPH ?g { ?s <" + Q.getURI() + "> ?o } }", "g"));
            assertFalse(write.isDone(), "the commit waits for the reader to end");
            dsg.end();
            write.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertEquals(List.of("3"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
        assertEquals(List.of(G1.getURI()), select("SELECT ?g WHERE { GRAPH ?g { ?s <" + Q.getURI() + "> ?o } }", "g"));
    }

    @Test
    void readers_do_not_wait_for_a_writer_at_work() throws Exception {
        dsg.begin(TxnType.WRITE);
        dsg.add(G1, S, Q, iri("c"));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            assertEquals(List.of("2"), reader.submit(() -> select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"))
                    .get(30, TimeUnit.SECONDS));
        } finally {
            reader.shutdownNow();
            dsg.commit();
            dsg.end();
        }
        assertEquals(List.of("3"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
    }

    @Test
    void an_aborted_write_transaction_leaves_the_store_unchanged() {
        dsg.begin(TxnType.WRITE);
        dsg.add(G1, S, Q, iri("c"));
        assertEquals(List.of("3"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
        dsg.abort();
        dsg.end();
        assertEquals(List.of("2"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
    }

    @Test
    void a_statement_held_by_many_graphs_names_each_and_leaves_the_union_with_the_last() {
        int graphs = 40;
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < graphs; i++)
                dsg.add(iri("many/" + i), S, Q, iri("hub"));
        });
        String holders = "SELECT (COUNT(?g) AS ?n) WHERE { GRAPH ?g { <" + S.getURI() + "> <" + Q.getURI() + "> <"
                + iri("hub").getURI() + "> } }";
        assertEquals(List.of(Integer.toString(graphs)), select(holders, "n"));
        assertEquals(List.of("3"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
        Txn.executeWrite(dsg, () -> {
            for (int i = 1; i < graphs; i++)
                dsg.delete(iri("many/" + i), S, Q, iri("hub"));
        });
        assertEquals(List.of("1"), select(holders, "n"));
        assertEquals(List.of(iri("many/0").getURI()), select("SELECT ?g WHERE { GRAPH ?g { ?s ?p <" + iri("hub").getURI() + "> } }", "g"));
        Txn.executeRead(dsg, () -> assertTrue(dsg.contains(iri("many/0"), S, Q, iri("hub"))));
        Txn.executeWrite(dsg, () -> dsg.delete(iri("many/0"), S, Q, iri("hub")));
        assertEquals(List.of("2"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
    }

    @Test
    void a_graph_growing_past_a_few_dozen_statements_and_shrinking_again_answers_every_pattern() {
        Node big = iri("graph/big");
        int statements = 100;
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < statements; i++)
                dsg.add(big, iri("s/" + (i % 10)), P, iri("o/" + i));
        });
        String inBig = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + big.getURI() + "> { %s } }";
        assertEquals(List.of("100"), select(inBig.formatted("?s ?p ?o"), "n"));
        assertEquals(List.of("10"), select(inBig.formatted("<" + iri("s/3").getURI() + "> ?p ?o"), "n"));
        assertEquals(List.of("1"), select(inBig.formatted("?s ?p <" + iri("o/42").getURI() + ">"), "n"));
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < statements - 5; i++)
                dsg.delete(big, iri("s/" + (i % 10)), P, iri("o/" + i));
        });
        assertEquals(List.of("5"), select(inBig.formatted("?s ?p ?o"), "n"));
        assertEquals(List.of("1"), select(inBig.formatted("<" + iri("s/7").getURI() + "> <" + P.getURI() + "> ?o"), "n"));
        assertEquals(List.of("0"), select(inBig.formatted("?s <" + Q.getURI() + "> ?o"), "n"));
        Txn.executeRead(dsg, () -> assertTrue(dsg.contains(big, iri("s/9"), P, iri("o/99"))));
    }

    @Test
    void statements_dropped_and_added_again_in_other_graphs_are_each_held_by_their_new_graphs_only() {
        int statements = 1_000;
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < statements; i++)
                dsg.add(iri("old/" + (i % 7)), iri("s/" + i), P, iri("o/" + (i % 13)));
        });
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < statements; i++)
                dsg.delete(iri("old/" + (i % 7)), iri("s/" + i), P, iri("o/" + (i % 13)));
        });
        assertEquals(List.of("2"), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"), "only the two statements set up remain");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < statements; i += 2)
                dsg.add(iri("new/" + (i % 5)), iri("s/" + i), P, iri("o/" + (i % 13)));
        });
        assertEquals(List.of(Integer.toString(statements / 2 + 2)), select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "n"));
        assertEquals(List.of(iri("new/" + (42 % 5)).getURI()),
                select("SELECT ?g WHERE { GRAPH ?g { <" + iri("s/42").getURI() + "> ?p ?o } }", "g"));
        assertEquals(List.of("0"), select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <" + iri("s/43").getURI() + "> ?p ?o } }", "n"));
        assertEquals(List.of("0"), select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + iri("old/1").getURI() + "> { ?s ?p ?o } }", "n"));
        Txn.executeRead(dsg, () -> {
            assertTrue(dsg.contains(iri("new/0"), iri("s/0"), P, iri("o/0")));
            assertFalse(dsg.contains(iri("old/0"), iri("s/0"), P, iri("o/0")));
        });
    }

    private List<String> select(String query, String var) {
        if (dsg.isInTransaction())
            return rows(query, var);
        return Txn.calculateRead(dsg, () -> rows(query, var));
    }

    private List<String> rows(String query, String var) {
        {
            List<String> out = new ArrayList<>();
            QueryExec.dataset(dsg).query(query).select().forEachRemaining(b -> {
                Node n = b.get(var);
                out.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
            });
            return out;
        }
    }

    private static Node iri(String local) { return NodeFactory.createURI("https://example.org/" + local); }
}
