package org.icakg.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * The union of a data set's named graphs, for the many small look-ups of validation. On the in-memory store the union
 * is a real index and is returned as it is. On TDB2 the union graph turns every quad that holds a statement into a
 * whole quad, its graph name decoded from the node table, before dropping duplicates: the {@code rdf:type} of a hub
 * (a state, a forum), stated in thousands of passage and inferred graphs, took seconds per look-up. Here a subject's
 * values of a property are read from the {@code SPOG} index by skipping: after each value found, the scan starts
 * again past every quad of that value, so a look-up costs one index seek per distinct value, however many graphs
 * hold each, and only the distinct values are decoded (once per validation: the graph is asked within one
 * transaction, after the write's changes). Whether the union holds one statement is one seek too. Every other
 * pattern goes to the union graph.
 */
public final class UnionLookups {

    private UnionLookups() {}

    /** The union graph of {@code dsg}, with quick look-ups of a subject's values on TDB2. Use in a transaction. */
    public static Graph of(DatasetGraph dsg) {
        Graph union = dsg.getUnionGraph();
        return TDBInternal.isTDB2(dsg) ? new DistinctValues(union, dsg) : union;
    }

    private static final class DistinctValues extends WrappedGraph {
        private static final int ID = NodeId.SIZE;

        private final NodeTupleTable quads;
        private final TupleIndexRecord spog;
        /** The values found so far, by subject and property: a validation asks for a hub's types again and again. */
        private final Map<Triple, List<Triple>> found = new HashMap<>();

        DistinctValues(Graph union, DatasetGraph dsg) {
            super(union);
            this.quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
            this.spog = quads.getTupleTable().selectIndex("SPOG", TupleIndexRecord.class);
        }

        @Override
        public ExtendedIterator<Triple> find(Triple m) {
            return find(m.getMatchSubject(), m.getMatchPredicate(), m.getMatchObject());
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            if (spog == null || s == null || p == null || !s.isConcrete() || !p.isConcrete())
                return super.find(s, p, o);
            if (o != null && o.isConcrete())
                return WrappedIterator.create(holds(s, p, o) ? List.of(Triple.create(s, p, o)).iterator()
                        : java.util.Collections.emptyIterator());
            return WrappedIterator.create(found.computeIfAbsent(Triple.create(s, p, Node.ANY),
                    k -> values(s, p)).iterator());
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            return find(s, p, o).hasNext();
        }

        @Override
        public boolean contains(Triple t) {
            return contains(t.getMatchSubject(), t.getMatchPredicate(), t.getMatchObject());
        }

        private boolean holds(Node s, Node p, Node o) {
            Iterator<Tuple<NodeId>> ids = quads.findAsNodeIds(Node.ANY, s, p, o);
            return ids != null && ids.hasNext();
        }

        /** The distinct objects of {@code s p ?o} in any graph: one seek of the SPOG index per distinct value. */
        private List<Triple> values(Node s, Node p) {
            NodeTable nodes = quads.getNodeTable();
            NodeId sid = nodes.getNodeIdForNode(s), pid = nodes.getNodeIdForNode(p);
            if (NodeId.isDoesNotExist(sid) || NodeId.isDoesNotExist(pid))
                return List.of();
            RangeIndex index = spog.getRangeIndex();
            RecordFactory records = index.getRecordFactory();
            Record from = records.createKeyOnly(), to = records.createKeyOnly();
            NodeIdFactory.set(sid, from.getKey(), 0);
            NodeIdFactory.set(pid, from.getKey(), ID);
            NodeIdFactory.set(sid, to.getKey(), 0);
            NodeIdFactory.setNext(pid, to.getKey(), ID);
            List<Triple> out = new ArrayList<>();
            while (true) {
                Iterator<Record> next = index.iterator(from, to);
                if (!next.hasNext())
                    return out;
                NodeId value = NodeIdFactory.get(next.next().getKey(), 2 * ID);
                out.add(Triple.create(s, p, nodes.getNodeForNodeId(value)));
                // Start again after every quad of this value: (s, p, value + 1, 0).
                NodeIdFactory.setNext(value, from.getKey(), 2 * ID);
                Arrays.fill(from.getKey(), 3 * ID, 4 * ID, (byte) 0);
            }
        }
    }
}
