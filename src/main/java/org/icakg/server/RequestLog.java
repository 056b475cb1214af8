package org.icakg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request ({@code GET /path 200 1.2 ms}), written by a background thread: a request pays for a
 * queue insertion, not for formatting the line and a write to standard error under the logger's lock. The queue takes
 * no lock and wakes no one: the writer looks at it every {@link #EVERY} (a signal per request cost two thread
 * switches per request). When the writer cannot keep up, lines are dropped and counted rather than slowing requests
 * down; the count is logged.
 * <p>
 * With the project's logging set-up (slf4j-simple and its {@code simplelogger.properties}: standard error, the date
 * and time to the millisecond, the level, the logger's short name), the writer lays each line out as that logger
 * does, {@code 2026-12-01T05:22:51.603 INFO request - GET /sparql 200 0.1 ms}, stamped with the time the request
 * finished, and writes all the lines it found in one write: a logger call per line cost a formatted date and a
 * write to the terminal or file per request, more than the rest of a small answer's logging together. With any other
 * set-up (another logging back end, another layout or target), each line goes through the logger.
 */
final class RequestLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.request");
    /** Lines waiting to be written; past this, new lines are dropped (and counted). */
    static final int MAX_WAITING = 16_384;

    private record Entry(String method, String path, int status, long nanos, long finishedMillis) {}

    /** How often the writer writes what has been queued. */
    static final Duration EVERY = Duration.ofMillis(50);

    private final Queue<Entry> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final AtomicReference<Runnable> afterFirst = new AtomicReference<>();
    private final boolean on = LOG.isInfoEnabled();
    private final Thread writer;
    private volatile boolean closed;

    RequestLog() {
        writer = new Thread(this::write, "ica-kg-request-log");
        writer.setDaemon(true);
        if (on)
            writer.start();
    }

    /** Runs {@code task} (once, on the request's thread: keep it short) when the first request has finished. */
    void afterFirst(Runnable task) {
        afterFirst.set(task);
    }

    /** Queues the line of one finished request. */
    void record(String method, String path, int status, long nanos) {
        Runnable first = afterFirst.get();
        if (first != null && afterFirst.compareAndSet(first, null))
            first.run();
        if (!on || closed)
            return;
        if (size.incrementAndGet() > MAX_WAITING) {
            size.decrementAndGet();
            dropped.increment();
            return;
        }
        waiting.add(new Entry(method, path, status, nanos, System.currentTimeMillis()));
    }

    private void write() {
        // Lays lines out as the logger would and writes them to standard error, or null: each line through the logger.
        // Made here, not by the thread that starts the server: its settings file and date format are no part of the
        // first answer.
        Layout direct = Layout.ofLogger(LOG);
        StringBuilder lines = new StringBuilder(8192);
        while (true) {
            boolean last = closed;
            for (Entry e; (e = waiting.poll()) != null; ) {
                size.decrementAndGet();
                if (direct == null) {
                    LOG.info("{} {} {} {} ms", e.method(), e.path(), e.status(), millis(e.nanos()));
                    continue;
                }
                direct.prefix(e.finishedMillis(), lines);
                lines.append(e.method()).append(' ').append(e.path()).append(' ').append(e.status()).append(' ');
                appendMillis(e.nanos(), lines);
                lines.append(" ms").append(System.lineSeparator());
                if (lines.length() >= 64 * 1024) {
                    direct.write(lines);
                    lines.setLength(0);
                }
            }
            if (!lines.isEmpty()) {
                direct.write(lines);
                lines.setLength(0);
                if (lines.capacity() > 256 * 1024)
                    lines.trimToSize();
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
        return appendMillis(nanos, new StringBuilder(8)).toString();
    }

    private static StringBuilder appendMillis(long nanos, StringBuilder to) {
        long tenths = (nanos + 50_000) / 100_000;
        return to.append(tenths / 10).append('.').append(tenths % 10);
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

    /**
     * The layout of slf4j-simple as the project configures it ({@code simplelogger.properties}): date and time to the
     * millisecond in the JVM's time zone, the level, the logger's short name, then the message; on standard error.
     */
    static final class Layout {
        static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSS";
        private static final String SIMPLE = "org.slf4j.simple.SimpleLogger";
        private static final String P = "org.slf4j.simpleLogger.";
        private static final DateTimeFormatter TO_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

        private final String afterTime;
        private final ZoneId zone;
        private long second = Long.MIN_VALUE;
        private String secondText;

        /** @param shortName the logger's name after its last dot */
        Layout(String shortName, ZoneId zone) {
            this.afterTime = " INFO " + shortName + " - ";
            this.zone = zone;
        }

        /** The layout of {@code logger}'s lines when it is slf4j-simple configured as the project does, else null. */
        static Layout ofLogger(Logger logger) {
            if (!SIMPLE.equals(logger.getClass().getName()) || !configuredAsExpected())
                return null;
            String name = logger.getName();
            return new Layout(name.substring(name.lastIndexOf('.') + 1), ZoneId.systemDefault());
        }

        /** True when slf4j-simple's settings (system properties first, then its properties file) give this layout. */
        static boolean configuredAsExpected() {
            Properties file = new Properties();
            try (InputStream in = Thread.currentThread().getContextClassLoader() == null ? null
                    : Thread.currentThread().getContextClassLoader().getResourceAsStream("simplelogger.properties")) {
                if (in != null)
                    file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return configuredAsExpected(key -> {
                String v = System.getProperty(key);
                return v != null ? v : file.getProperty(key);
            });
        }

        /** As {@link #configuredAsExpected()} with settings read from {@code setting} (null when unset). */
        static boolean configuredAsExpected(java.util.function.Function<String, String> setting) {
            boolean showLogName = "true".equalsIgnoreCase(setting.apply(P + "showLogName"));
            boolean levelInBrackets = "true".equalsIgnoreCase(setting.apply(P + "levelInBrackets"));
            boolean threadName = setting.apply(P + "showThreadName") == null
                    || "true".equalsIgnoreCase(setting.apply(P + "showThreadName")); // slf4j-simple shows it by default
            boolean threadId = "true".equalsIgnoreCase(setting.apply(P + "showThreadId"));
            String logFile = setting.apply(P + "logFile");
            return "true".equalsIgnoreCase(setting.apply(P + "showDateTime"))
                    && DATE_TIME.equals(setting.apply(P + "dateTimeFormat"))
                    && "true".equalsIgnoreCase(setting.apply(P + "showShortLogName"))
                    && !showLogName && !levelInBrackets && !threadName && !threadId
                    && (logFile == null || "System.err".equals(logFile));
        }

        /** Appends the part of a line before the message, for a line of the instant {@code millis}. */
        void prefix(long millis, StringBuilder to) {
            long s = Math.floorDiv(millis, 1000L);
            if (s != second) {
                secondText = TO_SECOND.format(Instant.ofEpochSecond(s).atZone(zone));
                second = s;
            }
            int fraction = (int) Math.floorMod(millis, 1000L);
            to.append(secondText).append('.').append((char) ('0' + fraction / 100))
                    .append((char) ('0' + fraction / 10 % 10)).append((char) ('0' + fraction % 10)).append(afterTime);
        }

        /** Writes lines to standard error in one call (a line of another thread comes before or after, not within). */
        void write(CharSequence lines) {
            PrintStream err = System.err;
            err.print(lines);
            err.flush();
        }
    }
}
