package org.icakg.write;

import java.util.Map;

import org.apache.jena.graph.Node;
import org.icakg.kb.Vocab;

/** A write aimed at a graph the server maintains itself (the ontology, the shapes, the inferred statements). */
public final class ProtectedGraphException extends RuntimeException {

    public ProtectedGraphException(Node graph, String why) {
        this("Graph <" + graph.getURI() + "> cannot be written over HTTP: " + why);
    }

    private ProtectedGraphException(String message) {
        super(message);
    }

    /** A write that would leave {@code graph} (the sources graph) empty. */
    public static ProtectedGraphException emptied(Node graph) {
        return new ProtectedGraphException("Graph <" + graph.getURI() + "> cannot be emptied over HTTP: it says which "
                + "document and passage every statement comes from. Delete single statements from it instead.");
    }

    /** The graphs no write may change, each with the reason (and every inferred graph, see {@link #isProtected}). */
    public static Map<Node, String> graphs(Vocab vocab) {
        return Map.of(
                vocab.ontologyGraph(), "the ontology is edited in the ontology/ files",
                vocab.inferredGraph(), "inferred statements are computed by the server after every write",
                vocab.shapesGraph(), "the shapes are edited in the shapes/ files");
    }

    /** True for the graphs of {@link #graphs} and every inferred graph ({@code graph/inferred/…}). */
    public static boolean isProtected(Vocab vocab, Node graph) {
        return graphs(vocab).containsKey(graph) || vocab.isInferred(graph);
    }

    /** Throws when {@code graph} is protected. */
    public static void check(Vocab vocab, Node graph) {
        String why = vocab.isInferred(graph) ? graphs(vocab).get(vocab.inferredGraph()) : graphs(vocab).get(graph);
        if (why != null)
            throw new ProtectedGraphException(graph, why);
    }
}
