package org.icakg.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.RdfSource;
import org.icakg.store.GraphKinds;
import org.icakg.store.UnionLookups;
import org.icakg.validate.Finding;
import org.icakg.validate.LineIndex;
import org.icakg.validate.Report;
import org.icakg.validate.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way data changes: a write runs in one write transaction that applies it, brings the inferred graph up to
 * date, validates what it touched against the shapes and the ontology, and commits only if that conforms.
 * Otherwise, and always for a dry run, the transaction is aborted and the store is as it was.
 */
public final class WriteGate {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.write");

    /** What came of a write or a dry run: the report, the net change, and the audit entry when committed. */
    public record Outcome(Report report, Change change, boolean committed, AuditLog.Entry audit, long nanos) {
        /** Milliseconds from the start of the transaction to its end. */
        public double millis() { return nanos / 1e6; }
    }

    private final KnowledgeBase kb;
    /** Made at the first write: the shapes may still be being parsed while the server starts. */
    private volatile Validator validator;
    private final AuditLog audit;
    /** Made at the first write, from the ontology, which is read at its first use. */
    private volatile IncrementalInference inference;
    private final Path storeDir;
    /** Forces a TDB2 store's files on several threads before each commit. */
    private final EarlyForce earlyForce = new EarlyForce();

    public WriteGate(KnowledgeBase kb, AuditLog audit) {
        this(kb, audit, null);
    }

    private WriteGate(KnowledgeBase kb, AuditLog audit, Path storeDir) {
        this.kb = kb;
        this.audit = audit;
        this.storeDir = storeDir;
    }

    private IncrementalInference inference() {
        IncrementalInference i = inference;
        if (i == null)
            inference = i = new IncrementalInference(kb.inference(), kb.vocab()); // the same axioms, should two make one
        return i;
    }

    private Validator validator() {
        Validator v = validator;
        if (v == null)
            validator = v = Validator.of(kb); // the same validator, should two writes make one
        return v;
    }

    /** The gate of a server: the audit log lives in the store's folder, or in memory without a store. */
    public static WriteGate open(KnowledgeBase kb, Path storeDir) {
        return new WriteGate(kb, storeDir == null ? AuditLog.inMemory() : AuditLog.inDirectory(storeDir, kb.dataset()),
                storeDir);
    }

    public AuditLog audit() { return audit; }

    /**
     * Applies {@code operation} to the store (as seen through {@link RecordingDataset}) and commits if the result
     * conforms. {@code input} is the text the change came from, so findings can name its lines.
     */
    public Outcome write(String user, Consumer<DatasetGraph> operation, List<RdfSource> input) {
        Outcome outcome = run(user, operation, input, true);
        if (outcome.committed())
            kb.dataChanged();
        return outcome;
    }

    /** Validates the store as it would be after {@code operation}, and writes nothing. */
    public Outcome dryRun(Consumer<DatasetGraph> operation, List<RdfSource> input) {
        return run(null, operation, input, false);
    }

    /** Runs one transaction; a failure of the store's file system (a full disk) becomes a {@link StoreWriteException}. */
    private Outcome run(String user, Consumer<DatasetGraph> operation, List<RdfSource> input, boolean commit) {
        try {
            return transaction(user, operation, input, commit);
        } catch (RuntimeException | InternalError e) {
            StoreWriteException refused = StoreWriteException.of(e, storeDir).orElse(null);
            if (refused == null)
                throw e;
            LOG.error("write refused: {}", refused.getMessage());
            throw refused;
        }
    }

    private Outcome transaction(String user, Consumer<DatasetGraph> operation, List<RdfSource> input, boolean commit) {
        long start = System.nanoTime();
        DatasetGraph dsg = kb.dataset();
        dsg.begin(TxnType.WRITE);
        boolean ended = false;
        AuditLog.Pending record = null;
        boolean recorded = false;
        try {
            RecordingDataset recording = new RecordingDataset(dsg, kb.vocab());
            operation.accept(recording);
            Change change = recording.change();
            refuseEmptySources(dsg, change);
            // The audit record is made and forced to disk while the change is inferred and validated.
            if (commit)
                record = audit.prepare(user, change);
            List<Quad> changed = new ArrayList<>(change.added());
            changed.addAll(change.removed());
            GraphKinds.Session graphs = kb.statingGraphs().session(dsg, changed);
            Change inferred = inference().update(dsg, change, graphs);
            // The write's changes are all in the store: its files are forced, in parallel, while it is validated.
            CompletableFuture<Void> forced = commit ? earlyForce.start(dsg) : null;
            Report report = validate(dsg, change, inferred, new LineIndex(input, kb.vocab()));
            if (forced != null && report.conforms())
                forced.join();
            if (!commit || !report.conforms()) {
                dsg.abort();
                ended = true;
                return new Outcome(report, change, false, null, System.nanoTime() - start);
            }
            audit.publish(record);
            dsg.commit();
            ended = true;
            recorded = true;
            graphs.keep();
            return new Outcome(report, change, true, record.entry(), System.nanoTime() - start);
        } finally {
            try {
                if (record != null && !recorded)
                    audit.discard(record);
            } finally {
                if (!ended)
                    dsg.abort();
                dsg.end();
            }
        }
    }

    /** The sources graph may lose statements, never all of them: that would cut every statement from its source. */
    private void refuseEmptySources(DatasetGraph dsg, Change change) {
        Node sources = kb.vocab().sourcesGraph();
        if (change.removed().stream().anyMatch(q -> sources.equals(q.getGraph()))
                && !dsg.find(sources, Node.ANY, Node.ANY, Node.ANY).hasNext())
            throw ProtectedGraphException.emptied(sources);
    }

    private Report validate(DatasetGraph dsg, Change change, Change inferred, LineIndex lines) {
        Graph union = UnionLookups.of(dsg);
        List<Quad> added = new ArrayList<>(change.added()), removed = new ArrayList<>(change.removed());
        added.addAll(inferred.added());
        removed.addAll(inferred.removed());
        // The shapes see the union of the graphs: only what the union gained or lost can change their verdict.
        UnionChange net = UnionChange.of(dsg, added, removed);
        ValidationReport shacl = validator().validateChange(union, net.added(), net.removed(),
                change.addedTriples().iterator());
        List<Finding> findings = shacl.getEntries().stream()
                .map(e -> new Finding(e, lines.locate(e.focusNode()))).toList();
        return new Report(List.of(), findings, shacl, change.size());
    }
}
