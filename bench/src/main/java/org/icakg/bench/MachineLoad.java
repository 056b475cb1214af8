package org.icakg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How busy the machine was while the benchmark ran: the 1-minute load average of {@code /proc/loadavg}, sampled
 * every few seconds, beside the number of processors. Figures from a busy machine are read with that in mind.
 */
final class MachineLoad implements AutoCloseable {

    private static final long EVERY_SECONDS = 5;
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private final List<Double> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-load-average");
        t.setDaemon(true);
        return t;
    });

    MachineLoad() {
        timer.scheduleAtFixedRate(this::sample, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** The 1-minute load average now, or NaN where {@code /proc/loadavg} cannot be read. */
    static double now() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void sample() {
        double v = now();
        if (!Double.isNaN(v)) {
            synchronized (samples) {
                samples.add(v);
            }
        }
    }

    /** Processors and the load average over the run so far, in words. */
    String summary() {
        List<Double> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        sorted.sort(null);
        String cpus = String.format(Locale.ROOT, "%d processors", Runtime.getRuntime().availableProcessors());
        if (sorted.isEmpty())
            return cpus + "; load average not available";
        return String.format(Locale.ROOT, "%s; 1-minute load average during the run: min %.1f, median %.1f, max %.1f "
                + "(%d samples, every %d s)", cpus, sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size(), EVERY_SECONDS);
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
