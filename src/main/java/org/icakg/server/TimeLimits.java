package org.icakg.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time limits of the queries {@link SmallQueries} runs: one thread looks at the running queries every
 * {@link #TICK} and stops those past their deadline, so a query is stopped within a tick of its limit. A query's limit
 * is an entry in a concurrent set, added when it starts and removed when it ends.
 * <p>
 * Jena's {@code AlarmClock} schedules a task per query instead: every query took the scheduler's lock twice, and since
 * the query that ends is mostly the one due next, removing its task woke the scheduler's thread for nearly every
 * query. After a second with nothing to watch, the watching thread parks until a limit is set.
 * <p>
 * An expiry callback that throws is logged and the watching goes on: one failing callback must not leave every later
 * query without its limit.
 */
final class TimeLimits implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimeLimits.class);

    /** How often running queries are compared with their deadlines. */
    static final Duration TICK = Duration.ofMillis(50);

    /** Ticks with nothing to watch before the watcher parks until a limit is set. */
    static final int IDLE_AFTER_TICKS = 20;

    private final Set<Limit> running = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    /** True while the watcher parks with nothing to watch (a new limit wakes it). */
    private volatile boolean idle;
    private volatile boolean closed;

    TimeLimits() {
        watcher = new Thread(this::watch, "ica-kg-time-limits");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** A time limit being watched; closing it (when its query ends) stops the watching. */
    final class Limit implements AutoCloseable {
        private final long deadline;
        private final Runnable onExpiry;

        private Limit(long deadline, Runnable onExpiry) {
            this.deadline = deadline;
            this.onExpiry = onExpiry;
        }

        @Override
        public void close() {
            running.remove(this);
        }
    }

    /** Runs {@code onExpiry} (once, on the watcher's thread) when {@code millis} have passed before the limit is closed. */
    Limit start(long millis, Runnable onExpiry) {
        Limit limit = new Limit(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), onExpiry);
        running.add(limit);
        if (idle)
            LockSupport.unpark(watcher);
        return limit;
    }

    /** Limits being watched now. */
    int watching() {
        return running.size();
    }

    private void watch() {
        int emptyTicks = 0;
        while (!closed) {
            if (running.isEmpty() && ++emptyTicks >= IDLE_AFTER_TICKS) {
                // Parks only after a while with nothing to watch: between the queries of a busy server the set is
                // often empty for a moment, and waking the watcher for each next query would cost a wake-up each.
                idle = true;
                if (running.isEmpty() && !closed) // a limit set meanwhile saw idle true, or is seen here
                    LockSupport.park(this);
                idle = false;
                emptyTicks = 0;
                continue;
            }
            LockSupport.parkNanos(this, TICK.toNanos());
            long now = System.nanoTime();
            for (Limit limit : running) {
                emptyTicks = 0;
                if (now - limit.deadline >= 0 && running.remove(limit))
                    expire(limit);
            }
        }
    }

    /** Runs a limit's expiry callback; whatever it throws is logged, and the watcher keeps watching the others. */
    private static void expire(Limit limit) {
        try {
            limit.onExpiry.run();
        } catch (Throwable t) { // an Error too: the watcher outliving it is what keeps later queries limited
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError))
                throw vme;
            LOG.error("A query's time-limit action failed; the other limits are still watched", t);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(watcher);
    }
}
