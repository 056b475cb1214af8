package org.icakg.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Whether a graph of one kind (say, an asserted graph) holds a statement. A statement about a hub (a state's class) is
 * held by thousands of graphs, most of them inferred; reading each as a quad decodes its graph name from TDB2's node
 * table, and those decodings evict one another from the node cache, so each question took tens of milliseconds. On
 * TDB2 the graphs are read here as node ids from the quad index and each id's kind is decided once, from its name,
 * then remembered for as long as the store is open: ids of committed nodes never change. A decision made in a
 * transaction is kept only after that transaction commits ({@link Session#keep}), because an aborted one gives its
 * new ids back. On other stores the quads are read as they are.
 * <p>
 * A graph of a second kind may settle the question the other way: when no graph of the first kind ever holds what a
 * graph of the second holds (an asserted statement is never also inferred), the first graph of the second kind found
 * holding the statement answers no, and the others need not be read nor decided. A hub's class inferred in thousands
 * of passages' graphs is then answered from the first of them, as soon after a start as later.
 * <p>
 * The answers are remembered too, by statement, across transactions: each write asks again about the same hubs. A
 * session is opened with the quads its transaction changed, whose remembered answers it does not trust, and
 * {@link Session#keep} forgets them once it has committed; so every change of the graphs of the kind must be given to
 * a session (as every write goes through the write gate).
 */
public final class GraphKinds {

    /** Decisions remembered across transactions, at most (about 80 bytes each); beyond it ids are decided per use. */
    static final int MAX_REMEMBERED = 2_000_000;
    /** Answers remembered across transactions, at most (about 200 bytes each); beyond it they are read per use. */
    static final int MAX_ANSWERS = 200_000;

    /** What a graph's name says of it: of the kind, settling that none of the kind holds what it holds, or neither. */
    private enum Decision { OF_KIND, SETTLES, NEITHER }

    private final Predicate<Node> kind;
    private final Predicate<Node> settles;
    private final Map<NodeId, Decision> committed = new ConcurrentHashMap<>();
    private final Map<Triple, Boolean> answers = new ConcurrentHashMap<>();
    /** The store the remembered ids belong to: a store opened anew (or compacted) numbers its nodes anew. */
    private volatile DatasetGraphTDB numbering;

    /**
     * Graphs whose name satisfies {@code kind}, where no graph of the kind holds a statement that a graph whose name
     * satisfies {@code settles} holds (and no graph satisfies both).
     */
    public GraphKinds(Predicate<Node> kind, Predicate<Node> settles) {
        this.kind = kind;
        this.settles = settles;
    }

    private Decision decide(Node graph) {
        return kind.test(graph) ? Decision.OF_KIND : settles.test(graph) ? Decision.SETTLES : Decision.NEITHER;
    }

    /** Questions asked within one transaction on {@code dsg} (already begun), after it made {@code changed}. */
    public Session session(DatasetGraph dsg, Collection<Quad> changed) {
        Set<Triple> changedTriples = new HashSet<>();
        for (Quad q : changed)
            if (kind.test(q.getGraph()))
                changedTriples.add(q.asTriple());
        if (!TDBInternal.isTDB2(dsg))
            return new Session(dsg, null, changedTriples);
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        if (tdb != numbering) {
            committed.clear();
            answers.clear();
            numbering = tdb;
        }
        return new Session(dsg, tdb.getQuadTable().getNodeTupleTable(), changedTriples);
    }

    /** The questions of one transaction, and the decisions it made, kept by {@link #keep} once it has committed. */
    public final class Session {
        private final DatasetGraph dsg;
        private final NodeTupleTable quads;
        private final Map<NodeId, Decision> decided = new HashMap<>();
        private final Map<Triple, Boolean> answered = new HashMap<>();
        private final Set<Triple> changed;

        private Session(DatasetGraph dsg, NodeTupleTable quads, Set<Triple> changed) {
            this.dsg = dsg;
            this.quads = quads;
            this.changed = changed;
        }

        /** True when a graph of the kind holds {@code t}. */
        public boolean anyHolds(Triple t) {
            Boolean known = changed.contains(t) ? null : answers.get(t);
            return known != null ? known : answered.computeIfAbsent(t, this::read);
        }

        private boolean read(Triple t) {
            if (quads == null) {
                Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
                while (it.hasNext()) {
                    Decision d = decide(it.next().getGraph());
                    if (d != Decision.NEITHER)
                        return d == Decision.OF_KIND;
                }
                return false;
            }
            Iterator<Tuple<NodeId>> ids = quads.findAsNodeIds(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
            if (ids == null)
                return false;
            while (ids.hasNext()) {
                Decision d = decision(ids.next().get(0));
                if (d != Decision.NEITHER)
                    return d == Decision.OF_KIND;
            }
            return false;
        }

        private Decision decision(NodeId graph) {
            Decision known = committed.get(graph);
            if (known == null)
                known = decided.computeIfAbsent(graph, id -> decide(quads.getNodeTable().getNodeForNodeId(id)));
            return known;
        }

        /**
         * Call after the transaction committed: its decisions and answers hold from now on, and the earlier answers
         * about the statements it changed are forgotten.
         */
        public void keep() {
            changed.forEach(answers::remove);
            if (answers.size() + answered.size() <= MAX_ANSWERS)
                answers.putAll(answered);
            if (committed.size() + decided.size() <= MAX_REMEMBERED)
                committed.putAll(decided);
            answered.clear();
            decided.clear();
        }
    }
}
