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
 * every few seconds, beside the number of processors, and the share of the processors' time that the host running
 * this virtual machine gave to others ("steal" in {@code /proc/stat}). The load average counts this machine's own
 * runnable threads (the bench's connections among them); steal is what no process here can see otherwise: in a
 * minute when the host took a quarter of the processors, a start that is bound by processor time takes a third longer.
 * Figures from a busy machine are read with both in mind.
 */
final class MachineLoad implements AutoCloseable {

    private static final long EVERY_SECONDS = 5;
    private static final Path LOADAVG = Path.of("/proc/loadavg"), STAT = Path.of("/proc/stat");

    /**
     * The processors' time counters of {@code /proc/stat}'s first line, in ticks: what the host took from this machine
     * ({@code steal}) and the total (user, nice, system, idle, iowait, irq, softirq and steal; guest time is counted
     * in user already).
     */
    record CpuTimes(long steal, long total) {

        /** The counters now, or null where {@code /proc/stat} cannot be read. */
        static CpuTimes now() {
            try (var lines = Files.lines(STAT)) {
                return lines.findFirst().map(CpuTimes::parse).orElse(null);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The counters of a {@code cpu} line of {@code /proc/stat}, or null when it is not one. */
        static CpuTimes parse(String line) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 9 || !f[0].equals("cpu"))
                return null;
            long total = 0;
            for (int i = 1; i <= 8; i++)
                total += Long.parseLong(f[i]);
            return new CpuTimes(Long.parseLong(f[8]), total);
        }

        /** The host's share of the processors' time from these counters to {@code later}, in %, or NaN. */
        double stolenPercentUntil(CpuTimes later) {
            if (later == null || later.total <= total)
                return Double.NaN;
            return 100.0 * (later.steal - steal) / (later.total - total);
        }
    }

    /** The host's share of the processors' time from {@code from} to now, in %, or NaN (no counters). */
    static Double stolenPercentSince(CpuTimes from) {
        double p = from == null ? Double.NaN : from.stolenPercentUntil(CpuTimes.now());
        return Double.isNaN(p) ? null : p;
    }

    private final List<Double> samples = new ArrayList<>(), stolen = new ArrayList<>();
    private final CpuTimes first = CpuTimes.now();
    private CpuTimes last = first;
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
        CpuTimes times = CpuTimes.now();
        synchronized (samples) {
            if (!Double.isNaN(v))
                samples.add(v);
            if (last != null && times != null && times.total > last.total) {
                stolen.add(last.stolenPercentUntil(times));
                last = times;
            }
        }
    }

    /** Processors, the load average and the host's share over the run so far, in words. */
    String summary() {
        List<Double> sorted, steal;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
            steal = new ArrayList<>(stolen);
        }
        sorted.sort(null);
        steal.sort(null);
        String cpus = String.format(Locale.ROOT, "%d processors", Runtime.getRuntime().availableProcessors());
        String load = sorted.isEmpty() ? "; load average not available" : String.format(Locale.ROOT,
                "; 1-minute load average during the run: min %.1f, median %.1f, max %.1f (%d samples, every %d s)",
                sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size(), EVERY_SECONDS);
        Double whole = stolenPercentSince(first);
        String host = whole == null || steal.isEmpty() ? "" : String.format(Locale.ROOT,
                "; the host's share of the processors (steal): %.1f %% of the run, median %.1f %% and max %.1f %% of the "
                + "%d-s samples", whole, steal.get(steal.size() / 2), steal.get(steal.size() - 1), EVERY_SECONDS);
        return cpus + load + host;
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
