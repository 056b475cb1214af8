package org.icakg.kb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphNull;
import org.apache.jena.sparql.core.DatasetGraphSink;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphSink;
import org.apache.jena.system.Txn;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.PrefixMapWrapper;
import org.icakg.sparql.plan.QueryPlans;
import org.icakg.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge graph: a data set (in memory or TDB2) holding the ontology, the curated data in named graphs
 * and the inferred graph; with the shapes and the ontology's axioms that check and extend it.
 */
public final class KnowledgeBase {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.load");

    private final DatasetGraph dataset;
    private final Vocab vocab;
    /** The ontology, copied out of the data set at its first use ({@link #ontology()}): no first answer needs it. */
    private final Once<Graph> ontology;
    /** The bundle's shapes, parsed on a second thread or at their first use; {@link #shapes()} waits for them. */
    private final Supplier<ParsedShapes> shapes;
    /** True when the store was reopened: its shapes and prefixes are read at their first use ({@link #prepare()}). */
    private final boolean reopened;
    /** The ontology's axioms, read at their first use ({@link #inference()}). */
    private final Once<Inference> inference;
    private final PrefixMap prefixes;
    private final List<RdfSource> dataSources;
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final org.icakg.store.GraphKinds statingGraphs;

    private KnowledgeBase(DatasetGraph dataset, Vocab vocab, Supplier<ParsedShapes> shapes,
                          PrefixMap prefixes, List<RdfSource> dataSources, boolean reopened) {
        this.dataset = dataset;
        this.reopened = reopened;
        this.vocab = vocab;
        this.shapes = shapes;
        this.prefixes = prefixes;
        this.dataSources = List.copyOf(dataSources);
        // An inferred graph never holds an asserted statement (inference skips them, and a write that asserts one
        // removes its inferred copies), so the first one found holding a statement settles that none states it. Not
        // so the graph that describes the inferred ones, whose statements anyone could also assert.
        String inferredPrefix = vocab.inferredGraphPrefix();
        this.statingGraphs = new org.icakg.store.GraphKinds(g -> InferredGraphs.isStatingGraph(vocab, g),
                g -> g.isURI() && g.getURI().startsWith(inferredPrefix));
        this.ontology = new Once<>(
                () -> Txn.calculateRead(dataset, () -> copy(dataset.getGraph(vocab.ontologyGraph()))));
        this.inference = new Once<>(() -> new Inference(ontology(), vocab));
        onDataChanged(QueryPlans.install(dataset)::dataChanged);
    }

    /**
     * Opens a knowledge base on {@code dataset}. An empty data set is loaded from the bundle (ontology and
     * data) and its inferences materialised; a data set that already holds statements is reopened as it is,
     * keeping its ontology. The shapes always come from the bundle.
     *
     * @throws LoadException when any file has a syntax error; then nothing is written
     */
    public static KnowledgeBase open(Bundle bundle, Vocab vocab, DatasetGraph dataset) {
        if (!Stores.isEmpty(dataset))
            return reopen(bundle, vocab, dataset);
        // The shapes are read on a second thread while this one loads the store: first their files (syntax errors,
        // prefixes), then the shapes themselves, which nothing needs until the first validation or form.
        Loader loader = new Loader(vocab);
        CompletableFuture<ShapeFiles> readingShapes = CompletableFuture.supplyAsync(() -> ShapeFiles.of(bundle, vocab));
        CompletableFuture<ParsedShapes> parsingShapes = readingShapes.thenApplyAsync(ParsedShapes::of);
        if (Stores.isTdb2(dataset)) {
            // Loaded and inferred in memory, then written to TDB2 by its bulk loader, index by index.
            DatasetGraph staging = Stores.inMemory();
            loadFresh(bundle, vocab, loader, staging, readingShapes);
            long start = System.nanoTime();
            Stores.bulkLoad(staging, dataset, (format, args) -> LOG.info(String.format(format, args)));
            // The prefixes of the files loaded are kept in the store: a reopened store reads no file again.
            Stores.keepPrefixes(dataset, loader.prefixes());
            LOG.info(String.format("written to the TDB2 store (%.1f s)", (System.nanoTime() - start) / 1e9));
        } else {
            loadFresh(bundle, vocab, loader, dataset, readingShapes);
        }
        PrefixMap prefixes = PrefixMapFactory.create(ParsedShapes.await(readingShapes).prefixes());
        prefixes.putAll(loader.prefixes());
        return new KnowledgeBase(dataset, vocab, () -> ParsedShapes.await(parsingShapes), prefixes, bundle.data(),
                false);
    }

    /**
     * A store that holds data, reopened as it is. It keeps its ontology (copied out at its first use) and the prefixes
     * of its first load; the shapes come from the bundle. No first answer needs the shapes or the prefixes, so neither
     * the shape files nor the store's prefixes are read here: the first call that needs them reads them, or
     * {@link #prepare()} (which the server runs once it has answered its first request).
     */
    private static KnowledgeBase reopen(Bundle bundle, Vocab vocab, DatasetGraph dataset) {
        Once<ShapeFiles> files = new Once<>(() -> ShapeFiles.of(bundle, vocab));
        Once<PrefixMap> prefixes = new Once<>(() -> {
            PrefixMap p = PrefixMapFactory.create(files.get().prefixes());
            PrefixMap kept = Stores.keptPrefixes(dataset);
            p.putAll(kept.isEmpty() ? ontologyPrefixes(bundle, vocab, dataset) : kept);
            return p;
        });
        Once<ParsedShapes> shapes = new Once<>(() -> ParsedShapes.of(files.get()));
        PrefixMap view = new PrefixMapWrapper(PrefixMapFactory.emptyPrefixMap()) {
            @Override
            protected PrefixMap getR() { return prefixes.get(); }

            @Override
            protected PrefixMap getW() { return prefixes.get(); }
        };
        return new KnowledgeBase(dataset, vocab, shapes, view, List.of(), true);
    }

    /**
     * A store built before the prefixes were kept has none: the bundle's ontology is read for them (only its
     * prefixes: the statements go nowhere), and they are kept in the store, so later reopens read no file for them;
     * not when the caller is in a transaction (a page reading the store), which cannot write them: a later reopen does.
     */
    private static PrefixMap ontologyPrefixes(Bundle bundle, Vocab vocab, DatasetGraph dataset) {
        Loader ontologyLoader = new Loader(vocab);
        for (RdfSource s : bundle.ontology())
            ontologyLoader.load(s, DatasetGraphSink.create(), vocab.ontologyGraph());
        if (Stores.isTdb2(dataset) && !dataset.isInTransaction())
            Stores.keepPrefixes(dataset, ontologyLoader.prefixes());
        return ontologyLoader.prefixes();
    }

    /** A value made by its first caller; later callers, or callers meanwhile, get the same one. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> make;
        private volatile T value;

        Once(Supplier<T> make) { this.make = make; }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null)
                        value = v = make.get();
                }
            }
            return v;
        }
    }

    /** The bundle's shape files, read: their statements, syntax errors and the prefixes they declare. */
    private record ShapeFiles(Graph graph, List<SyntaxError> errors, PrefixMap prefixes) {
        static ShapeFiles of(Bundle bundle, Vocab vocab) {
            Loader loader = new Loader(vocab);
            List<SyntaxError> errors = new ArrayList<>();
            Graph graph = GraphFactory.createDefaultGraph();
            // Every statement of the files, in whichever graph, into the one graph of the shapes: no data set of its
            // own (a transactional one's persistent maps were a fair part of what the JIT compiled at a reopen).
            DatasetGraph into = new DatasetGraphNull() {
                @Override
                protected Graph createGraph() { return GraphSink.instance(); }

                @Override
                public void add(Quad quad) { graph.add(quad.asTriple()); }

                @Override
                public PrefixMap prefixes() { return PrefixMapFactory.emptyPrefixMap(); }
            };
            for (RdfSource s : bundle.shapes())
                errors.addAll(loader.load(s, into, vocab.shapesGraph()));
            return new ShapeFiles(graph, List.copyOf(errors), loader.prefixes());
        }
    }

    /** The bundle's shapes, parsed, or the syntax errors of their files. */
    private record ParsedShapes(Shapes shapes, List<SyntaxError> errors) {
        static ParsedShapes of(ShapeFiles files) {
            // Shapes with syntax errors are not used: the knowledge base refuses to open.
            return new ParsedShapes(files.errors().isEmpty() ? Shapes.parse(files.graph()) : null, files.errors());
        }

        /** The result of work on the second thread, once ready; a failure is thrown as it was thrown there. */
        static <T> T await(CompletableFuture<T> parsing) {
            try {
                return parsing.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r)
                    throw r;
                if (e.getCause() instanceof Error err)
                    throw err;
                throw e;
            }
        }
    }

    /**
     * Loads the bundle's ontology and data into the empty {@code dataset} and materialises the inferences, in one
     * write transaction; with syntax errors (these and {@code errors} already found) nothing is written.
     */
    private static void loadFresh(Bundle bundle, Vocab vocab, Loader loader, DatasetGraph dataset,
                                  CompletableFuture<ShapeFiles> shapes) {
        dataset.begin(org.apache.jena.query.TxnType.WRITE);
        try {
            // Room for the files' lines and half as many again, for the statements and what the inference adds (the
            // benchmark's file: 1.33 M lines, 1 M statements, 0.83 M inferred): enough for the store's table of
            // statements to stay at the size it is made, no larger than it would grow to.
            Stores.expectStatements(dataset, 3 * Loader.estimatedLines(bundle.data()) / 2);
            List<SyntaxError> read = new ArrayList<>();
            for (RdfSource s : bundle.ontology())
                read.addAll(loader.load(s, dataset, vocab.ontologyGraph()));
            for (RdfSource s : bundle.data())
                read.addAll(loader.load(s, dataset, vocab.unattributedGraph()));
            List<SyntaxError> errors = new ArrayList<>(ParsedShapes.await(shapes).errors());
            errors.addAll(read);
            if (!errors.isEmpty()) {
                dataset.abort();
                throw new LoadException(errors);
            }
            Graph ontology = copy(dataset.getGraph(vocab.ontologyGraph()));
            long start = System.nanoTime();
            long inferred = new Inference(ontology, vocab).materialize(dataset, vocab);
            LOG.info(String.format("%,d inferred statements (%.1f s)", inferred, (System.nanoTime() - start) / 1e9));
            dataset.commit();
        } finally {
            dataset.end();
        }
    }

    /** Loads a bundle into a fresh in-memory data set. */
    public static KnowledgeBase inMemory(Bundle bundle, Vocab vocab) {
        return open(bundle, vocab, Stores.inMemory());
    }

    public DatasetGraph dataset() { return dataset; }

    public Vocab vocab() { return vocab; }

    /**
     * The ontology (a copy in memory, read-only by convention), copied out of the data set at the first call: a
     * reopened store spent a fifth of its start copying it, for pages and writes that come later if at all.
     */
    public Graph ontology() { return ontology.get(); }

    /**
     * The bundle's shapes: parsed on a second thread while a store loads (they may not be ready yet: this waits), or,
     * for a reopened store, at their first use.
     *
     * @throws LoadException when the shape files have syntax errors
     */
    public Shapes shapes() {
        ParsedShapes parsed = shapes.get();
        if (parsed.shapes() == null)
            throw new LoadException(parsed.errors());
        return parsed.shapes();
    }

    /** The ontology's axioms, for the inferences of a write; read from {@link #ontology()} at the first call. */
    public Inference inference() { return inference.get(); }

    /** Which graphs state a statement (not inferred ones), remembered across writes: give it every write's change. */
    public org.icakg.store.GraphKinds statingGraphs() { return statingGraphs; }

    /** Prefixes declared in the bundled files, for display; a reopened store reads them at their first use. */
    public PrefixMap prefixes() { return prefixes; }

    /** True when this knowledge base reopened a store that held data (see {@link #prepare()}). */
    public boolean reopened() { return reopened; }

    /**
     * Reads now what a reopened store reads at its first use: the shape files, the prefixes kept in the store, the
     * shapes and the ontology's axioms (which a write's inference applies); at once for a loaded one.
     *
     * @throws LoadException when the shape files have syntax errors
     */
    public void prepare() {
        prefixes.size();
        shapes();
        inference();
    }

    /** Registers code to run after every committed write: the one place caches and counts learn the data changed. */
    public void onDataChanged(Runnable listener) { changeListeners.add(listener); }

    /** Tells every listener that a write has committed. */
    public void dataChanged() { changeListeners.forEach(Runnable::run); }

    /** The bundled data files this knowledge base was loaded from (empty when it was reopened from a store). */
    public List<RdfSource> dataSources() { return dataSources; }

    /** True when a graph name holds asserted statements (not the ontology, not inferences). */
    public boolean isAssertedGraph(Node graphName) {
        return !vocab.isInferred(graphName) && !graphName.equals(vocab.ontologyGraph());
    }

    /** Every asserted statement (not the ontology, not inferences), read in the caller's read transaction. */
    public Iterator<Triple> assertedTriples() {
        Iterator<Quad> quads = dataset.find();
        return new Iterator<>() {
            private Quad next = advance();

            private Quad advance() {
                while (quads.hasNext()) {
                    Quad q = quads.next();
                    if (isAssertedGraph(q.getGraph()))
                        return q;
                }
                return null;
            }

            @Override public boolean hasNext() { return next != null; }

            @Override public Triple next() {
                Triple t = next.asTriple();
                next = advance();
                return t;
            }
        };
    }

    private static Graph copy(Graph g) {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(copy::add);
        return copy;
    }

    /** Syntax errors that stopped a load. */
    public static final class LoadException extends RuntimeException {
        private final List<SyntaxError> errors;

        public LoadException(List<SyntaxError> errors) {
            super(errors.size() + " syntax error(s): " + errors.get(0));
            this.errors = List.copyOf(errors);
        }

        public List<SyntaxError> errors() { return errors; }
    }

}
