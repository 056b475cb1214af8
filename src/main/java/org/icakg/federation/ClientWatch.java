package org.icakg.federation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * answer, and the watch then stops probing: that client is evidently still there. Probes run on one timer thread,
 * never after {@link #close()} has returned, so they never race with Jetty reading the connection again.
 */
public final class ClientWatch implements AutoCloseable {

    /** Time between two probes of a connection. */
    static final Duration EVERY = Duration.ofMillis(100);

    private final Connection connection;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Runnable onGone;
    private final ScheduledFuture<?> probing;
    private boolean closed;
    private boolean stillThere;

    private ClientWatch(ScheduledThreadPoolExecutor timer, Connection connection, Runnable onGone) {
        this.connection = connection;
        this.onGone = onGone;
        this.probing = timer.scheduleWithFixedDelay(this::probe, EVERY.toMillis(), EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A timer thread for watches, which ends when no query is watched for a second. */
    public static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ica-kg-client-watch");
            t.setDaemon(true);
            return t;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Watches the connection of {@code request}, calling {@code onGone} once if its client hangs up. */
    public static ClientWatch start(ScheduledThreadPoolExecutor timer, HttpServletRequest request, Runnable onGone) {
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        return jettyRequest == null ? null : start(timer, jettyRequest, onGone);
    }

    /** Watches the connection of a request in Jetty's own request handling. */
    public static ClientWatch start(ScheduledThreadPoolExecutor timer, Request request, Runnable onGone) {
        ClientWatch watch = new ClientWatch(timer, request.getConnectionMetaData().getConnection(), onGone);
        request.addFailureListener(failure -> watch.failed.set(true));
        return watch;
    }

    private synchronized void probe() {
        if (closed)
            return;
        if (gone()) {
            closed = true;
            probing.cancel(false);
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
    public synchronized void close() {
        closed = true;
        probing.cancel(false);
    }
}
