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
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.riot.system.PrefixMap;
import org.icakg.validate.Finding;
import org.icakg.validate.LineIndex;
import org.icakg.validate.Report;
import org.icakg.validate.Validator;

/**
 * The knowledge graph: a data set (in memory or TDB2) holding the ontology, the curated data in named graphs
 * and the inferred graph; with the shapes and the ontology's axioms that check and extend it.
 */
public final class KnowledgeBase {

    private final DatasetGraph dataset;
    private final Vocab vocab;
    private final Graph ontology;
    private final Shapes shapes;
    private final Inference inference;
    private final Validator validator;
    private final PrefixMap prefixes;
    private final List<RdfSource> dataSources;
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private KnowledgeBase(DatasetGraph dataset, Vocab vocab, Graph ontology, Shapes shapes,
                          PrefixMap prefixes, List<RdfSource> dataSources) {
        this.dataset = dataset;
        this.vocab = vocab;
        this.ontology = ontology;
        this.shapes = shapes;
        this.inference = new Inference(ontology);
        this.validator = new Validator(shapes, ontology, vocab);
        this.prefixes = prefixes;
        this.dataSources = List.copyOf(dataSources);
    }

    /**
     * Opens a knowledge base on {@code dataset}. An empty data set is loaded from the bundle (ontology and
     * data) and its inferences materialised; a data set that already holds statements is reopened as it is,
     * keeping its ontology. The shapes always come from the bundle.
     *
     * @throws LoadException when any file has a syntax error; then nothing is written
     */
    public static KnowledgeBase open(Bundle bundle, Vocab vocab, DatasetGraph dataset) {
        return open(bundle, vocab, () -> dataset);
    }

    /**
     * As {@link #open(Bundle, Vocab, DatasetGraph)}, with the data set opened by {@code store} while the bundle's
     * shapes (and, for a store already loaded, its ontology's prefixes) are parsed on another thread: reopening a
     * large TDB2 store overlaps the two.
     */
    public static KnowledgeBase open(Bundle bundle, Vocab vocab, Supplier<DatasetGraph> store) {
        CompletableFuture<BundleParse> parsed = CompletableFuture.supplyAsync(() -> BundleParse.of(bundle, vocab));
        DatasetGraph dataset = store.get();
        boolean fresh = org.icakg.store.Stores.isEmpty(dataset);
        Graph stored = fresh ? null : Txn.calculateRead(dataset, () -> copy(dataset.getGraph(vocab.ontologyGraph())));
        BundleParse bundleParse = join(parsed);
        if (!bundleParse.errors().isEmpty())
            throw new LoadException(bundleParse.errors());
        PrefixMap prefixes = bundleParse.prefixes();
        if (fresh)
            prefixes.putAll(load(bundle, vocab, dataset));
        Graph ontology = fresh ? Txn.calculateRead(dataset, () -> copy(dataset.getGraph(vocab.ontologyGraph()))) : stored;
        return new KnowledgeBase(dataset, vocab, ontology, bundleParse.shapes(), prefixes, fresh ? bundle.data() : List.of());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            throw e;
        }
    }

    /** Loads the bundle's ontology and data into an empty data set and materialises inferences; its prefixes. */
    private static PrefixMap load(Bundle bundle, Vocab vocab, DatasetGraph dataset) {
        Loader loader = new Loader(vocab);
        List<SyntaxError> errors = new ArrayList<>();
        dataset.begin(org.apache.jena.query.TxnType.WRITE);
        try {
            for (RdfSource s : bundle.ontology())
                errors.addAll(loader.load(s, dataset, vocab.ontologyGraph()));
            for (RdfSource s : bundle.data())
                errors.addAll(loader.load(s, dataset, vocab.unattributedGraph()));
            if (!errors.isEmpty()) {
                dataset.abort();
                throw new LoadException(errors);
            }
            Graph ontology = copy(dataset.getGraph(vocab.ontologyGraph()));
            new Inference(ontology).materialize(dataset, vocab);
            dataset.commit();
        } finally {
            dataset.end();
        }
        return loader.prefixes();
    }

    /** The parts of the bundle read on every start: the shapes, and the prefixes declared with them. */
    private record BundleParse(Shapes shapes, PrefixMap prefixes, List<SyntaxError> errors) {
        static BundleParse of(Bundle bundle, Vocab vocab) {
            Loader loader = new Loader(vocab);
            List<SyntaxError> errors = new ArrayList<>();
            Graph shapesGraph = GraphFactory.createDefaultGraph();
            for (RdfSource s : bundle.shapes()) {
                Loader.ParsedInput parsed = loader.parse(s, vocab.shapesGraph());
                errors.addAll(parsed.errors());
                parsed.dataset().find().forEachRemaining(q -> shapesGraph.add(q.asTriple()));
            }
            // The ontology files are read for their prefixes: a store keeps the ontology it was first loaded with, and
            // a first load reports the files' syntax errors itself.
            for (RdfSource s : bundle.ontology())
                loader.parse(s, vocab.ontologyGraph());
            return new BundleParse(errors.isEmpty() ? Shapes.parse(shapesGraph) : null, loader.prefixes(), errors);
        }
    }

    /** Loads a bundle into a fresh in-memory data set. */
    public static KnowledgeBase inMemory(Bundle bundle, Vocab vocab) {
        return open(bundle, vocab, org.icakg.store.Stores.inMemory());
    }

    public DatasetGraph dataset() { return dataset; }

    public Vocab vocab() { return vocab; }

    /** The ontology (a copy in memory, read-only by convention). */
    public Graph ontology() { return ontology; }

    public Shapes shapes() { return shapes; }

    public Inference inference() { return inference; }

    public Validator validator() { return validator; }

    /** Prefixes declared in the bundled files, for display. */
    public PrefixMap prefixes() { return prefixes; }

    /** Registers code to run after every committed write: the one place caches and counts learn the data changed. */
    public void onDataChanged(Runnable listener) { changeListeners.add(listener); }

    /** Tells every listener that a write has committed. */
    public void dataChanged() { changeListeners.forEach(Runnable::run); }

    /** Validates the whole graph. */
    public Report validate() {
        return Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            var report = validator.validate(union, assertedTriples());
            LineIndex lines = new LineIndex(dataSources, vocab);
            List<Finding> findings = report.getEntries().stream()
                    .map(e -> new Finding(e, lines.locate(e.focusNode()))).toList();
            return new Report(List.of(), findings, report, union.size());
        });
    }

    /** True when a graph name holds asserted statements (not the ontology, not inferences). */
    public boolean isAssertedGraph(Node graphName) {
        return !graphName.equals(vocab.inferredGraph()) && !graphName.equals(vocab.ontologyGraph());
    }

    private Iterator<Triple> assertedTriples() {
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
