package org.icakg.write;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.icakg.kb.Inference;
import org.icakg.kb.Vocab;

/**
 * Keeps the inferred graph equal to what a full recomputation would give, touching only what a change reaches.
 * <p>
 * Additions are closed forward from the added statements. Deletions follow "delete and re-derive": every inferred
 * statement that some derivation from a deleted statement reaches is removed, then everything still entailed is
 * derived again from the statements about the nodes involved (the rules only relate a statement's subject and
 * object, so whatever still entails a removed statement mentions one of its nodes).
 */
final class IncrementalInference {

    private final Inference inference;
    private final Vocab vocab;

    IncrementalInference(Inference inference, Vocab vocab) {
        this.inference = inference;
        this.vocab = vocab;
    }

    /** Brings the inferred graph up to date after {@code change} was applied; returns the inferred quads changed. */
    Change update(DatasetGraph dsg, Change change) {
        Graph union = dsg.getUnionGraph();
        Recording inferred = new Recording(dsg.getGraph(vocab.inferredGraph()));
        for (Triple t : change.addedTriples())
            inferred.delete(t);  // now asserted: an inferred copy would repeat it
        List<Triple> gone = change.removedTriples().stream().filter(t -> !assertedAnywhere(dsg, t)).toList();
        if (!gone.isEmpty()) {
            Set<Triple> over = overDelete(union, inferred, gone);
            over.forEach(inferred::delete);
            inference.close(union, inferred, statementsAbout(dsg, nodes(gone, over)));
        }
        inference.close(union, inferred, change.addedTriples());
        return inferred.change(vocab.inferredGraph());
    }

    /** Every inferred statement reachable by derivations that use a deleted statement. */
    private Set<Triple> overDelete(Graph union, Graph inferred, List<Triple> gone) {
        Set<Triple> over = new LinkedHashSet<>();
        Deque<Triple> queue = new ArrayDeque<>(gone);
        Graph none = Graph.emptyGraph;
        while (!queue.isEmpty())
            inference.consequences(queue.poll(), union, none, c -> {
                if (inferred.contains(c) && over.add(c))
                    queue.add(c);
            });
        return over;
    }

    private static Set<Node> nodes(List<Triple> gone, Set<Triple> over) {
        Set<Node> nodes = new LinkedHashSet<>();
        gone.forEach(t -> Change.nodesOf(t, nodes));
        over.forEach(t -> Change.nodesOf(t, nodes));
        return nodes;
    }

    /** Statements (asserted or inferred, not the ontology's) with one of {@code nodes} as subject or object. */
    private List<Triple> statementsAbout(DatasetGraph dsg, Set<Node> nodes) {
        Set<Triple> out = new LinkedHashSet<>();
        Node ontology = vocab.ontologyGraph();
        for (Node n : nodes) {
            dsg.find(Node.ANY, n, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(ontology))
                    out.add(q.asTriple());
            });
            dsg.find(Node.ANY, Node.ANY, Node.ANY, n).forEachRemaining(q -> {
                if (!q.getGraph().equals(ontology))
                    out.add(q.asTriple());
            });
        }
        return new ArrayList<>(out);
    }

    private boolean assertedAnywhere(DatasetGraph dsg, Triple t) {
        var it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        while (it.hasNext()) {
            Node g = it.next().getGraph();
            if (!g.equals(vocab.inferredGraph()) && !Quad.isDefaultGraph(g))
                return true;
        }
        return false;
    }

    /** The inferred graph, noting what is added to and deleted from it. */
    private static final class Recording extends GraphWrapper {
        private final Set<Triple> added = new LinkedHashSet<>();
        private final Set<Triple> removed = new HashSet<>();

        Recording(Graph inferred) { super(inferred); }

        @Override
        public void add(Triple t) {
            if (get().contains(t))
                return;
            get().add(t);
            if (!removed.remove(t))
                added.add(t);
        }

        @Override
        public void delete(Triple t) {
            if (!get().contains(t))
                return;
            get().delete(t);
            if (!added.remove(t))
                removed.add(t);
        }

        Change change(Node graph) {
            return new Change(added.stream().map(t -> Quad.create(graph, t)).toList(),
                    removed.stream().map(t -> Quad.create(graph, t)).toList());
        }
    }
}
