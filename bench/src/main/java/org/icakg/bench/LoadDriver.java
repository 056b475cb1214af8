package org.icakg.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one class of requests from {@code C} connections for a fixed time (after a warm-up that is not counted)
 * and measures throughput and latency percentiles. Each connection sends its next request when the previous
 * answer has been read (a closed loop). Distinct requests carry a mark of their own (a SPARQL comment, or a query
 * parameter the page ignores), unique in the whole benchmark process (the run's number, the connection's, the
 * request's), so no answer cache can serve them, whichever runs came before; repeated ones are the paths as given.
 */
final class LoadDriver {

    /** Runs made by this process, numbering each run's marks: a later run never repeats an earlier run's requests. */
    private static final AtomicLong RUNS = new AtomicLong();

    /** What one class of requests gave on one server. */
    record Result(String name, long requests, long errors, double seconds, double p50Ms, double p99Ms, String firstError) {
        double throughput() { return requests / seconds; }

        /** Two runs of the same requests as one: their requests over their seconds; the worse of each percentile. */
        static Result sum(String name, Result a, Result b) {
            return new Result(name, a.requests + b.requests, a.errors + b.errors, a.seconds + b.seconds,
                    Math.max(a.p50Ms, b.p50Ms), Math.max(a.p99Ms, b.p99Ms), a.firstError != null ? a.firstError : b.firstError);
        }
    }

    private final String host;
    private final int port;

    LoadDriver(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Runs {@code paths} round-robin from {@code connections} connections, each request made distinct when asked. */
    Result run(String name, List<String> paths, String accept, int connections, double warmupSeconds, double seconds,
               boolean distinct) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false), stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        long run = RUNS.incrementAndGet();
        String[] firstError = new String[1];
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Worker w = new Worker(paths, accept, run, c, distinct, measuring, stop, errors, firstError);
            Thread t = new Thread(w, "bench-" + name + "-" + c);
            t.start();
            threads.add(t);
            workers.add(w);
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads)
            t.join();
        long[] all = workers.stream().flatMapToLong(w -> Arrays.stream(w.samples, 0, w.count)).sorted().toArray();
        return new Result(name, all.length, errors.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99),
                firstError[0]);
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0)
            return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private final class Worker implements Runnable {
        private final List<String> paths;
        private final String accept;
        private final long run;
        private final int connection;
        private final boolean distinct;
        private final AtomicBoolean measuring, stop;
        private final AtomicLong errors;
        private final String[] firstError;
        private int next;
        long[] samples = new long[1024];
        int count;

        Worker(List<String> paths, String accept, long run, int connection, boolean distinct, AtomicBoolean measuring,
               AtomicBoolean stop, AtomicLong errors, String[] firstError) {
            this.paths = paths;
            this.accept = accept;
            this.run = run;
            this.connection = connection;
            this.distinct = distinct;
            this.next = connection * 7;
            this.measuring = measuring;
            this.stop = stop;
            this.errors = errors;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            try (PlainHttpClient client = new PlainHttpClient(host, port)) {
                while (!stop.get()) {
                    String path = paths.get(next % paths.size());
                    if (distinct)
                        path = distinct(path, next);
                    next++;
                    long t0 = System.nanoTime();
                    String error = send(client, path);
                    long t = System.nanoTime() - t0;
                    if (!measuring.get())
                        continue;
                    if (error != null) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null)
                                firstError[0] = error;
                        }
                        continue;
                    }
                    if (count == samples.length)
                        samples = Arrays.copyOf(samples, count * 2);
                    samples[count++] = t;
                }
            }
        }

        /** {@code path} with a mark no other request of this process carries. */
        private String distinct(String path, int n) {
            String mark = "r" + run + "-" + connection + "-" + n;
            if (path.contains("?query="))
                return path + "%0A%23+" + mark; // a comment line at the end of the query
            return path + (path.contains("?") ? "&" : "?") + "distinct=" + mark;
        }

        private String send(PlainHttpClient client, String path) {
            try {
                PlainHttpClient.Response r = client.get(path, accept);
                return r.status() == 200 ? null : "HTTP " + r.status() + " for " + path + ": "
                        + r.text().substring(0, Math.min(200, r.body().length));
            } catch (IOException | RuntimeException e) {
                client.close();
                return e + " for " + path;
            }
        }
    }
}
