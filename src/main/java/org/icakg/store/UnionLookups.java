package org.icakg.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * The union of a data set's named graphs, for the many small look-ups of validation. On the in-memory store the union
 * is a real index and is returned as it is. On TDB2 the union graph turns every quad that holds a statement into a
 * whole quad, its graph name decoded from the node table, before dropping duplicates: the {@code rdf:type} of a hub
 * (a state, a forum), stated in thousands of passage and inferred graphs, took seconds per look-up, and a gated write
 * that checks {@code sh:class} on a few hubs minutes. Here the values of a subject's property are found as node ids,
 * made distinct as ids, and only the distinct ones decoded, once per validation (the graph is asked within one
 * transaction, after the write's changes). Every other pattern goes to the union graph.
 */
public final class UnionLookups {

    private UnionLookups() {}

    /** The union graph of {@code dsg}, with quick look-ups of a subject's values on TDB2. Use in a transaction. */
    public static Graph of(DatasetGraph dsg) {
        Graph union = dsg.getUnionGraph();
        return TDBInternal.isTDB2(dsg) ? new DistinctValues(union, dsg) : union;
    }

    private static final class DistinctValues extends WrappedGraph {
        private final DatasetGraph dsg;
        /** The values found so far, by subject and property: a validation asks for a hub's types again and again. */
        private final Map<Triple, List<Triple>> found = new HashMap<>();

        DistinctValues(Graph union, DatasetGraph dsg) {
            super(union);
            this.dsg = dsg;
        }

        @Override
        public ExtendedIterator<Triple> find(Triple m) {
            return find(m.getMatchSubject(), m.getMatchPredicate(), m.getMatchObject());
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            if (s == null || p == null || !s.isConcrete() || !p.isConcrete() || (o != null && o.isConcrete()))
                return super.find(s, p, o);
            return WrappedIterator.create(found.computeIfAbsent(Triple.create(s, p, Node.ANY),
                    k -> values(s, p)).iterator());
        }

        private List<Triple> values(Node s, Node p) {
            NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
            Iterator<Tuple<NodeId>> ids = quads.findAsNodeIds(Node.ANY, s, p, Node.ANY);
            if (ids == null)
                return List.of();
            Set<NodeId> values = new LinkedHashSet<>();
            ids.forEachRemaining(t -> values.add(t.get(3)));
            NodeTable nodes = quads.getNodeTable();
            List<Triple> out = new ArrayList<>(values.size());
            for (NodeId id : values)
                out.add(Triple.create(s, p, nodes.getNodeForNodeId(id)));
            return out;
        }
    }
}
