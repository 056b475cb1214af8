package org.icakg.server;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * millisecond, written as Jena writes it: {@code NOW()} is still the time of the query, to Jena's millisecond.
 */
final class SmallQueryExec implements AutoCloseable {

    /**
     * The current time as the {@code xsd:dateTime} node {@code NOW()} answers, made at most once per millisecond and
     * written as Jena writes it ({@code DateTimeUtils.calendarToXSDDateTimeString} of a calendar in the default time
     * zone: {@code yyyy-MM-dd'T'HH:mm:ss.SSSxxx}, without the fraction on a whole second). The date, time to the second
     * and zone offset are formatted once per second; each millisecond only adds its fraction.
     */
    static final class Clock {
        private record Now(long millis, Node node) {}

        private record Second(long second, String dateTime, String offset) {}

        private static final DateTimeFormatter TO_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

        private final ZoneId zone;
        private volatile Now now = new Now(Long.MIN_VALUE, null);
        private volatile Second second = new Second(Long.MIN_VALUE, null, null);

        /** A clock in the JVM's default time zone, as Jena's. */
        Clock() {
            this(ZoneId.systemDefault());
        }

        Clock(ZoneId zone) {
            this.zone = zone;
        }

        Node now() {
            long millis = System.currentTimeMillis();
            Now known = now;
            if (known.millis() == millis)
                return known.node();
            Node node = NodeFactory.createLiteralDT(lexical(millis), XSDDatatype.XSDdateTime);
            now = new Now(millis, node);
            return node;
        }

        /** The lexical form of an instant. */
        String lexical(long millis) {
            long epochSecond = Math.floorDiv(millis, 1000L);
            int fraction = (int) Math.floorMod(millis, 1000L);
            Second s = second;
            if (s.second() != epochSecond) {
                ZonedDateTime at = Instant.ofEpochSecond(epochSecond).atZone(zone);
                s = new Second(epochSecond, TO_SECOND.format(at), OFFSET.format(at));
                second = s;
            }
            if (fraction == 0)
                return s.dateTime() + s.offset();
            char[] digits = {'.', (char) ('0' + fraction / 100), (char) ('0' + fraction / 10 % 10), (char) ('0' + fraction % 10)};
            return s.dateTime() + new String(digits) + s.offset();
        }
    }

    /**
     * A query's context as {@code Context.setupContextForDataset} makes it (ARQ's settings, then the dataset's, copied),
     * into a map sized for both at once: {@code Context}'s own copy grows its map several times over, per query.
     */
    static final class QueryContext extends Context {
        /** Room for what a run adds (the current dataset, query, time, cancel signal, the engine's own). */
        private static final int ADDED_BY_A_RUN = 16;

        QueryContext(Context global, Context local) {
            int entries = global.size() + (local == null ? 0 : local.size()) + ADDED_BY_A_RUN;
            context = new ConcurrentHashMap<>(entries * 4 / 3 + 1);
            putAll(global);
            if (local != null)
                putAll(local);
        }
    }

    private final Query query;
    private final DatasetGraph dataset;
    private final Context context;
    private final AtomicBoolean cancelled;
    private final QueryEngineFactory engine;
    private final long timeoutMillis;
    private final TimeLimits limits;
    private final Object lock = new Object();
    private Plan plan;
    private QueryIterator iterator;
    private TimeLimits.Limit limit;
    private boolean closed;

    /**
     * @param timeoutMillis the overall time limit; none when not positive
     * @param limits        what watches the time limit
     */
    SmallQueryExec(Query query, DatasetGraph dataset, long timeoutMillis, TimeLimits limits, Clock clock) {
        this.query = query;
        this.dataset = dataset;
        this.timeoutMillis = timeoutMillis;
        this.limits = limits;
        query.ensureResultVars();
        context = new QueryContext(ARQ.getContext(), dataset.getContext());
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
                limit = limits.start(timeoutMillis, () -> cancelled.set(true));
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
            if (limit != null)
                limit.close();
        }
    }
}
