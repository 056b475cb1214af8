package org.icakg.write;

import java.util.Map;

import org.apache.jena.graph.Node;
import org.icakg.kb.Vocab;

/** A write aimed at a graph the server maintains itself (the ontology, the shapes, the inferred statements). */
public final class ProtectedGraphException extends RuntimeException {

    public ProtectedGraphException(Node graph, String why) {
        super("Graph <" + graph.getURI() + "> cannot be written over HTTP: " + why);
    }

    /** The graphs no write may change, each with the reason. */
    public static Map<Node, String> graphs(Vocab vocab) {
        return Map.of(
                vocab.ontologyGraph(), "the ontology is edited in the ontology/ files",
                vocab.inferredGraph(), "inferred statements are computed by the server after every write",
                vocab.shapesGraph(), "the shapes are edited in the shapes/ files");
    }

    /** Throws when {@code graph} is one of {@link #graphs}. */
    public static void check(Vocab vocab, Node graph) {
        String why = graphs(vocab).get(graph);
        if (why != null)
            throw new ProtectedGraphException(graph, why);
    }
}
