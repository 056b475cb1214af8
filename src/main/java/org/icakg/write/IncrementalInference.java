package org.icakg.write;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.icakg.kb.Inference;
import org.icakg.kb.InferredGraphs;
import org.icakg.kb.Support;
import org.icakg.kb.Vocab;
import org.icakg.store.GraphKinds;

/**
 * Keeps the inferred graphs equal to what a full recomputation would give, touching only what a change reaches.
 * <p>
 * An added statement is no longer repeated as inferred, and what it entails is derived with its graph as support.
 * A graph that lost a statement loses every inferred graph derived from it (in whole or in part), and its remaining
 * statements are derived again; a statement no longer asserted anywhere is derived again from the statements about
 * its nodes (the rules only relate a statement's subject and object, so whatever entails it mentions one of them).
 */
final class IncrementalInference {

    private final Inference inference;
    private final Vocab vocab;

    IncrementalInference(Inference inference, Vocab vocab) {
        this.inference = inference;
        this.vocab = vocab;
    }

    /**
     * Brings the inferred graphs up to date after {@code change} was applied; returns the inferred quads changed.
     * {@code stating} tells which graphs state a statement (see {@link InferredGraphs#isStatingGraph}).
     */
    Change update(DatasetGraph dsg, Change change, GraphKinds.Session stating) {
        InferredGraphs graphs = new InferredGraphs(dsg, vocab, stating::anyHolds);
        List<Inference.Seed> seeds = new ArrayList<>();
        for (Quad q : change.added())
            graphs.removeInferredCopies(q.asTriple());
        Set<Node> changedGraphs = new LinkedHashSet<>();
        change.removed().forEach(q -> changedGraphs.add(q.getGraph()));
        for (Node g : changedGraphs) {
            graphs.removeDerivedFrom(g);
            seeds.addAll(graphs.seedsOf(g));
        }
        Set<Node> nodes = new LinkedHashSet<>();
        for (Triple t : change.removedTriples())
            if (!graphs.isAsserted(t))
                Change.nodesOf(t, nodes);
        seeds.addAll(graphs.seedsAbout(nodes));
        for (Quad q : change.added())
            seeds.add(new Inference.Seed(q.asTriple(), Support.of(q.getGraph())));
        inference.close(graphs, seeds);
        graphs.tidy();
        return new Change(graphs.added(), graphs.removed());
    }
}
