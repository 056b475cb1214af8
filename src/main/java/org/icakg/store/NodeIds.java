package org.icakg.store;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;

/**
 * Dense numbers (0, 1, 2, ...) for the IRIs and blank nodes of the store's dense columns ({@link DenseColumn}): a
 * column indexed by number answers a look-up with one array access, where a hash map keyed by node reads the node,
 * its label and the map's entry (a cache miss each on a large graph). A node keeps its number for as long as the
 * index lives, even when its statements leave. Numbers are given under the owner's lock (while a column is built,
 * or at a commit); {@link #idOf} and {@link #node} may be called by any reader at any time.
 */
final class NodeIds {

    private final Map<Node, Integer> ids = new ConcurrentHashMap<>();
    private volatile Node[] nodes = new Node[1024];
    private int size;

    /** The number of {@code n}, or -1 when it has none (a literal never has one). */
    int idOf(Node n) {
        Integer id = ids.get(n);
        return id == null ? -1 : id;
    }

    /** The node numbered {@code id}. */
    Node node(int id) { return nodes[id]; }

    /** The number of {@code n}, given now if it had none; -1 for a literal. Called under the owner's lock. */
    int give(Node n) {
        if (n.isLiteral())
            return -1;
        Integer id = ids.get(n);
        if (id != null)
            return id;
        Node[] at = nodes;
        if (size == at.length)
            at = Arrays.copyOf(at, at.length * 2);
        at[size] = n;
        nodes = at; // published before the number is
        ids.put(n, size);
        return size++;
    }

    /** Numbers given so far. */
    int size() { return size; }
}
