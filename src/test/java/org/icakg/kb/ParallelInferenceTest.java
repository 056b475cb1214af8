package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.icakg.store.Stores;
import org.icakg.support.InferredQuads;
import org.junit.jupiter.api.Test;

/**
 * Materialising the inferences graph by graph on all processors gives exactly the inferred graphs (statements,
 * graphs and their descriptions) of deriving everything one statement at a time.
 */
class ParallelInferenceTest {

    private static final Vocab VOCAB = Vocab.DEFAULT;

    @Test
    void the_bundled_knowledge_graph_gets_the_same_inferred_graphs_as_one_statement_at_a_time() {
        assertSameInferences(Bundle.bundled());
    }

    @Test
    void closing_a_few_graphs_per_task_while_earlier_batches_are_written_gives_the_same_inferred_graphs() {
        // The bundled data's graphs, two per task: dozens of batches closed while the ones before are written.
        assertSameInferences(Bundle.bundled(), 2);
    }

    @Test
    void chains_across_graphs_hubs_and_statements_asserted_elsewhere_get_the_same_inferred_graphs() {
        Bundle bundle = new Bundle(Bundle.readAll(List.of(Path.of("src/test/resources/fixtures/inference-ontology.ttl"))),
                List.of(), Bundle.readAll(List.of(Path.of("src/test/resources/fixtures/inference-across-graphs.trig"))));
        Set<Quad> inferred = assertSameInferences(bundle);
        Node ab = VOCAB.inferredGraphFor(List.of(graph("a"), graph("b")));
        assertTrue(inferred.contains(Quad.create(ab, iri("d/almaty"), iri("o#partOf"), iri("d/centralAsia"))),
                "a chain of two graphs is in their joint inferred graph");
        assertTrue(inferred.stream().noneMatch(q -> q.getSubject().equals(iri("d/kz")) && q.getObject().equals(iri("o#State"))),
                "a statement one graph asserts is not repeated as inferred from another");
    }

    @Test
    void a_store_that_cannot_copy_its_statements_gets_the_same_inferred_graphs() {
        // The in-memory store answers "is this stated?" from a copy of its own table of statements; any other data
        // set has the statements collected into a set of their own. Both ways, with a statement asserted in one
        // graph and entailed by another, give the same inferred graphs.
        Bundle bundle = new Bundle(Bundle.readAll(List.of(Path.of("src/test/resources/fixtures/inference-ontology.ttl"))),
                List.of(), Bundle.readAll(List.of(Path.of("src/test/resources/fixtures/inference-across-graphs.trig"))));
        DatasetGraph store = loaded(bundle, Stores.inMemory()),
                other = loaded(bundle, org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem());
        Inference inference = new Inference(InferredQuads.ontology(store, VOCAB), VOCAB);
        long inStore = Txn.calculateWrite(store, () -> inference.materialize(store, VOCAB, 2));
        long inOther = Txn.calculateWrite(other, () -> inference.materialize(other, VOCAB, 2));
        Set<Quad> expected = InferredQuads.of(store, VOCAB);
        assertTrue(expected.size() > 0, "the data entails something");
        assertEquals(expected, InferredQuads.of(other, VOCAB));
        assertEquals(inStore, inOther);
    }

    /** Loads {@code bundle} twice, materialises both ways, checks they agree, and returns the inferred quads. */
    private static Set<Quad> assertSameInferences(Bundle bundle) {
        return assertSameInferences(bundle, 256);
    }

    private static Set<Quad> assertSameInferences(Bundle bundle, int batch) {
        DatasetGraph oneByOne = loaded(bundle), parallel = loaded(bundle);
        Inference inference = new Inference(InferredQuads.ontology(oneByOne, VOCAB), VOCAB);
        InferredQuads.materialiseOneByOne(oneByOne, inference, VOCAB);
        long count = Txn.calculateWrite(parallel, () -> inference.materialize(parallel, VOCAB, batch));
        Set<Quad> expected = InferredQuads.of(oneByOne, VOCAB), actual = InferredQuads.of(parallel, VOCAB);
        assertTrue(expected.size() > 0, "the data entails something");
        Set<Quad> missing = new HashSet<>(expected), extra = new HashSet<>(actual);
        missing.removeAll(actual);
        extra.removeAll(expected);
        assertEquals(Set.of(), missing, "inferred one statement at a time, missing in parallel");
        assertEquals(Set.of(), extra, "inferred in parallel only");
        assertEquals(expected.stream().filter(q -> !q.getGraph().equals(VOCAB.inferredGraph())).count(), count,
                "the count of inferred statements");
        return actual;
    }

    private static DatasetGraph loaded(Bundle bundle) {
        return loaded(bundle, Stores.inMemory());
    }

    private static DatasetGraph loaded(Bundle bundle, DatasetGraph dsg) {
        Loader loader = new Loader(VOCAB);
        Txn.executeWrite(dsg, () -> {
            List<SyntaxError> errors = new ArrayList<>();
            bundle.ontology().forEach(s -> errors.addAll(loader.load(s, dsg, VOCAB.ontologyGraph())));
            bundle.data().forEach(s -> errors.addAll(loader.load(s, dsg, VOCAB.unattributedGraph())));
            assertEquals(List.of(), errors);
        });
        return dsg;
    }

    private static Node graph(String name) { return iri("g/" + name); }

    private static Node iri(String path) { return org.apache.jena.graph.NodeFactory.createURI("https://example.org/" + path); }
}
