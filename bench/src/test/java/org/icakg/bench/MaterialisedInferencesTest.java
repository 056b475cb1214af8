package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.icakg.kb.Bundle;
import org.icakg.kb.Inference;
import org.icakg.kb.Loader;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;
import org.icakg.support.InferredQuads;
import org.junit.jupiter.api.Test;

/**
 * On a generated graph of the benchmark's shape (hub classes stated in thousands of passages, places located in
 * regions by other passages), materialising the inferences graph by graph in parallel gives the same inferred quads
 * as deriving them one statement at a time.
 */
class MaterialisedInferencesTest {

    static final long TRIPLES = 20_000;
    private static final Vocab VOCAB = Vocab.DEFAULT;

    @Test
    void a_generated_graph_gets_the_same_inferred_graphs_in_parallel_as_one_statement_at_a_time() {
        DatasetGraph oneByOne = generated(), parallel = generated();
        Inference inference = new Inference(InferredQuads.ontology(oneByOne, VOCAB), VOCAB);
        InferredQuads.materialiseOneByOne(oneByOne, inference, VOCAB);
        long count = Txn.calculateWrite(parallel, () -> inference.materialize(parallel, VOCAB));
        Set<Quad> expected = InferredQuads.of(oneByOne, VOCAB), actual = InferredQuads.of(parallel, VOCAB);
        assertTrue(expected.stream().anyMatch(q -> q.getGraph().getURI().contains("+")),
                "some statement is entailed only by two graphs together");
        Set<Quad> missing = new HashSet<>(expected), extra = new HashSet<>(actual);
        missing.removeAll(actual);
        extra.removeAll(expected);
        assertEquals(Set.of(), missing, "inferred one statement at a time, missing in parallel");
        assertEquals(Set.of(), extra, "inferred in parallel only");
        assertEquals(expected.stream().filter(q -> !q.getGraph().equals(VOCAB.inferredGraph())).count(), count);
    }

    private static DatasetGraph generated() {
        DatasetGraph dsg = Stores.inMemory();
        Loader loader = new Loader(VOCAB);
        Txn.executeWrite(dsg, () -> {
            Bundle.bundled().ontology().forEach(s -> assertEquals(List.of(), loader.load(s, dsg, VOCAB.ontologyGraph())));
            new SyntheticGraph(TRIPLES, SyntheticGraph.DEFAULT_SEED).generate(StreamRDFLib.dataset(dsg), n -> { });
        });
        return dsg;
    }
}
