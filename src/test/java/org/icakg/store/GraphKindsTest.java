package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether an asserted graph holds a statement, asked of a real TDB2 store and of the in-memory one: the same answers,
 * and a statement a hub's thousands of inferred graphs hold is answered from the first of them.
 */
class GraphKindsTest {

    private static final String INFERRED = "urn:x:inferred";
    private static final Node META = NodeFactory.createURI(INFERRED);
    private static final Node HUB = NodeFactory.createURI("urn:x:kazakhstan");
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Triple HUB_CLASS = Triple.create(HUB, TYPE, NodeFactory.createURI("urn:x:State"));
    private static final Triple HUB_ACTOR = Triple.create(HUB, TYPE, NodeFactory.createURI("urn:x:Actor"));
    private static final Triple DESCRIBED = Triple.create(NodeFactory.createURI(INFERRED + "/1"),
            NodeFactory.createURI("urn:x:derivedFrom"), NodeFactory.createURI("urn:x:passage/1"));
    private static final int PASSAGES = 3_000;

    @TempDir
    Path tmp;

    /** Counts the graph names it is asked about. */
    private static final class Counting implements Predicate<Node> {
        final AtomicInteger asked = new AtomicInteger();
        private final Predicate<Node> test;

        Counting(Predicate<Node> test) { this.test = test; }

        @Override
        public boolean test(Node g) {
            asked.incrementAndGet();
            return test.test(g);
        }
    }

    private static boolean inferred(Node g) {
        return g.isURI() && (g.getURI().equals(INFERRED) || g.getURI().startsWith(INFERRED + "/"));
    }

    /**
     * As the inference leaves a store: the hub's class stated by every passage (and so inferred by none), its
     * super-class inferred in every passage's inferred graph; a description of an inferred graph in the graph that
     * describes them, and stated by a passage too.
     */
    private static void fill(DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> {
            // First, so that its name is numbered, and read, before the passage's that states the same.
            dsg.add(Quad.create(META, DESCRIBED));
            dsg.add(Quad.create(NodeFactory.createURI("urn:x:passage/0"), DESCRIBED));
            for (int i = 1; i <= PASSAGES; i++) {
                dsg.add(Quad.create(NodeFactory.createURI(INFERRED + "/" + i), HUB_ACTOR));
                dsg.add(Quad.create(NodeFactory.createURI("urn:x:passage/" + i), HUB_CLASS));
            }
        });
    }

    private static List<Boolean> ask(DatasetGraph dsg, GraphKinds kinds, List<Triple> questions) {
        return Txn.calculateRead(dsg, () -> {
            GraphKinds.Session session = kinds.session(dsg, List.of());
            return questions.stream().map(session::anyHolds).toList();
        });
    }

    private void answersAlike(Function<Path, DatasetGraph> open) {
        DatasetGraph dsg = open.apply(tmp.resolve("store"));
        try {
            fill(dsg);
            List<Triple> questions = List.of(HUB_CLASS, HUB_ACTOR, DESCRIBED,
                    Triple.create(HUB, TYPE, NodeFactory.createURI("urn:x:Unknown")));
            Counting stating = new Counting(g -> !inferred(g));
            Counting settling = new Counting(g -> g.getURI().startsWith(INFERRED + "/"));
            List<Boolean> answers = ask(dsg, new GraphKinds(stating, settling), questions);
            assertEquals(List.of(true, false, true, false), answers,
                    "stated by the passages; inferred only; described and stated; held by none");
            // Reading every holder, as without a settling kind, gives the same answers.
            assertEquals(answers, ask(dsg, new GraphKinds(g -> !inferred(g), g -> false), questions));
            // The hub's super-class, inferred in thousands of graphs, was answered from the first one read; the
            // description read on past the describing graph, which settles nothing, to the passage stating it.
            assertTrue(stating.asked.get() < 10, "graph names decided: " + stating.asked.get());
        } finally {
            Stores.close(dsg);
        }
    }

    @Test
    void a_tdb2_store_answers_a_hubs_inferred_class_from_the_first_inferred_graph_holding_it() {
        answersAlike(Stores::tdb2);
    }

    @Test
    void an_in_memory_store_gives_the_same_answers() {
        answersAlike(dir -> Stores.inMemory());
    }

    @Test
    void without_a_settling_kind_every_holder_is_decided() {
        DatasetGraph dsg = Stores.tdb2(tmp.resolve("store"));
        try {
            fill(dsg);
            Counting stating = new Counting(g -> !inferred(g));
            assertFalse(ask(dsg, new GraphKinds(stating, g -> false), List.of(HUB_ACTOR)).get(0));
            assertEquals(PASSAGES, stating.asked.get(), "each inferred graph holding the hub's super-class");
        } finally {
            Stores.close(dsg);
        }
    }
}
