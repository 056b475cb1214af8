package org.icakg.kb;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * A parse run on a thread of its own, ahead of the thread that takes what it reads: the parse sends statements and
 * prefixes to a stream that passes them on in batches, and the calling thread gives them to its sink in the order
 * they were read. What the parse throws is thrown on the calling thread (an {@link Error}, as a stack overflow, as
 * the cause of an {@link IllegalStateException}); when the sink throws, the parse is stopped at its next batch.
 */
final class ParseAhead {

    /** Statements and prefixes per batch. */
    private static final int BATCH = 4096;
    /** Batches read and not yet taken before the parse waits. */
    private static final int AHEAD = 32;

    private ParseAhead() {}

    /** A prefix declared by the parse. */
    private record Prefix(String prefix, String iri) {}

    /** What the parse threw. */
    private record Failure(Throwable thrown) {}

    /** Runs {@code parse} on a thread of its own, giving what it sends to {@code sink} on this thread. */
    static void run(Consumer<StreamRDF> parse, StreamRDF sink) {
        BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(AHEAD);
        Batches out = new Batches(queue);
        Thread parser = new Thread(() -> {
            try {
                parse.accept(out);
                out.send(true);
            } catch (Throwable e) {
                out.fail(e);
            }
        }, "ica-kg-parse");
        parser.setDaemon(true);
        parser.start();
        try {
            while (true) {
                Object[] batch = queue.take();
                for (Object o : batch) {
                    if (o instanceof Quad q)
                        sink.quad(q);
                    else if (o instanceof Triple t)
                        sink.triple(t);
                    else if (o instanceof Prefix p)
                        sink.prefix(p.prefix(), p.iri());
                    else if (o instanceof Failure f)
                        throw rethrown(f.thrown());
                    else if (o == END)
                        return;
                    else
                        break; // the unused end of a batch
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } finally {
            out.stopped = true;
            queue.clear();
        }
    }

    private static final Object END = new Object();

    private static RuntimeException rethrown(Throwable e) {
        if (e instanceof RuntimeException r)
            return r;
        return new IllegalStateException(e.getMessage(), e);
    }

    /** The parse's side: fills a batch, hands it over when full. */
    private static final class Batches implements StreamRDF {
        private final BlockingQueue<Object[]> queue;
        private Object[] batch = new Object[BATCH];
        private int size;
        volatile boolean stopped;

        Batches(BlockingQueue<Object[]> queue) { this.queue = queue; }

        private void add(Object o) {
            batch[size++] = o;
            if (size == BATCH)
                send(false);
        }

        /** Hands the batch over (with the end mark when {@code last}), waiting while the taker is behind. */
        void send(boolean last) {
            if (last)
                batch[size++] = END; // a full batch was handed over by add, so there is room
            put(batch);
            batch = new Object[BATCH];
            size = 0;
        }

        /**
         * Hands the parse's failure over, after what was read before it. Nothing when the taker has stopped (its own
         * failure is thrown on its thread; this one, most often the stop itself, would only reach the thread's
         * uncaught-exception handler).
         */
        void fail(Throwable e) {
            try {
                if (size > 0)
                    put(java.util.Arrays.copyOf(batch, size));
                put(new Object[] {new Failure(e)});
            } catch (IllegalStateException stopped) {
                // the taker stopped: nobody is left to tell
            }
        }

        private void put(Object[] b) {
            try {
                while (!stopped)
                    if (queue.offer(b, 100, TimeUnit.MILLISECONDS))
                        return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the load stopped taking what was read");
        }

        @Override public void quad(Quad quad) { add(quad); }
        @Override public void triple(Triple triple) { add(triple); }
        @Override public void prefix(String prefix, String iri) { add(new Prefix(prefix, iri)); }
        @Override public void start() {}
        @Override public void base(String base) {}
        @Override public void version(String version) {}
        @Override public void finish() {}
    }
}
