package org.icakg.federation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Notices a client that hangs up while its query runs, and then cancels the query (and so its outbound
 * {@code SERVICE} calls), instead of letting it run to its time limit.
 * <p>
 * Jetty does not read an HTTP/1.1 connection while its request is being handled (it reads the next request only once
 * the answer is sent), so it cannot see the client's end of the stream by itself; {@code Request.addFailureListener}
 * hears only of failures Jetty meets. So every {@link #EVERY} the watch reads the connection once, without blocking,
 * once the request's body has been read whole: end of stream means the client has gone. Bytes a client sent ahead
 * (a pipelined next request) are handed back to the connection's request buffer, where Jetty parses them after this
 * answer, and the watch then stops probing: that client is evidently still there. Probes run on one thread per
 * {@link Watches}, never after {@link #close()} has returned, so they never race with Jetty reading the connection
 * again. Starting and closing a watch only adds it to and removes it from a set (a query of a millisecond pays no
 * timer's queue), and a connection is probed only once its query has run for {@link #EVERY}.
 */
public final class ClientWatch implements AutoCloseable {

    /** Time between two probes of a connection, and before the first. */
    static final Duration EVERY = Duration.ofMillis(100);

    private final Connection connection;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Runnable onGone;
    private final Watches watches;
    private final long started = System.nanoTime();
    private boolean closed;
    private boolean stillThere;

    private ClientWatch(Watches watches, Connection connection, Runnable onGone) {
        this.watches = watches;
        this.connection = connection;
        this.onGone = onGone;
    }

    /**
     * The running queries of one server whose clients are watched, and the thread that probes them every
     * {@link #EVERY}; the thread ends when no query has been watched for a second, and starts again with the next.
     */
    public static final class Watches {
        private static final long IDLE_NANOS = Duration.ofSeconds(1).toNanos();
        private final Set<ClientWatch> running = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean probing = new AtomicBoolean();

        void add(ClientWatch watch) {
            running.add(watch);
            if (!probing.get() && probing.compareAndSet(false, true)) {
                Thread thread = new Thread(this::probe, "ica-kg-client-watch");
                thread.setDaemon(true);
                thread.start();
            }
        }

        void remove(ClientWatch watch) { running.remove(watch); }

        /** How many queries are watched now. */
        public int size() { return running.size(); }

        private void probe() {
            long idleSince = System.nanoTime();
            while (true) {
                LockSupport.parkNanos(EVERY.toNanos());
                long now = System.nanoTime();
                for (ClientWatch watch : running)
                    if (now - watch.started >= EVERY.toNanos())
                        watch.probe();
                if (!running.isEmpty()) {
                    idleSince = now;
                } else if (now - idleSince >= IDLE_NANOS) {
                    probing.set(false);
                    // A watch added while this thread was deciding to end finds it still running, or starts another.
                    if (running.isEmpty() || !probing.compareAndSet(false, true))
                        return;
                }
            }
        }
    }

    /** Watches the connection of {@code request}, calling {@code onGone} once if its client hangs up. */
    public static ClientWatch start(Watches watches, HttpServletRequest request, Runnable onGone) {
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        return jettyRequest == null ? null : start(watches, jettyRequest, onGone);
    }

    /** Watches the connection of a request in Jetty's own request handling. */
    public static ClientWatch start(Watches watches, Request request, Runnable onGone) {
        ClientWatch watch = new ClientWatch(watches, request.getConnectionMetaData().getConnection(), onGone);
        request.addFailureListener(failure -> watch.failed.set(true));
        watches.add(watch);
        return watch;
    }

    private synchronized void probe() {
        if (closed)
            return;
        if (gone()) {
            closed = true;
            watches.remove(this);
            onGone.run();
        }
    }

    /** True when the client has certainly gone. */
    private boolean gone() {
        EndPoint endPoint = connection.getEndPoint();
        if (failed.get() || !endPoint.isOpen() || endPoint.isInputShutdown())
            return true;
        // Other protocols (HTTP/2) read their connection all the time and report a client's reset as a failure.
        if (stillThere || !(connection instanceof HttpConnection http) || !http.getParser().isComplete())
            return false;
        ByteBuffer ahead = BufferUtil.allocate(4096);
        try {
            int read = endPoint.fill(ahead);
            if (read < 0)
                return true;
            if (read > 0) {
                http.onUpgradeTo(ahead);
                stillThere = true;
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Stops watching; once this returns, no probe runs. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        watches.remove(this);
    }
}
