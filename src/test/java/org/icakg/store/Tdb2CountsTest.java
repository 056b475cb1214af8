package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.sparql.plan.PlanStatistics;
import org.icakg.sparql.plan.QueryPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real TDB2 store of the bundled data: the planner's counts read from the store's index equal a count of the
 * union graph, before and after writes, and queries answered from them equal the plain plan's answers, also when
 * many readers ask for the counts at once.
 */
class Tdb2CountsTest {

    static final String ICA = "https://w3id.org/ica-kg/ontology#";
    static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), PARTY = NodeFactory.createURI(ICA + "party"),
            COMMITMENT = NodeFactory.createURI(ICA + "Commitment");
    static final String COUNT_PER_PARTY = """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            SELECT ?party (COUNT(?c) AS ?n) WHERE { ?c a ica:Commitment ; ica:party ?party }
            GROUP BY ?party ORDER BY DESC(?n) ?party""";

    @TempDir
    Path tmp;

    KnowledgeBase kb;
    PlanStatistics statistics;

    @BeforeEach
    void open() {
        kb = KnowledgeBase.open(Bundle.bundled(), Vocab.DEFAULT, Stores.tdb2(tmp.resolve("store")));
        statistics = kb.dataset().getContext().get(PlanStatistics.CONTEXT_KEY);
    }

    @AfterEach
    void close() {
        Stores.close(kb.dataset());
    }

    @Test
    void counts_read_from_the_index_equal_a_count_of_the_union_graph() {
        Txn.executeRead(kb.dataset(), () -> {
            Tdb2Counts counts = Tdb2Counts.of(kb.dataset()).orElseThrow();
            for (Node p : List.of(TYPE, PARTY, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label")))
                assertEquals(reference(p), counts.predicate(p, PlanStatistics.MAX_OBJECT_COUNTS), p.toString());
            Map<Node, Map<Node, Long>> pairs = counts.pairs(TYPE, PARTY, 200_000).orElseThrow();
            assertEquals(referencePairs(TYPE, PARTY), pairs);
            assertFalse(pairs.getOrDefault(COMMITMENT, Map.of()).isEmpty(), "commitments have parties: " + pairs.keySet());
            assertEquals(Optional.empty(), counts.pairs(TYPE, PARTY, 1), "more entries than allowed: none");
        });
    }

    @Test
    void after_writes_the_counts_a_reader_gets_equal_a_fresh_count() {
        Txn.executeRead(kb.dataset(), () -> assertEquals(referencePairs(TYPE, PARTY), pairCounts()));
        Node party = first(PARTY);
        Node commitment = NodeFactory.createURI("https://w3id.org/ica-kg/id/test-commitment");
        Node graph = NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/test-counts");
        // A new commitment with a party, in a graph of its own; then the same statements in a second graph (the
        // counts do not change: the union holds each statement once); then one removed from both.
        write(() -> {
            kb.dataset().add(graph, commitment, TYPE, COMMITMENT);
            kb.dataset().add(graph, commitment, PARTY, party);
        });
        Map<Node, Map<Node, Long>> afterAdd = Txn.calculateRead(kb.dataset(), this::pairCounts);
        assertEquals(Txn.calculateRead(kb.dataset(), () -> referencePairs(TYPE, PARTY)), afterAdd);
        Node other = NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/test-counts-2");
        write(() -> {
            kb.dataset().add(other, commitment, TYPE, COMMITMENT);
            kb.dataset().add(other, commitment, PARTY, party);
        });
        assertEquals(afterAdd, Txn.calculateRead(kb.dataset(), this::pairCounts));
        write(() -> {
            kb.dataset().delete(graph, commitment, PARTY, party);
            kb.dataset().delete(other, commitment, PARTY, party);
        });
        Map<Node, Map<Node, Long>> afterRemove = Txn.calculateRead(kb.dataset(), this::pairCounts);
        assertEquals(Txn.calculateRead(kb.dataset(), () -> referencePairs(TYPE, PARTY)), afterRemove);
        assertEquals(afterAdd.get(COMMITMENT).get(party) - 1, afterRemove.get(COMMITMENT).getOrDefault(party, 0L));
        assertEquals(PlanStatistics.PredicateCounts.of(Txn.calculateRead(kb.dataset(), () -> reference(TYPE))),
                Txn.calculateRead(kb.dataset(), () -> statistics.counts(TYPE).orElseThrow()));
    }

    @Test
    void many_first_queries_at_once_answer_as_the_plain_plan() throws Exception {
        List<String> plain = rows(QueryPlans.unplanned(QueryExec.dataset(kb.dataset()).query(QueryFactory.create(COUNT_PER_PARTY))));
        assertFalse(plain.isEmpty());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> queries = new ArrayList<>();
            for (int i = 0; i < 16; i++)
                queries.add(() -> rows(QueryExec.dataset(kb.dataset()).query(QueryFactory.create(COUNT_PER_PARTY))));
            for (Future<List<String>> answer : pool.invokeAll(queries))
                assertEquals(plain, answer.get());
        } finally {
            pool.shutdownNow();
        }
        // ...and once counted, from the counts.
        assertEquals(plain, rows(QueryExec.dataset(kb.dataset()).query(QueryFactory.create(COUNT_PER_PARTY))));
        assertTrue(Txn.calculateRead(kb.dataset(), () -> statistics.pairCounts(TYPE, PARTY)).isPresent());
    }

    private Map<Node, Map<Node, Long>> pairCounts() {
        return statistics.pairCounts(TYPE, PARTY).orElseThrow();
    }

    private void write(Runnable change) {
        Txn.executeWrite(kb.dataset(), change);
    }

    private Node first(Node p) {
        return Txn.calculateRead(kb.dataset(), () -> kb.dataset().getUnionGraph().find(Node.ANY, p, Node.ANY).next().getObject());
    }

    private List<String> rows(QueryExecBuilder builder) {
        return Tdb2PlansTest.rows(kb.dataset(), builder);
    }

    /** The distinct statements of {@code p} in the union of the named graphs. */
    private Set<Triple> statements(Node p) {
        Set<Triple> out = new HashSet<>();
        kb.dataset().find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
            if (!Quad.isDefaultGraph(q.getGraph()))
                out.add(q.asTriple());
        });
        return out;
    }

    private Tdb2Counts.PredicateTally reference(Node p) {
        Set<Triple> all = statements(p);
        Set<Node> subjects = new HashSet<>(), objects = new HashSet<>();
        Map<Node, Long> perObject = new HashMap<>();
        for (Triple t : all) {
            subjects.add(t.getSubject());
            objects.add(t.getObject());
            perObject.merge(t.getObject(), 1L, Long::sum);
        }
        return new Tdb2Counts.PredicateTally(all.size(), subjects.size(), objects.size(),
                perObject.size() > PlanStatistics.MAX_OBJECT_COUNTS ? Optional.empty() : Optional.of(Map.copyOf(perObject)));
    }

    private Map<Node, Map<Node, Long>> referencePairs(Node first, Node second) {
        Graph union = kb.dataset().getUnionGraph();
        Map<Node, Map<Node, Long>> out = new HashMap<>();
        for (Triple t : statements(first)) {
            Set<Node> seconds = new HashSet<>();
            union.find(t.getSubject(), second, Node.ANY).forEachRemaining(s -> seconds.add(s.getObject()));
            for (Node x : seconds)
                out.computeIfAbsent(t.getObject(), o -> new HashMap<>()).merge(x, 1L, Long::sum);
        }
        Map<Node, Map<Node, Long>> frozen = new HashMap<>();
        out.forEach((o, m) -> frozen.put(o, Map.copyOf(m)));
        return Map.copyOf(frozen);
    }
}
