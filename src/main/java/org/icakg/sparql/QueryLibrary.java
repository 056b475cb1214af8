package org.icakg.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.icakg.kb.Vocab;

/**
 * The application's own queries, kept as {@code .rq} files under {@code sparql/} on the classpath, parsed once,
 * rewritten to the configured base and run with variables bound by substitution (never by string building).
 * <p>
 * A library made with a time limit of its own runs its queries under that limit rather than the data set's (the
 * limit of a request): the pages' background work (the timeline, the search index's labels, the counts on a store
 * that is neither TDB2 nor in memory) reads the whole graph once per write and must not be cut off at a request's
 * limit and begun again on the next page. {@link #abortRunning()} stops what runs, for the server's stop.
 */
public final class QueryLibrary {

    private final Vocab vocab;
    private final DatasetGraph dataset;
    private final Map<String, Query> parsed = new ConcurrentHashMap<>();
    /** The time limit of every query, or null: the data set's. */
    private final Duration timeLimit;
    private final Set<QueryExec> running = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    public QueryLibrary(Vocab vocab, DatasetGraph dataset) {
        this(vocab, dataset, null);
    }

    /** A library whose queries run under {@code timeLimit} instead of the data set's time limit. */
    public QueryLibrary(Vocab vocab, DatasetGraph dataset, Duration timeLimit) {
        this.vocab = vocab;
        this.dataset = dataset;
        this.timeLimit = timeLimit;
    }

    /** Stops the queries running now and refuses later ones (the server stops). */
    public void abortRunning() {
        aborted = true;
        running.forEach(QueryExec::abort);
    }

    /** The data set the queries run on. */
    public DatasetGraph dataset() { return dataset; }

    /** The parsed query {@code sparql/NAME.rq}. */
    public Query query(String name) {
        return parsed.computeIfAbsent(name, n -> QueryFactory.create(vocab.rebaseText(text("sparql/" + n + ".rq"))));
    }

    /** Runs a SELECT with the given variables bound; returns all rows. */
    public List<Binding> select(String name, Map<String, Node> bindings) {
        return run(query(name), bindings);
    }

    /** Runs a SELECT with the given variables bound and returns one page of it: at most {@code limit} rows after {@code offset}. */
    public List<Binding> selectPage(String name, Map<String, Node> bindings, long limit, long offset) {
        Query page = query(name).cloneQuery();
        page.setLimit(limit);
        page.setOffset(offset);
        return run(page, bindings);
    }

    private List<Binding> run(Query query, Map<String, Node> bindings) {
        return Txn.calculateRead(dataset, () -> {
            List<Binding> rows = new ArrayList<>();
            var builder = QueryExec.dataset(dataset).query(query);
            if (timeLimit != null)
                builder.timeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            bindings.forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                running.add(exec);
                try {
                    if (aborted)
                        exec.abort();
                    RowSet rs = exec.select();
                    rs.forEachRemaining(rows::add);
                } finally {
                    running.remove(exec);
                }
            }
            return rows;
        });
    }

    public List<Binding> select(String name) {
        return select(name, Map.of());
    }

    /** Reads a UTF-8 classpath resource. */
    public static String text(String resource) {
        try (InputStream in = QueryLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
