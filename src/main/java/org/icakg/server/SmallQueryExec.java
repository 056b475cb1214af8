package org.icakg.server;

import java.util.GregorianCalendar;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.atlas.lib.Alarm;
import org.apache.jena.atlas.lib.AlarmClock;
import org.apache.jena.atlas.lib.DateTimeUtils;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;

/**
 * One run of a plain SELECT or ASK ({@link SmallQueries}) as Jena's {@code QueryExecDataset} runs it with an overall
 * time limit: the same context (ARQ's, then the dataset's, then the current dataset, query and time), the same query
 * engine ({@code QueryEngineRegistry}), the time limit and {@link #abort()} both raising the query's cancel signal,
 * which the engine's iterators check. What it leaves out is what {@code QueryExecDataset} does for every query whether
 * it is needed or not: format the current time as an {@code xsd:dateTime} and parse it back into a node, a tenth of
 * a small query's processor time. The time comes from a {@link Clock} instead, which makes that node once per
 * millisecond, with Jena's own formatting: {@code NOW()} is still the time of the query, to Jena's millisecond.
 */
final class SmallQueryExec implements AutoCloseable {

    /** The current time as the {@code xsd:dateTime} node {@code NOW()} answers, made at most once per millisecond. */
    static final class Clock {
        private record Now(long millis, Node node) {}

        private volatile Now now = new Now(Long.MIN_VALUE, null);

        Node now() {
            long millis = System.currentTimeMillis();
            Now known = now;
            if (known.millis() == millis)
                return known.node();
            GregorianCalendar calendar = new GregorianCalendar();
            calendar.setTimeInMillis(millis);
            // As Jena's NodeFactoryExtra.nowAsDateTime, for a given instant.
            Node node = NodeFactory.createLiteralDT(DateTimeUtils.calendarToXSDDateTimeString(calendar),
                    XSDDatatype.XSDdateTime);
            now = new Now(millis, node);
            return node;
        }
    }

    private final Query query;
    private final DatasetGraph dataset;
    private final Context context;
    private final AtomicBoolean cancelled;
    private final QueryEngineFactory engine;
    private final long timeoutMillis;
    private final Object lock = new Object();
    private Plan plan;
    private QueryIterator iterator;
    private Alarm alarm;
    private boolean closed;

    /** @param timeoutMillis the overall time limit; none when not positive */
    SmallQueryExec(Query query, DatasetGraph dataset, long timeoutMillis, Clock clock) {
        this.query = query;
        this.dataset = dataset;
        this.timeoutMillis = timeoutMillis;
        query.ensureResultVars();
        context = Context.setupContextForDataset(ARQ.getContext(), dataset);
        context.set(ARQConstants.sysCurrentDataset, DatasetFactory.wrap(dataset));
        context.set(ARQConstants.sysCurrentQuery, query);
        cancelled = Context.getOrSetCancelSignal(context);
        context.set(ARQConstants.sysCurrentTime, clock.now());
        engine = QueryEngineRegistry.findFactory(query, dataset, context);
        if (engine == null)
            throw new IllegalStateException("no query engine for " + dataset.getClass().getName());
    }

    /** The answer of an ASK query (the run is closed after it). */
    boolean ask() {
        start();
        try {
            iterator.next();
            return true;
        } catch (NoSuchElementException e) {
            return false;
        } finally {
            close();
        }
    }

    /** The rows of a SELECT query, read as they are written; closed by {@link #close()}. */
    RowSet select() {
        start();
        List<Var> vars = query.getResultVars().stream().map(Var::alloc).toList();
        return RowSetStream.create(vars, iterator);
    }

    private void start() {
        synchronized (lock) {
            if (closed || iterator != null)
                throw new IllegalStateException("a query run starts once");
            if (cancelled.get())
                throw new QueryCancelledException();
            if (timeoutMillis > 0)
                alarm = AlarmClock.get().add(() -> cancelled.set(true), timeoutMillis);
            plan = engine.create(query, dataset, BindingFactory.root(), context);
            iterator = plan.iterator();
            if (cancelled.get()) {
                iterator.cancel();
                throw new QueryCancelledException();
            }
        }
    }

    /** Cancels the run from another thread: the engine stops at its next check, the reader gets a cancellation. */
    void abort() {
        cancelled.set(true);
        synchronized (lock) {
            if (iterator != null)
                iterator.cancel();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed)
                return;
            closed = true;
            if (iterator != null)
                iterator.close();
            if (plan != null)
                plan.close();
            if (alarm != null)
                AlarmClock.get().cancel(alarm);
        }
    }
}
