package org.icakg.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;

/**
 * What an entity IRI returns to RDF tools: every statement with the entity as subject or object,
 * in the named graph that states it (its passage, or the inferred graph), plus the labels of its neighbours; and each
 * of them once more in the default graph, because clients that read quads formats (Comunica, rdflib) look there only.
 */
final class Describer {

    private final DatasetGraph store;

    Describer(DatasetGraph store) {
        this.store = store;
    }

    /** True when the graph says anything about or points at the node. */
    boolean exists(Node node) {
        return Txn.calculateRead(store, () -> store.find(Node.ANY, node, Node.ANY, Node.ANY).hasNext()
                || store.find(Node.ANY, Node.ANY, Node.ANY, node).hasNext());
    }

    DatasetGraph describe(Node node) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        Graph dflt = out.getDefaultGraph();
        Txn.executeRead(store, () -> {
            store.find(Node.ANY, node, Node.ANY, Node.ANY).forEachRemaining(q -> {
                out.add(q);
                if (!q.getObject().isLiteral())
                    labels(q.getObject(), out);
            });
            store.find(Node.ANY, Node.ANY, Node.ANY, node).forEachRemaining(q -> {
                out.add(q);
                labels(q.getSubject(), out);
            });
        });
        List<Quad> named = new ArrayList<>();
        out.find().forEachRemaining(named::add);
        named.forEach(q -> dflt.add(q.asTriple()));
        return out;
    }

    private void labels(Node n, DatasetGraph out) {
        store.find(Node.ANY, n, RDFS.label.asNode(), Node.ANY).forEachRemaining(out::add);
    }
}
