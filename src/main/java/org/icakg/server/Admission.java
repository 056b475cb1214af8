package org.icakg.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.icakg.web.Metrics;

/**
 * Which requests run now. A request takes one of {@link #SLOTS} slots, or waits for one in order of arrival. A request
 * still running after {@link #LONG_AFTER} gives its slot up to a waiting request and runs on as a long request, up to
 * {@link #MAX_LONG} of them: so requests that run to their time limit (cross products, say) cannot hold every slot, and
 * cheap requests keep being admitted however many expensive ones are running. Past {@link #MAX_LONG} long requests,
 * long ones keep their slots and new requests wait, so that a flood of expensive queries cannot take every thread.
 * <p>
 * Long reads also share the processors: at the query engine's {@linkplain org.icakg.store.Checkpoints checkpoints}
 * (every 1,024 pattern solutions) a read that has run past {@link #LONG_AFTER} goes on only while it holds one of
 * {@link #LONG_RUNNERS} permits; the others wait there, parked, until a permit is free or their time limit cancels
 * them. So however many expensive queries run, cheap requests compete for the processors with a few of them only.
 * Writes are never held back (a write holds the store's single writer).
 * <p>
 * Jetty's {@code QoSHandler} was weighed: it suspends waiting requests without holding a thread and can favour some
 * paths, but a request holds its permit to the end, so expensive queries would still starve cheap ones.
 */
final class Admission {

    /** Requests admitted at once, before any gives its slot up. */
    static final int SLOTS = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    /** A request running this long gives its slot up when another request waits. */
    static final Duration LONG_AFTER = Duration.ofMillis(150);
    /** Most long requests at once (threads: {@code SLOTS + MAX_LONG} stays well under {@link IcaServer#MAX_THREADS}). */
    static final int MAX_LONG = 64;
    /** Long reads computing at once; the others wait at a checkpoint. */
    static final int LONG_RUNNERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How often a waiting request looks for long requests to move out of the slots, or for its cancellation. */
    private static final long POLL_MILLIS = 20;

    private final Semaphore slots = new Semaphore(SLOTS, true);
    private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger longRunning = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Semaphore longRunners = new Semaphore(LONG_RUNNERS, true);
    private final AtomicInteger heldBack = new AtomicInteger();
    /** The request this thread serves (queries run on the request's thread). */
    private final ThreadLocal<Ticket> current = new ThreadLocal<>();

    Admission(Metrics metrics) {
        metrics.gauge("ica.admission.running", "requests admitted and not finished", running::size);
        metrics.gauge("ica.admission.long", "requests running past the long-request threshold, out of the slots",
                longRunning::get);
        metrics.gauge("ica.admission.waiting", "requests waiting for a slot", waiting::get);
        metrics.gauge("ica.admission.held.back", "long reads waiting at a checkpoint for a turn on the processors",
                heldBack::get);
    }

    /**
     * Waits for a slot (moving long requests out of the slots meanwhile) and returns the admitted request.
     * @param read true for a request that writes nothing: it may be held back at checkpoints once long
     */
    Ticket enter(boolean read) {
        if (!slots.tryAcquire()) {
            waiting.incrementAndGet();
            try {
                while (!slots.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS))
                    moveLongRequestsOut();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                slots.acquireUninterruptibly();
            } finally {
                waiting.decrementAndGet();
            }
        }
        Ticket t = new Ticket(System.nanoTime(), read);
        running.add(t);
        current.set(t);
        return t;
    }

    /**
     * A checkpoint of a query on this thread: a long read goes on only with a long-runner permit, waiting for one
     * (parked) until one is free or {@code cancelled} is set.
     */
    void checkpoint(AtomicBoolean cancelled) {
        Ticket t = current.get();
        if (t == null || !t.read || t.hasTurn || System.nanoTime() - t.start < LONG_AFTER.toNanos())
            return;
        heldBack.incrementAndGet();
        try {
            while (!longRunners.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS))
                if (cancelled != null && cancelled.get())
                    return;
            t.hasTurn = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heldBack.decrementAndGet();
        }
    }

    /** Gives up the slot of every request that has run past {@link #LONG_AFTER}, while there is room for long ones. */
    private void moveLongRequestsOut() {
        long now = System.nanoTime();
        for (Ticket t : running) {
            if (now - t.start < LONG_AFTER.toNanos())
                continue;
            if (longRunning.incrementAndGet() > MAX_LONG) {
                longRunning.decrementAndGet();
                return;
            }
            if (t.state.compareAndSet(Ticket.HOLDS_SLOT, Ticket.LONG))
                slots.release();
            else
                longRunning.decrementAndGet();
        }
    }

    /** An admitted request; closing it frees what it holds. */
    final class Ticket implements AutoCloseable {
        static final int HOLDS_SLOT = 0, LONG = 1, DONE = 2;
        final long start;
        final boolean read;
        final AtomicInteger state = new AtomicInteger(HOLDS_SLOT);
        /** Holds a long-runner permit (only its own thread reads or sets this). */
        boolean hasTurn;

        private Ticket(long start, boolean read) {
            this.start = start;
            this.read = read;
        }

        @Override
        public void close() {
            current.remove();
            if (hasTurn)
                longRunners.release();
            running.remove(this);
            int was = state.getAndSet(DONE);
            if (was == HOLDS_SLOT)
                slots.release();
            else if (was == LONG)
                longRunning.decrementAndGet();
        }
    }
}
