package org.icakg.bench;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints "still …" every few seconds while a long step runs, so the terminal is never silent for long. */
final class Ticker implements AutoCloseable {

    private static final long EVERY_SECONDS = 10;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-ticker");
        t.setDaemon(true);
        return t;
    });

    Ticker(PrintStream progress, String what) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> Benchmark.say(progress, "  still %s (%d s; load average %.1f)", what,
                (System.nanoTime() - start) / 1_000_000_000L, MachineLoad.now()), EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
