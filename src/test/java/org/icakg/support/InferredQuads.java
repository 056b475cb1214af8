package org.icakg.support;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.icakg.kb.Inference;
import org.icakg.kb.InferredGraphs;
import org.icakg.kb.Vocab;

/** What comparisons of two ways of materialising inferences read from a data set. */
public final class InferredQuads {

    private InferredQuads() {}

    /** Every quad of the inferred graphs. */
    public static Set<Quad> of(DatasetGraph dsg, Vocab vocab) {
        return Txn.calculateRead(dsg, () -> {
            Set<Quad> out = new HashSet<>();
            dsg.find().forEachRemaining(q -> {
                if (vocab.isInferred(q.getGraph()))
                    out.add(q);
            });
            return out;
        });
    }

    /** Materialises {@code dsg}'s inferences one statement at a time (the reference the parallel path is checked against). */
    public static void materialiseOneByOne(DatasetGraph dsg, Inference inference, Vocab vocab) {
        Txn.executeWrite(dsg, () -> {
            InferredGraphs graphs = InferredGraphs.forMaterialising(dsg, vocab);
            graphs.clear();
            inference.close(graphs, graphs.assertedSeeds());
            graphs.tidy();
        });
    }

    /** A copy of the ontology graph, the premises of {@code kb.Inference}. */
    public static Graph ontology(DatasetGraph dsg, Vocab vocab) {
        Graph g = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.find(vocab.ontologyGraph(), Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(q -> g.add(q.asTriple())));
        return g;
    }
}
