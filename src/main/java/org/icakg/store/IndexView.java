package org.icakg.store;

import java.util.Iterator;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/** What a transaction reads: the committed {@link QuadIndex}, or for the writer that index with its {@link PendingWrite}. */
interface IndexView {

    /** Statements of the union of the named graphs matching the pattern, each once. */
    Iterator<Triple> union(Node s, Node p, Node o);

    /**
     * The statements of predicate {@code p} in the union by subject or by object, from a column already built
     * ({@link ColumnLookups}); null when there is none.
     */
    default Function<Node, Iterator<Triple>> column(Node p, boolean bySubject) { return null; }

    /** The same column in arrays indexed by dense numbers ({@link DenseColumn}); null when there is none. */
    default DenseColumn dense(Node p, boolean bySubject) { return null; }

    /** Statements of named graph {@code g} matching the pattern. */
    Iterator<Triple> graph(Node g, Node s, Node p, Node o);

    /** Matching quads of every named graph. */
    Iterator<Quad> quads(Node s, Node p, Node o);

    Iterator<Node> graphNodes();

    boolean containsGraph(Node g);

    boolean contains(Node g, Triple t);

    boolean isEmpty();

    /** Statements in the union. */
    long size();
}
