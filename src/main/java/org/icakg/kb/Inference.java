package org.icakg.kb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises what the ontology entails, so plain SPARQL sees it (the default graph is the union), each
 * entailed statement in the inferred graph of the graphs it is entailed by: {@code graph/inferred/{passage}} for
 * what one passage's statements entail, {@code graph/inferred/{a}+{b}} when it takes statements of two graphs (a
 * transitive chain). The graph {@code graph/inferred} says which graphs each inferred graph is derived from
 * ({@code prov:wasDerivedFrom}), so SPARQL reaches from an inferred statement to the passages behind it. A statement
 * entailed by several graphs independently is in the inferred graph of each; only minimal sets of graphs are kept.
 * <p>
 * Axioms applied: {@code rdfs:subClassOf}, {@code rdfs:subPropertyOf}, {@code owl:inverseOf},
 * {@code owl:SymmetricProperty}, {@code owl:TransitiveProperty}, and {@code rdfs:domain} / {@code rdfs:range}
 * when they name a class (not a class expression). Nothing asserted (in the data or in the ontology) is repeated.
 * <p>
 * One rule of the knowledge base's own: every {@code ica:date}, {@code ica:startDate} and {@code ica:endDate}, kept
 * as precise as the source ({@code xsd:gYear}, {@code xsd:gYearMonth}, {@code xsd:date}), gets comparable bounds
 * {@code ica:startsOn} / {@code ica:endsOn} as {@code xsd:date}: June 2025 runs from 2025-06-01 to 2025-06-30.
 */
public final class Inference {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.load");

    private final DateBounds bounds;
    private final Set<Node> symmetric = new HashSet<>();
    private final Set<Node> transitive = new HashSet<>();

    /**
     * The axioms {@link #consequences} reads for every statement, as arrays in the sets' order. Read as sets, of three
     * classes ({@code HashSet}, {@code LinkedHashSet}, and {@code Set.of()} for none), each loop of a large load met
     * a class its compiled code had not seen, and the compiler dropped and compiled the method again, up to three times.
     */
    private final Map<Node, Node[]> superClassesOf, superPropertiesOf, inversesOf, domainsOf, rangesOf;
    private static final Node[] NONE = new Node[0];

    /** Reads the axioms from an ontology graph; {@code vocab} names the date properties. */
    public Inference(Graph ontology, Vocab vocab) {
        bounds = new DateBounds(vocab);
        Map<Node, Set<Node>> superClasses = new HashMap<>(), superProperties = new HashMap<>(), inverses = new HashMap<>();
        Map<Node, Set<Node>> domains = new HashMap<>(), ranges = new HashMap<>();
        collect(ontology, RDFS.subClassOf.asNode(), superClasses);
        collect(ontology, RDFS.subPropertyOf.asNode(), superProperties);
        closeTransitively(superClasses);
        closeTransitively(superProperties);
        ontology.find(Node.ANY, OWL2.inverseOf.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI()) {
                inverses.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
                inverses.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
            }
        });
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.SymmetricProperty.asNode())
                .forEachRemaining(t -> symmetric.add(t.getSubject()));
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.TransitiveProperty.asNode())
                .forEachRemaining(t -> transitive.add(t.getSubject()));
        collect(ontology, RDFS.domain.asNode(), domains);
        collect(ontology, RDFS.range.asNode(), ranges);
        superClassesOf = arrays(superClasses);
        superPropertiesOf = arrays(superProperties);
        inversesOf = arrays(inverses);
        domainsOf = arrays(domains);
        rangesOf = arrays(ranges);
    }

    private static Map<Node, Node[]> arrays(Map<Node, Set<Node>> sets) {
        Map<Node, Node[]> arrays = new HashMap<>(sets.size() * 2);
        sets.forEach((k, v) -> arrays.put(k, v.toArray(NONE)));
        return arrays;
    }

    /**
     * Recomputes the inferred graphs of a data set from everything asserted in it.
     * The caller holds a write transaction. Returns the number of inferred quads.
     * <p>
     * What one graph entails on its own (its statements with the ontology: every rule, and transitive chains within
     * it) depends on nothing else but which statements are asserted anywhere, so the graphs are closed one by one on
     * the other processors ({@link #closeWithin}), a batch of graphs per task, while this thread writes in bulk what
     * the batches before entailed (the store has one writer). Only transitive chains take statements of two
     * graphs: they are then derived as any change is, from every statement of a transitive property.
     */
    public long materialize(DatasetGraph dsg, Vocab vocab) {
        return materialize(dsg, vocab, BATCH);
    }

    /** {@link #materialize(DatasetGraph, Vocab)} with {@code batch} graphs closed per task. */
    long materialize(DatasetGraph dsg, Vocab vocab, int batch) {
        InferredGraphs graphs = InferredGraphs.forMaterialising(dsg, vocab);
        graphs.clear();
        long start = System.nanoTime();
        InferredGraphs.Asserted asserted = graphs.asserted();
        List<Map.Entry<Node, List<Triple>>> byGraph = List.copyOf(asserted.byGraph().entrySet());
        LOG.info(String.format("inference: %,d graphs read (%.1f s), closing each and writing what it entails ...",
                byGraph.size(), seconds(start)));
        // The other processors close the graphs, a batch at a time, while this thread writes what the batches
        // before entailed, in the same order as the graphs (the store's writer is this thread alone).
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ica-kg-inference");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<List<Triple>>>> batches = new ArrayList<>();
            for (int from = 0; from < byGraph.size(); from += batch) {
                List<Map.Entry<Node, List<Triple>>> graphsOfBatch = byGraph.subList(from, Math.min(byGraph.size(), from + batch));
                batches.add(pool.submit(() -> closeEach(graphsOfBatch, asserted.stated())));
            }
            long nextProgress = PROGRESS_EVERY;
            for (int b = 0; b < batches.size(); b++) {
                List<List<Triple>> entailed = done(batches.get(b));
                batches.set(b, null);
                for (int i = 0; i < entailed.size(); i++)
                    graphs.addEntailed(Support.of(byGraph.get(b * batch + i).getKey()), entailed.get(i));
                if (graphs.inferredCount() >= nextProgress) {
                    LOG.info(String.format("inference: %,d of %,d graphs closed, %,d statements written (%.1f s)",
                            Math.min(byGraph.size(), (b + 1) * batch), byGraph.size(), graphs.inferredCount(), seconds(start)));
                    nextProgress = (graphs.inferredCount() / PROGRESS_EVERY + 1) * PROGRESS_EVERY;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.info(String.format("inference: %,d statements written (%.1f s), deriving chains across graphs ...",
                graphs.inferredCount(), seconds(start)));
        close(graphs, graphs.seedsWithPredicates(transitive));
        graphs.tidy();
        return graphs.inferredCount();
    }

    /**
     * What each graph of a batch entails on its own, in the batch's order. A plain loop, not a stream: the compiler
     * directives of a load keep {@link #closeWithin} and this class's lambdas from C2, but a stream's shared sink
     * ({@code ReferencePipeline$3$1.accept}) is matched by none of them, and C2 compiled it with the whole closure
     * inlined (1.4 s of C2's time in a 1 M load).
     */
    private List<List<Triple>> closeEach(List<Map.Entry<Node, List<Triple>>> batch, java.util.function.Predicate<Triple> stated) {
        List<List<Triple>> entailed = new ArrayList<>(batch.size());
        for (Map.Entry<Node, List<Triple>> e : batch)
            entailed.add(closeWithin(e.getKey(), e.getValue(), stated));
        return entailed;
    }

    /** Graphs closed per task of the materialisation. */
    private static final int BATCH = 256;
    /** Inferred statements between two progress lines of the materialisation. */
    private static final long PROGRESS_EVERY = 250_000;

    /** The result of a batch, waiting for it; its failure thrown as it was thrown on the worker. */
    private static <T> T done(Future<T> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inferring", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static double seconds(long since) { return (System.nanoTime() - since) / 1e9; }

    /**
     * What {@code graph}'s statements entail with the ontology alone, in the order derived: the same statements
     * {@link #close} records with the graph as support. {@code stated} holds every statement asserted in any graph
     * (the ontology included): those are not repeated as inferred, nor derived from.
     */
    List<Triple> closeWithin(Node graph, List<Triple> statements, java.util.function.Predicate<Triple> stated) {
        Support support = Support.of(graph);
        WithinGraph within = new WithinGraph(statements, support);
        List<Triple> entailed = new ArrayList<>();
        Deque<Triple> queue = new ArrayDeque<>(statements);
        Derivations derived = new Derivations();
        while (!queue.isEmpty()) {
            Triple t = queue.poll();
            for (int step = 0; step < Derivations.STEPS; step++) {
                if (!consequences(step, t, support, within, derived.cleared()))
                    break;
                for (int i = 0; i < derived.size(); i++) {
                    Triple d = derived.triple(i);
                    // A statement is derived many times over (a domain's type once per property of the subject): the
                    // graph's own small sets answer the repeats, and the store's table is asked once per statement.
                    if (!within.isNew(d))
                        continue;
                    if (stated.test(d)) {
                        within.stated(d);
                    } else {
                        within.add(d);
                        entailed.add(d);
                        queue.add(d);
                    }
                }
            }
        }
        return entailed;
    }

    /** The statements of one graph and what they entail, as premises for transitive chains within that graph. */
    private final class WithinGraph implements Premises {
        private record Key(Node node, Node property) {}

        private final Set<Triple> known = new HashSet<>();
        /** Statements derived here that some graph states: never inferred, and looked up in the store once. */
        private final Set<Triple> statedElsewhere = new HashSet<>();
        private final Map<Key, Set<Node>> objects = new HashMap<>(), subjects = new HashMap<>();
        private final List<Support> supports;

        WithinGraph(List<Triple> statements, Support support) {
            this.supports = List.of(support);
            statements.forEach(this::add);
        }

        /** Adds {@code t}; false when it was known. */
        boolean add(Triple t) {
            if (!known.add(t))
                return false;
            Node p = t.getPredicate();
            if (transitive.contains(p)) {
                objects.computeIfAbsent(new Key(t.getSubject(), p), k -> new LinkedHashSet<>()).add(t.getObject());
                subjects.computeIfAbsent(new Key(t.getObject(), p), k -> new LinkedHashSet<>()).add(t.getSubject());
            }
            return true;
        }

        /** True when {@code t} is neither known here nor found stated before. */
        boolean isNew(Triple t) { return !known.contains(t) && !statedElsewhere.contains(t); }

        /** Records that a graph states {@code t}. */
        void stated(Triple t) { statedElsewhere.add(t); }

        @Override
        public Set<Node> objects(Node s, Node p) {
            return new LinkedHashSet<>(objects.getOrDefault(new Key(s, p), Set.of()));
        }

        @Override
        public Set<Node> subjects(Node p, Node o) {
            return new LinkedHashSet<>(subjects.getOrDefault(new Key(o, p), Set.of()));
        }

        @Override
        public List<Support> supports(Triple t) { return known.contains(t) ? supports : List.of(); }
    }

    /** Statements to derive from: a statement and a set of graphs that entails it. */
    public record Seed(Triple triple, Support support) {}

    /** Where the premises of a transitive chain are found, with the supports of each. */
    public interface Premises {
        /** Every object of {@code s p ?o}, asserted or inferred. */
        Set<Node> objects(Node s, Node p);

        /** Every subject of {@code ?s p o}, asserted or inferred. */
        Set<Node> subjects(Node p, Node o);

        /** The supports of a statement: one per asserted graph holding it, and those of its inferred graphs. */
        List<Support> supports(Triple t);
    }

    /**
     * What one rule application derives from a statement, in three steps: the rules of one statement (dates, classes,
     * properties, inverses, symmetry, domains and ranges), then transitive chains forward, then backward. The caller
     * takes each step's statements before the next step reads the premises, as they may be among them.
     *
     * <p>Collected rather than passed to a callback: each rule's call of a callback had the callback's whole body
     * (set look-ups, the store's table, the queue) compiled into this method once per call, twelve copies, and a
     * large load paid the optimising compiler for that code three to six times over (recompiled as each rule first
     * fired): some 40 % of the compiler's processor time during a load of a million statements.
     */
    static final class Derivations {
        /** The steps of {@link Inference#consequences(int, Triple, Support, Premises, Derivations)}. */
        static final int STEPS = 3;

        private Triple[] triples = new Triple[16];
        private Support[] supports = new Support[16];
        private int size;

        /** This, emptied. */
        Derivations cleared() {
            java.util.Arrays.fill(triples, 0, size, null);
            java.util.Arrays.fill(supports, 0, size, null);
            size = 0;
            return this;
        }

        void add(Triple t, Support support) {
            if (size == triples.length) {
                triples = java.util.Arrays.copyOf(triples, size * 2);
                supports = java.util.Arrays.copyOf(supports, size * 2);
            }
            triples[size] = t;
            supports[size++] = support;
        }

        int size() { return size; }

        Triple triple(int i) { return triples[i]; }

        Support support(int i) { return supports[i]; }
    }

    /**
     * Adds to {@code out} every statement step {@code step} of one rule application derives from {@code t} (entailed
     * by {@code support}), with the support of the derivation, whether or not it is already known. False when this
     * and the later steps derive nothing from {@code t}.
     */
    boolean consequences(int step, Triple t, Support support, Premises premises, Derivations out) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        switch (step) {
            case 0 -> {
                bounds.of(t, support, out);
                if (p.equals(RDF.type.asNode())) {
                    for (Node c : superClassesOf.getOrDefault(o, NONE))
                        out.add(Triple.create(s, p, c), support);
                    return true;
                }
                for (Node q : superPropertiesOf.getOrDefault(p, NONE))
                    out.add(Triple.create(s, q, o), support);
                if (!o.isLiteral()) {
                    for (Node q : inversesOf.getOrDefault(p, NONE))
                        out.add(Triple.create(o, q, s), support);
                    if (symmetric.contains(p))
                        out.add(Triple.create(o, p, s), support);
                    for (Node c : rangesOf.getOrDefault(p, NONE))
                        out.add(Triple.create(o, RDF.type.asNode(), c), support);
                }
                for (Node c : domainsOf.getOrDefault(p, NONE))
                    out.add(Triple.create(s, RDF.type.asNode(), c), support);
                return true;
            }
            case 1 -> {
                if (!transitive.contains(p) || o.isLiteral() || p.equals(RDF.type.asNode()))
                    return false;
                for (Node next : premises.objects(o, p))
                    for (Support other : premises.supports(Triple.create(o, p, next)))
                        out.add(Triple.create(s, p, next), support.with(other));
                return true;
            }
            default -> {
                for (Node prev : premises.subjects(p, s))
                    for (Support other : premises.supports(Triple.create(prev, p, s)))
                        out.add(Triple.create(prev, p, o), support.with(other));
                return true;
            }
        }
    }

    /** Derives everything {@code seeds} entail into {@code graphs}, until nothing new follows. */
    public void close(InferredGraphs graphs, List<Seed> seeds) {
        Deque<Seed> queue = new ArrayDeque<>(seeds);
        Derivations derived = new Derivations();
        while (!queue.isEmpty()) {
            Seed next = queue.poll();
            for (int step = 0; step < Derivations.STEPS; step++) {
                if (!consequences(step, next.triple(), next.support(), graphs, derived.cleared()))
                    break;
                for (int i = 0; i < derived.size(); i++)
                    if (graphs.add(derived.triple(i), derived.support(i)))
                        queue.add(new Seed(derived.triple(i), derived.support(i)));
            }
        }
    }

    private static void collect(Graph g, Node predicate, Map<Node, Set<Node>> into) {
        g.find(Node.ANY, predicate, Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI())
                into.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
        });
    }

    /** Replaces each set of direct parents by all ancestors (excluding the node itself). */
    private static void closeTransitively(Map<Node, Set<Node>> parents) {
        for (Node start : List.copyOf(parents.keySet())) {
            Set<Node> all = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(parents.get(start));
            while (!todo.isEmpty()) {
                Node n = todo.poll();
                if (!n.equals(start) && all.add(n))
                    todo.addAll(parents.getOrDefault(n, Set.of()));
            }
            parents.put(start, all);
        }
    }
}
