package org.icakg.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.icakg.store.StatementHash;
import org.icakg.store.Stores;

/**
 * The inferred graphs of a data set, read and written in the caller's write transaction: which statements are
 * entailed, by which sets of graphs ({@link Support}), and the graph {@code graph/inferred} that describes each
 * inferred graph ({@code prov:wasDerivedFrom} its graphs). Notes every quad it adds or removes.
 */
public final class InferredGraphs implements Inference.Premises {

    /** {@code prov:wasDerivedFrom}. */
    public static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private final DatasetGraph dsg;
    private final Vocab vocab;
    private final Node meta;
    private final Map<Node, Support> supportOf = new HashMap<>();
    private final Set<Quad> added = new LinkedHashSet<>(), removed = new LinkedHashSet<>();
    private final Set<Node> touched = new LinkedHashSet<>();
    private long inferredCount;
    /**
     * While materialising (nothing asserted changes, and only this instance writes inferred quads): for each statement
     * looked at, whether it is asserted and which inferred graphs hold it, kept current by {@link #insert} and
     * {@link #delete}. Without it, a statement entailed by thousands of passages (a hub's class) is re-read whole for
     * every new passage, which is quadratic in the size of the data. Null otherwise.
     */
    private final Map<Triple, Holders> holders;
    /**
     * While materialising: the statements of the properties whose chains are derived ({@link #seedsWithPredicates}),
     * asserted or inferred, by subject and property and by object and property. Without it, each step of a chain
     * through a hub (a state or region that is the subject of hundreds of thousands of statements) reads every
     * statement of the hub. Entries are candidates, checked against the store on use (a support may be gone); null
     * otherwise.
     */
    private Chains chains;
    /** Whether a graph other than the inferred ones states a statement (see {@link #isAsserted}). */
    private final Predicate<Triple> statedOutside;
    /**
     * The answers of {@link #isAsserted} so far: nothing asserted changes while an instance is in use (it writes only
     * inferred graphs), and a hub's class is asked about once per passage that entails it.
     */
    private final Map<Triple, Boolean> asserted = new HashMap<>();

    /** Statements of some properties, by subject and property and by object and property (entries never removed). */
    private static final class Chains {
        private record Key(Node node, Node property) {}

        final Set<Node> properties;
        final Map<Key, Set<Node>> objects = new HashMap<>(), subjects = new HashMap<>();

        Chains(Set<Node> properties) { this.properties = Set.copyOf(properties); }

        void add(Triple t) {
            Node p = t.getPredicate();
            if (!properties.contains(p))
                return;
            objects.computeIfAbsent(new Key(t.getSubject(), p), k -> new LinkedHashSet<>()).add(t.getObject());
            subjects.computeIfAbsent(new Key(t.getObject(), p), k -> new LinkedHashSet<>()).add(t.getSubject());
        }

        Set<Node> objects(Node s, Node p) { return objects.getOrDefault(new Key(s, p), Set.of()); }

        Set<Node> subjects(Node p, Node o) { return subjects.getOrDefault(new Key(o, p), Set.of()); }
    }

    /** Whether a statement is asserted, and the inferred graphs that hold it, by the size of their support. */
    private static final class Holders {
        boolean asserted;
        final Set<Node> single = new HashSet<>();
        final Set<Node> several = new LinkedHashSet<>();
    }

    /** The inferred graphs of {@code dsg}, in a write transaction in which nothing asserted changes any more. */
    public InferredGraphs(DatasetGraph dsg, Vocab vocab) {
        this(dsg, vocab, false, null);
    }

    /**
     * As {@link #InferredGraphs(DatasetGraph, Vocab)}, with {@code statedOutside} telling whether a graph other than
     * the inferred ones (the ontology included) states a statement: {@link org.icakg.store.GraphKinds} of {@link #isStatingGraph},
     * which on TDB2 decides each graph once by its node id rather than decoding every graph that holds a hub's class.
     */
    public InferredGraphs(DatasetGraph dsg, Vocab vocab, Predicate<Triple> statedOutside) {
        this(dsg, vocab, false, statedOutside);
    }

    private InferredGraphs(DatasetGraph dsg, Vocab vocab, boolean materialising, Predicate<Triple> statedOutside) {
        this.dsg = dsg;
        this.vocab = vocab;
        this.meta = vocab.inferredGraph();
        this.holders = materialising ? new HashMap<>() : null;
        this.statedOutside = statedOutside != null ? statedOutside : this::readStatedOutside;
    }

    /** True for a graph whose statements count as asserted: neither an inferred graph nor the default graph. */
    public static boolean isStatingGraph(Vocab vocab, Node graph) {
        return !vocab.isInferred(graph) && !Quad.isDefaultGraph(graph);
    }


    /**
     * For recomputing every inferred graph in one write transaction in which nothing asserted changes: remembers what
     * holds each statement it has looked at, so that adding a support costs the same however many passages already
     * entail the statement.
     */
    public static InferredGraphs forMaterialising(DatasetGraph dsg, Vocab vocab) {
        return new InferredGraphs(dsg, vocab, true, null);
    }

    /** Removes every inferred graph and their description. */
    public void clear() {
        List<Node> names = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (vocab.isInferred(g))
                names.add(g);
        });
        for (Node g : names)
            Iter.toList(dsg.find(g, Node.ANY, Node.ANY, Node.ANY)).forEach(this::delete);
        inferredCount = 0;
    }

    /** What is asserted: each asserted graph's statements, and every statement of a graph that is not inferred. */
    public record Asserted(Map<Node, List<Triple>> byGraph, Predicate<Triple> stated) {}

    /**
     * Reads what is asserted, graph by graph: the statements of each asserted graph (the ontology and inferred graphs
     * excepted) and, to tell what is not to be repeated as inferred, every statement of a graph that is not inferred
     * (the ontology included). Graphs are read in their names' order, so the result does not depend on how the store
     * happens to order its graphs.
     */
    public Asserted asserted() {
        List<Node> names = new ArrayList<>();
        boolean[] onlyStating = {true};
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (!vocab.isInferred(g) && !Quad.isDefaultGraph(g))
                names.add(g);
            else
                onlyStating[0] = false;
        });
        // Each name written out once, not once per comparison (some 500,000 comparisons for 32,000 graphs).
        Map<Node, String> written = new HashMap<>(names.size() * 2);
        for (Node g : names)
            written.put(g, g.toString());
        names.sort(java.util.Comparator.comparing(written::get));
        Map<Node, List<Triple>> byGraph = new LinkedHashMap<>(names.size() * 2);
        List<List<Triple>> all = new ArrayList<>(names.size());
        long count = 0;
        for (Node g : names) {
            List<Triple> statements = new ArrayList<>();
            dsg.getGraph(g).find().forEachRemaining(statements::add);
            all.add(statements);
            count += statements.size();
            if (isAssertedGraph(g))
                byGraph.put(g, statements);
        }
        // With no inferred graph left, what the union holds is what is stated: the store copies its own table of
        // statements (the in-memory store does), rather than a million statements being hashed into a set again.
        Predicate<Triple> union = onlyStating[0] ? Stores.unionAsNow(dsg) : null;
        if (union != null)
            return new Asserted(byGraph, union);
        // Sized for every statement at once: a million statements would otherwise be rehashed a dozen times.
        // Jena's open-addressing set: no entry object per statement (a million of them lived through the inference).
        TripleSet stated = new TripleSet((int) Math.min(Integer.MAX_VALUE / 2, count));
        for (List<Triple> statements : all)
            for (Triple t : statements)
                stated.add(t);
        return new Asserted(byGraph, stated::holds);
    }

    /**
     * A set of statements without an entry object per statement, keyed by {@link StatementHash} (Jena's triple hash
     * code probes dozens of slots per statement in these tables); the set's methods that hash with
     * {@code Triple.hashCode} are not called.
     */
    private static final class TripleSet extends org.apache.jena.mem2.collection.FastHashSet<Triple> {
        TripleSet(int size) { super(size); }

        @Override
        protected Triple[] newKeysArray(int size) { return new Triple[size]; }

        void add(Triple t) { tryAdd(t, StatementHash.of(t)); }

        boolean holds(Triple t) { return findPosition(t, StatementHash.of(t)) >= 0; }
    }

    /**
     * Records statements {@code support} entails that nothing else holds yet (none asserted, none inferred from
     * another support): written as they are, without the checks of {@link #add}.
     */
    public void addEntailed(Support support, List<Triple> entailed) {
        if (entailed.isEmpty())
            return;
        Node graph = graphFor(support);
        // Written together: the in-memory store looks the graph up once for all of them.
        Stores.addAll(dsg, graph, entailed);
        inferredCount += entailed.size();
    }

    /** Every statement, asserted or inferred, of one of {@code predicates}, with each of its supports. */
    public List<Inference.Seed> seedsWithPredicates(Set<Node> predicates) {
        if (holders != null)
            chains = new Chains(predicates);
        Set<Inference.Seed> seeds = new LinkedHashSet<>();
        for (Node p : predicates)
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                seed(q, seeds);
                if (chains != null)
                    chains.add(q.asTriple());
            });
        return new ArrayList<>(seeds);
    }

    /** The inferred statements this instance added, net of those it removed (all of them after {@link #clear}). */
    public long inferredCount() { return inferredCount; }

    /** Every asserted statement, supported by its own graph. */
    public List<Inference.Seed> assertedSeeds() {
        List<Inference.Seed> seeds = new ArrayList<>();
        dsg.find().forEachRemaining(q -> {
            if (isAssertedGraph(q.getGraph()))
                seeds.add(new Inference.Seed(q.asTriple(), Support.of(q.getGraph())));
        });
        return seeds;
    }

    /** The statements of one asserted graph, supported by it. */
    public List<Inference.Seed> seedsOf(Node graph) {
        List<Inference.Seed> seeds = new ArrayList<>();
        dsg.find(graph, Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(q -> seeds.add(new Inference.Seed(q.asTriple(), Support.of(graph))));
        return seeds;
    }

    /** Statements, asserted or inferred, with one of {@code nodes} as subject or object, with their supports. */
    public List<Inference.Seed> seedsAbout(Set<Node> nodes) {
        Set<Inference.Seed> seeds = new LinkedHashSet<>();
        for (Node n : nodes) {
            dsg.find(Node.ANY, n, Node.ANY, Node.ANY).forEachRemaining(q -> seed(q, seeds));
            dsg.find(Node.ANY, Node.ANY, Node.ANY, n).forEachRemaining(q -> seed(q, seeds));
        }
        return new ArrayList<>(seeds);
    }

    private void seed(Quad q, Set<Inference.Seed> into) {
        Support s = supportOfQuad(q);
        if (s != null)
            into.add(new Inference.Seed(q.asTriple(), s));
    }

    /** True when a graph other than the inferred ones (the ontology included) states {@code t}. */
    public boolean isAsserted(Triple t) {
        return asserted.computeIfAbsent(t, statedOutside::test);
    }

    private boolean readStatedOutside(Triple t) {
        var it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        while (it.hasNext())
            if (isStatingGraph(vocab, it.next().getGraph()))
                return true;
        return false;
    }

    /**
     * Records that {@code support} entails {@code t}, unless {@code t} is asserted or a smaller or equal support
     * already entails it; drops the supports of {@code t} this one makes redundant. True when recorded.
     */
    public boolean add(Triple t, Support support) {
        if (holders != null)
            return addRemembered(t, support);
        if (isAsserted(t))
            return false;
        if (support.graphs().size() > MAX_SUPPORT_SEARCHED)
            return addUnlessEntailed(t, support, Iter.iter(dsg.find(Node.ANY, t.getSubject(), t.getPredicate(),
                    t.getObject())).map(Quad::getGraph).filter(g -> vocab.isInferred(g) && !g.equals(meta)));
        return addAmongRelated(t, support);
    }

    /** Largest support whose subsets are looked up one by one (2^n - 1 of them); larger ones read every holder. */
    static final int MAX_SUPPORT_SEARCHED = 6;

    /**
     * {@link #addUnlessEntailed} over the only inferred graphs that can decide it, found by name and by description
     * rather than by reading every graph that holds {@code t} (a hub's class is held by an inferred graph per passage
     * that mentions the hub, thousands of them): a support included in this one names the inferred graph of a subset
     * of its graphs; a support that includes this one was derived, among others, from its first graph.
     */
    private boolean addAmongRelated(Triple t, Support support) {
        List<Node> graphs = support.graphs();
        for (int mask = 1; mask < 1 << graphs.size(); mask++) {
            List<Node> subset = new ArrayList<>(graphs.size());
            for (int i = 0; i < graphs.size(); i++)
                if ((mask & 1 << i) != 0)
                    subset.add(graphs.get(i));
            if (dsg.contains(vocab.inferredGraphFor(subset), t.getSubject(), t.getPredicate(), t.getObject()))
                return false;
        }
        Node target = vocab.inferredGraphFor(graphs);
        List<Node> redundant = new ArrayList<>();
        for (Quad description : Iter.toList(dsg.find(meta, Node.ANY, DERIVED_FROM, graphs.get(0)))) {
            Node g = description.getSubject();
            if (!g.equals(target) && dsg.contains(g, t.getSubject(), t.getPredicate(), t.getObject())
                    && supportOf(g).includes(support))
                redundant.add(g);
        }
        redundant.forEach(g -> delete(Quad.create(g, t)));
        insert(Quad.create(graphFor(support), t));
        return true;
    }

    /** {@link #add} with what holds {@code t} remembered: the same decisions without re-reading every holder. */
    private boolean addRemembered(Triple t, Support support) {
        Holders h = holdersOf(t);
        if (h.asserted)
            return false;
        Node target = vocab.inferredGraphFor(support.graphs());
        if (h.single.contains(target) || h.several.contains(target))
            return false;
        if (support.graphs().size() > 1) {
            for (Node g : support.graphs())
                if (h.single.contains(vocab.inferredGraphFor(List.of(g))))
                    return false;
        }
        return addUnlessEntailed(t, support, h.several.iterator());
    }

    /**
     * Records {@code t} with {@code support} unless one of the inferred graphs holding it ({@code holding}) already
     * entails it from less; drops it from those whose support this one includes. True when recorded.
     */
    private boolean addUnlessEntailed(Triple t, Support support, Iterator<Node> holding) {
        List<Node> redundant = new ArrayList<>();
        while (holding.hasNext()) {
            Node g = holding.next();
            Support known = supportOf(g);
            if (support.includes(known))
                return false;
            if (known.includes(support))
                redundant.add(g);
        }
        redundant.forEach(g -> delete(Quad.create(g, t)));
        insert(Quad.create(graphFor(support), t));
        return true;
    }

    private Holders holdersOf(Triple t) {
        Holders h = holders.get(t);
        if (h != null)
            return h;
        Holders fresh = new Holders();
        dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).forEachRemaining(q -> {
            Node g = q.getGraph();
            if (!vocab.isInferred(g) && !Quad.isDefaultGraph(g))
                fresh.asserted = true;
            else if (vocab.isInferred(g) && !g.equals(meta))
                held(fresh, g);
        });
        holders.put(t, fresh);
        return fresh;
    }

    private void held(Holders h, Node inferredGraph) {
        if (supportOf(inferredGraph).graphs().size() > 1) {
            h.several.add(inferredGraph);
        } else {
            h.single.add(inferredGraph);
        }
    }

    /** Removes {@code t} from every inferred graph (it is now asserted). */
    public void removeInferredCopies(Triple t) {
        Iter.toList(dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject())).forEach(q -> {
            if (vocab.isInferred(q.getGraph()) && !q.getGraph().equals(meta))
                delete(q);
        });
    }

    /** Removes every inferred graph whose support includes {@code graph} (its statements changed). */
    public void removeDerivedFrom(Node graph) {
        for (Quad description : Iter.toList(dsg.find(meta, Node.ANY, DERIVED_FROM, graph))) {
            Node inferred = description.getSubject();
            Iter.toList(dsg.find(inferred, Node.ANY, Node.ANY, Node.ANY)).forEach(this::delete);
            touched.add(inferred);
        }
        tidy();
    }

    /** Removes the description of every inferred graph this instance emptied. */
    public void tidy() {
        List<Node> emptied = touched.stream().filter(g -> !dsg.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext()).toList();
        for (Node g : emptied)
            Iter.toList(dsg.find(meta, g, Node.ANY, Node.ANY)).forEach(this::delete);
        touched.clear();
    }

    /** Number of inferred statements (a statement in two inferred graphs counts twice). */
    public long size() {
        long n = 0;
        var it = dsg.find();
        while (it.hasNext()) {
            Node g = it.next().getGraph();
            if (vocab.isInferred(g) && !g.equals(meta))
                n++;
        }
        return n;
    }

    /** Quads this instance added, net of those it removed again. */
    public List<Quad> added() { return List.copyOf(added); }

    /** Quads this instance removed, net of those it added again. */
    public List<Quad> removed() { return List.copyOf(removed); }

    @Override
    public Set<Node> objects(Node s, Node p) {
        if (chains != null && chains.properties.contains(p))
            return supported(chains.objects(s, p), o -> Triple.create(s, p, o));
        Set<Node> out = new LinkedHashSet<>();
        dsg.find(Node.ANY, s, p, Node.ANY).forEachRemaining(q -> {
            if (supportOfQuad(q) != null)
                out.add(q.getObject());
        });
        return out;
    }

    @Override
    public Set<Node> subjects(Node p, Node o) {
        if (chains != null && chains.properties.contains(p))
            return supported(chains.subjects(p, o), s -> Triple.create(s, p, o));
        Set<Node> out = new LinkedHashSet<>();
        dsg.find(Node.ANY, Node.ANY, p, o).forEachRemaining(q -> {
            if (supportOfQuad(q) != null)
                out.add(q.getSubject());
        });
        return out;
    }

    /** The candidates whose statement some asserted or inferred graph still holds. */
    private Set<Node> supported(Set<Node> candidates, Function<Node, Triple> statement) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node n : candidates) {
            Triple t = statement.apply(n);
            var it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
            while (it.hasNext()) {
                if (supportOfQuad(it.next()) != null) {
                    out.add(n);
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public List<Support> supports(Triple t) {
        List<Support> out = new ArrayList<>();
        dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).forEachRemaining(q -> {
            Support s = supportOfQuad(q);
            if (s != null && !out.contains(s))
                out.add(s);
        });
        return out;
    }

    /** The support of a quad: its own graph if asserted, its inferred graph's support, or null (ontology, descriptions). */
    private Support supportOfQuad(Quad q) {
        Node g = q.getGraph();
        if (isAssertedGraph(g))
            return Support.of(g);
        if (vocab.isInferred(g) && !g.equals(meta))
            return supportOf(g);
        return null;
    }

    private boolean isAssertedGraph(Node g) {
        return !vocab.isInferred(g) && !g.equals(vocab.ontologyGraph()) && !Quad.isDefaultGraph(g);
    }

    private Support supportOf(Node inferredGraph) {
        Support known = supportOf.get(inferredGraph);
        if (known != null)
            return known;
        List<Node> from = new ArrayList<>();
        dsg.find(meta, inferredGraph, DERIVED_FROM, Node.ANY).forEachRemaining(q -> from.add(q.getObject()));
        Support s = from.isEmpty() ? Support.of(inferredGraph) : new Support(from);
        supportOf.put(inferredGraph, s);
        return s;
    }

    private Node graphFor(Support support) {
        Node g = vocab.inferredGraphFor(support.graphs());
        supportOf.put(g, support);
        for (Node from : support.graphs())
            insert(Quad.create(meta, g, DERIVED_FROM, from));
        return g;
    }

    private void insert(Quad q) {
        if (dsg.contains(q))
            return;
        dsg.add(q);
        if (!q.getGraph().equals(meta))
            inferredCount++;
        if (chains != null && !q.getGraph().equals(meta))
            chains.add(q.asTriple());
        if (holders != null && vocab.isInferred(q.getGraph()) && !q.getGraph().equals(meta)) {
            Holders h = holders.get(q.asTriple());
            if (h != null)
                held(h, q.getGraph());
        }
        if (!removed.remove(q))
            added.add(q);
    }

    private void delete(Quad q) {
        if (!dsg.contains(q))
            return;
        dsg.delete(q);
        if (!q.getGraph().equals(meta))
            inferredCount--;
        if (holders != null) {
            Holders h = holders.get(q.asTriple());
            if (h != null) {
                h.single.remove(q.getGraph());
                h.several.remove(q.getGraph());
            }
        }
        touched.add(q.getGraph());
        if (!added.remove(q))
            removed.add(q);
    }
}
