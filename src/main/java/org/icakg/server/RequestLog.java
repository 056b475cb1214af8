package org.icakg.server;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request ({@code GET /path 200 1.2 ms}), written by a background thread: a request pays for a
 * queue insertion, not for formatting the line and a write to standard error under the logger's lock. The queue takes
 * no lock and wakes no one: the writer looks at it every {@link #EVERY} (a signal per request cost two thread
 * switches per request). When the
 * writer cannot keep up, lines are dropped and counted rather than slowing requests down; the count is logged.
 */
final class RequestLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.request");
    /** Lines waiting to be written; past this, new lines are dropped (and counted). */
    static final int MAX_WAITING = 16_384;

    private record Entry(String method, String path, int status, long nanos) {}

    /** How often the writer writes what has been queued. */
    static final Duration EVERY = Duration.ofMillis(50);

    private final Queue<Entry> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final boolean on = LOG.isInfoEnabled();
    private final Thread writer;
    private volatile boolean closed;

    RequestLog() {
        writer = new Thread(this::write, "ica-kg-request-log");
        writer.setDaemon(true);
        if (on)
            writer.start();
    }

    /** Queues the line of one finished request. */
    void record(String method, String path, int status, long nanos) {
        if (!on || closed)
            return;
        if (size.incrementAndGet() > MAX_WAITING) {
            size.decrementAndGet();
            dropped.increment();
            return;
        }
        waiting.add(new Entry(method, path, status, nanos));
    }

    private void write() {
        while (true) {
            boolean last = closed;
            for (Entry e; (e = waiting.poll()) != null; ) {
                size.decrementAndGet();
                LOG.info("{} {} {} {} ms", e.method(), e.path(), e.status(), millis(e.nanos()));
            }
            long lost = dropped.sumThenReset();
            if (lost > 0)
                LOG.warn("{} request lines dropped: more requests than the log could write", lost);
            if (last)
                return;
            LockSupport.parkNanos(this, EVERY.toNanos());
            if (Thread.interrupted())
                closed = true;
        }
    }

    /** Milliseconds with one decimal, without {@code String.format}. */
    static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** Writes what is queued and stops the writer. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
