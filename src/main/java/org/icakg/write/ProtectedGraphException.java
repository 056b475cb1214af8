package org.icakg.write;

import org.apache.jena.graph.Node;

/** A write aimed at a graph the server maintains itself (the ontology, the inferred statements). */
public final class ProtectedGraphException extends RuntimeException {

    public ProtectedGraphException(Node graph, String why) {
        super("Graph <" + graph.getURI() + "> cannot be written over HTTP: " + why);
    }
}
