package org.icakg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request ({@code GET /path 200 1.2 ms}), written by a background thread: a request pays for a
 * queue insertion, not for formatting the line and a write to standard error under the logger's lock. When the
 * writer cannot keep up, lines are dropped and counted rather than slowing requests down; the count is logged.
 */
final class RequestLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.request");
    /** Lines waiting to be written; past this, new lines are dropped (and counted). */
    static final int MAX_WAITING = 16_384;
    private static final int BATCH = 256;

    private record Entry(String method, String path, int status, long nanos) {}

    private final BlockingQueue<Entry> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
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
        if (on && !closed && !waiting.offer(new Entry(method, path, status, nanos)))
            dropped.increment();
    }

    private void write() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (!closed || !waiting.isEmpty()) {
            try {
                Entry first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null)
                    continue;
                batch.add(first);
            } catch (InterruptedException e) {
                closed = true;
            }
            waiting.drainTo(batch, BATCH - batch.size());
            for (Entry e : batch)
                LOG.info("{} {} {} {} ms", e.method(), e.path(), e.status(), millis(e.nanos()));
            batch.clear();
            long lost = dropped.sumThenReset();
            if (lost > 0)
                LOG.warn("{} request lines dropped: more requests than the log could write", lost);
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
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
