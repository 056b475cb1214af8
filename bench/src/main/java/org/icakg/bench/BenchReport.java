package org.icakg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The tables of a run, in Markdown (readable as plain text too): the query mix side by side, then the targets. */
public final class BenchReport {

    private static final double HEALTH_PER_SECOND = 10_000;
    private static final double ASK_SHARE_OF_FLOOR = 0.5, RATIO_TO_STOCK = 5.0, RATIO_TO_VIRTUOSO = 1.0, MEDIAN_MS = 10.0,
            ENTITY_P99_MS = 50.0, HEAP_BYTES = 2L << 30, STARTUP_MS = 2_000, REOPEN_MS = 1_000, VALIDATION_MS = 1_000,
            WRITE_MS = 200, LOAD_MS = 8_000, LOAD_TARGET_TRIPLES = 1_000_000;

    private final BenchSettings settings;
    private final Results results;

    BenchReport(BenchSettings settings, Results results) {
        this.settings = settings;
        this.results = results;
    }

    /** Query classes measured on this service, in table order. */
    public List<String> classes() { return List.copyOf(results.service.classes.keySet()); }

    /** Requests that failed, over every class and server. */
    public long errors() {
        long n = 0;
        for (LoadDriver.Result floor : new LoadDriver.Result[] {results.hello, results.helloSameMinutes, results.askSameMinutes})
            n += floor == null ? 0 : floor.errors();
        for (LoadDriver.Result r : results.service.classes.values())
            n += r.errors();
        for (LoadDriver.Result r : results.baseline.classes.values())
            n += r.errors();
        for (LoadDriver.Result r : results.virtuoso.classes.values())
            n += r.errors();
        return n;
    }

    /** The whole report as Markdown. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        double first = Benchmark.warmupSeconds(settings.warmupSeconds(), true);
        b.append(String.format(Locale.ROOT, "%,d triples (seed %d), %d connections, %.0f s per class after %.0f s warm-up%s%n%n",
                results.triples, settings.seed(), settings.connections(), settings.seconds(), settings.warmupSeconds(),
                first == settings.warmupSeconds() ? ""
                        : String.format(Locale.ROOT, " (%.0f s before each server's first class)", first)));
        if (settings.store())
            b.append("This service answered from its TDB2 store (`serve --store`), not from memory.\n\n");
        if (results.machine != null)
            b.append("Machine: ").append(results.machine).append(".\n\n");
        b.append("Every request distinct (a comment or parameter of its own, so no answer cache can serve it):\n\n");
        mixTable(b);
        b.append('\n');
        mixWarmup(b);
        targetsTable(b);
        if (!results.service.cached.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nCached mix, this service only: %d variants per class sent round-robin, so "
                    + "after the first pass the answer cache serves them:%n%n", QueryMix.VARIANTS));
            cachedTable(b);
        }
        return b.toString();
    }

    /**
     * The whole mix's warm-up of each server before its first class, window by window: how a freshly started server
     * comes up to the speed the table measures.
     */
    private void mixWarmup(StringBuilder b) {
        List<String> servers = new ArrayList<>();
        for (var e : List.of(Map.entry("ica-kg", results.service), Map.entry("stock Fuseki", results.baseline),
                Map.entry("Virtuoso", results.virtuoso))) {
            List<LoadDriver.Result> windows = e.getValue().mixWarmup;
            if (!windows.isEmpty())
                servers.add(e.getKey() + " " + windows.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.throughput()))
                        .collect(Collectors.joining(" → ")));
        }
        List<LoadDriver.Result> pages = results.service.pageWarmup;
        if (servers.isEmpty() && pages.isEmpty())
            return;
        if (!servers.isEmpty())
            b.append(String.format(Locale.ROOT, "Before its first class, each server ran the whole mix of SPARQL classes "
                    + "in turn for %.0f s (every request distinct, none sent again later); its req/s in %.0f-s windows: %s.",
                    settings.mixWarmupSeconds(), BenchSettings.MIX_WARMUP_WINDOW_SECONDS, String.join("; ", servers)));
        if (!pages.isEmpty())
            b.append(String.format(Locale.ROOT, "%sThen ica-kg's entity pages for %.0f s (the others have none), every "
                    + "request distinct: %s req/s.", servers.isEmpty() ? "" : " ", settings.mixWarmupSeconds(),
                    pages.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.throughput()))
                            .collect(Collectors.joining(" → "))));
        b.append(String.format("%n%n"));
    }

    /**
     * What the host took of the processors while a wall-clock or latency target was measured, when known: a start is
     * bound by processor time, so a minute in which the host takes a quarter of it lengthens the start by a third, and
     * a tail latency at 16 connections on two processors is made of the moments when none is free.
     */
    static String steal(Double percent) {
        return percent == null ? "" : String.format(Locale.ROOT, "; the host took %.1f %% of the processors meanwhile "
                + "(steal)", percent);
    }

    /** The write target's row alone, as a one-row Markdown table (for {@code bench writes}). */
    public String writesMarkdown() {
        String[] row = results.writes == null ? new String[] {"gated writes", "not measured", "—"} : writesRow(results.writes);
        return "| SPEC section 5 target | measured | |\n|---|---|---|\n| " + String.join(" | ", row) + " |\n";
    }

    private void mixTable(StringBuilder b) {
        b.append("| query class | ica-kg req/s | p50 ms | p99 ms | stock Fuseki req/s | p50 ms | p99 ms | ica-kg ÷ Fuseki "
                + "| Virtuoso 7 req/s | p50 ms | p99 ms | ica-kg ÷ Virtuoso |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (QueryMix.QueryClass c : QueryMix.CLASSES) {
            LoadDriver.Result ours = results.service.classes.get(c.name());
            if (ours == null)
                continue;
            b.append("| ").append(c.title()).append(cells(ours));
            for (Results.Server other : List.of(results.baseline, results.virtuoso)) {
                LoadDriver.Result theirs = other.classes.get(c.name());
                b.append(theirs == null ? " | — | — | —" : cells(theirs)).append(" | ")
                        .append(theirs == null ? "—" : theirs.requests() == 0 ? "∞ (none completed)"
                                : ratio(ours.throughput() / theirs.throughput()));
            }
            b.append(" |\n");
        }
        if (results.hello != null)
            b.append("| floor: plain Javalin \"hello\"").append(cells(results.hello)).append(" | | | | | | | | |\n");
        if (results.health != null)
            b.append("| `GET /health`").append(cells(results.health)).append(" | | | | | | | | |\n");
        wrkRow(b, "floor: plain Javalin \"hello\", in turn with `ASK {}` (two runs)", results.helloSameMinutes);
        wrkRow(b, "`ASK {}`, in turn with the floor (two runs)", results.askSameMinutes);
        wrkRow(b, "floor: plain Javalin \"hello\", driven by `wrk` in turn with `ASK {}` (two runs)", results.helloWrk);
        wrkRow(b, "`ASK {}`, driven by `wrk` in turn with the floor (two runs)", results.askWrk);
        wrkRow(b, "`GET /health`, driven by `wrk`", results.healthWrk);
        wrkRow(b, "`ASK {}` posted as an `application/sparql-query` body, driven by `wrk`", results.askPostedWrk);
        b.append('\n').append(loadAndMemory()).append('\n');
        if (results.wrkAbsent != null)
            b.append(String.format(Locale.ROOT, "%nNo `wrk` rows: %s.%n", results.wrkAbsent));
        if (results.virtuosoAbsent != null)
            b.append(String.format(Locale.ROOT, "%nVirtuoso: no column, %s.%n", results.virtuosoAbsent));
    }

    private void wrkRow(StringBuilder b, String title, LoadDriver.Result r) {
        if (r != null)
            b.append("| ").append(title).append(cells(r)).append(" | | | | | | | | |\n");
    }

    /** Load time and memory of each server that ran, as one paragraph. */
    private String loadAndMemory() {
        boolean stock = !results.baseline.classes.isEmpty(), virtuoso = results.virtuosoAbsent == null;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Load to ready (from the launch, as from a shell, to the first answer): ica-kg %,d ms",
                results.service.readyMillis));
        if (stock)
            b.append(String.format(Locale.ROOT, ", stock Fuseki %,d ms", results.baseline.readyMillis));
        if (virtuoso)
            b.append(String.format(Locale.ROOT, ", Virtuoso %,d ms (bulk load and checkpoint, after %,d ms to create its "
                    + "empty database and answer; it counted %,d statements)", results.virtuoso.readyMillis,
                    results.virtuosoStartMillis, results.virtuosoStatements));
        b.append(String.format(Locale.ROOT, ". Memory after load: ica-kg %,d MB of heap after GC (run with %s)",
                results.service.heapAfterLoad >> 20, BenchSettings.SERVICE_HEAP));
        if (stock)
            b.append(String.format(Locale.ROOT, ", stock Fuseki %,d MB (JVM default heap)", results.baseline.heapAfterLoad >> 20));
        if (virtuoso)
            b.append(String.format(Locale.ROOT, ", Virtuoso %,d MB resident (buffers sized for 2 GB)",
                    results.virtuoso.heapAfterLoad >> 20));
        b.append(String.format(Locale.ROOT, ". After the run: ica-kg %,d MB", results.service.heapAfterRun >> 20));
        if (stock)
            b.append(String.format(Locale.ROOT, ", stock Fuseki %,d MB", results.baseline.heapAfterRun >> 20));
        if (virtuoso)
            b.append(String.format(Locale.ROOT, ", Virtuoso %,d MB resident", results.virtuoso.heapAfterRun >> 20));
        return b.append('.').toString();
    }

    private void cachedTable(StringBuilder b) {
        b.append("| query class | ica-kg req/s | p50 ms | p99 ms | ÷ distinct |\n|---|--:|--:|--:|--:|\n");
        results.service.cached.forEach((name, r) -> {
            LoadDriver.Result distinct = results.service.classes.get(name);
            b.append("| ").append(title(name)).append(cells(r)).append(" | ")
                    .append(distinct == null || distinct.requests() == 0 ? "—" : ratio(r.throughput() / distinct.throughput()))
                    .append(" |\n");
        });
    }

    private static String title(String name) {
        return QueryMix.CLASSES.stream().filter(c -> c.name().equals(name)).map(QueryMix.QueryClass::title).findFirst()
                .orElse(name);
    }

    private void targetsTable(StringBuilder b) {
        b.append("| SPEC section 5 target | measured | |\n|---|---|---|\n");
        for (String[] row : targets())
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        results.notMeasured.forEach((name, why) -> b.append("\nNot measured: ").append(name).append(" (").append(why)
                .append(").\n"));
    }

    private List<String[]> targets() {
        List<String[]> rows = new ArrayList<>();
        // The floor's targets are judged on wrk's figures when it ran: the bench's blocking Java client spends as much
        // of the 2 cores per request as a small answer costs the server, so its figures say as much about the client.
        // Each share compares runs taken in turn in the same minutes (the query mix's ASK row and the first floor row
        // were taken minutes apart, so they are the fallback only).
        boolean inTurn = results.askSameMinutes != null && results.helloSameMinutes != null;
        LoadDriver.Result ask = inTurn ? results.askSameMinutes : results.service.classes.get("ask");
        LoadDriver.Result floor = inTurn ? results.helloSameMinutes : results.hello;
        if (ask != null && floor != null) {
            double share = ask.throughput() / floor.throughput();
            String client = pct(share) + " (" + rate(ask) + " vs " + rate(floor) + ") with the bench's client"
                    + (inTurn ? "" : ", minutes apart");
            if (results.askWrk != null && results.helloWrk != null) {
                double wrkShare = results.askWrk.throughput() / results.helloWrk.throughput();
                rows.add(row("`ASK {}` ≥ 50 % of a plain Javalin route", pct(wrkShare) + " (" + rate(results.askWrk)
                        + " vs " + rate(results.helloWrk) + ") with `wrk`; " + client,
                        wrkShare >= ASK_SHARE_OF_FLOOR && results.askWrk.errors() == 0));
            } else {
                rows.add(row("`ASK {}` ≥ 50 % of a plain Javalin route", client, share >= ASK_SHARE_OF_FLOOR));
            }
        }
        if (results.health != null) {
            String client = rate(results.health) + " at " + settings.connections() + " connections with the bench's client";
            LoadDriver.Result judged = results.healthWrk != null ? results.healthWrk : results.health;
            rows.add(row("`/health` ≥ 10,000 req/s at 8 connections", results.healthWrk == null ? client
                    : rate(results.healthWrk) + " with `wrk`; " + client,
                    judged.throughput() >= HEALTH_PER_SECOND && judged.errors() == 0));
        }
        ratioRows(rows);
        worstMedian(rows);
        rows.add(row("1M triples served within a 2 GB heap", String.format(Locale.ROOT,
                "%,d MB used after GC at %,d triples, served under %s", results.service.heapAfterLoad >> 20, results.triples,
                BenchSettings.SERVICE_HEAP), results.service.heapAfterLoad < HEAP_BYTES && errorsOf(results.service) == 0));
        if (!settings.store() && results.triples >= LOAD_TARGET_TRIPLES)
            rows.add(row("1M triples loaded to ready ≤ 8 s, with progress", String.format(Locale.ROOT,
                    "%s for %,d triples, from the shell's launch to the first answer (one launch, %s)%s",
                    ms(results.service.readyMillis), results.triples, BenchSettings.SERVICE_HEAP, steal(results.loadStealPercent)),
                    results.service.readyMillis <= LOAD_MS));
        if (results.startupBundledMillis != null)
            rows.add(row("start to first answer, bundled data ≤ 2 s", ms(results.startupBundledMillis)
                    + String.format(Locale.ROOT, " (median of %d launches from the shell)", Startup.LAUNCHES)
                    + steal(results.startupStealPercent),
                    results.startupBundledMillis <= STARTUP_MS));
        if (results.reopenMillis != null)
            rows.add(row("reopen a 1M-triple store ≤ 1 s", ms(results.reopenMillis) + String.format(Locale.ROOT,
                    " (%,d-triple store, median of %d launches)", results.triples, Startup.LAUNCHES)
                    + steal(results.reopenStealPercent), results.reopenMillis <= REOPEN_MS));
        if (results.entityPage16 != null)
            rows.add(row("entity page p99 ≤ 50 ms at 16 connections", String.format(Locale.ROOT, "%.1f ms (%s)%s",
                    results.entityPage16.p99Ms(), rate(results.entityPage16), steal(results.entityPage16StealPercent)),
                    results.entityPage16.p99Ms() <= ENTITY_P99_MS));
        if (results.validationMillis != null)
            rows.add(row("validation of the bundled data ≤ 1 s", ms(results.validationMillis) + String.format(Locale.ROOT,
                    " for %,d triples, %s", results.validationTriples, results.validationOutcome), results.validationMillis <= VALIDATION_MS));
        if (results.writes != null)
            rows.add(writesRow(results.writes));
        return rows;
    }

    /** Met when the 99th percentile of the writes is within the target (their median is shown too). */
    private String[] writesRow(GatedWrites.Result w) {
        String measured = String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (slowest %.1f ms) over %d writes of %d "
                + "statements, HTTP round trip (gate alone p50 %.1f ms), %,d-triple store", w.p50Ms(), w.p99Ms(), w.maxMs(),
                w.writes(), WritePayload.TRIPLES, w.gateP50Ms(), results.triples);
        if (w.firstError() != null)
            measured += "; failed: " + w.firstError();
        return row("100-triple gated write to a 1M-triple store ≤ 200 ms", measured,
                w.firstError() == null && w.p99Ms() <= WRITE_MS);
    }

    private void ratioRows(List<String[]> rows) {
        String[] stock = worstRatio(results.baseline, RATIO_TO_STOCK, "every class ≥ 5× stock Fuseki");
        if (stock != null)
            rows.add(stock);
        String[] virtuoso = worstRatio(results.virtuoso, RATIO_TO_VIRTUOSO, "every class ≥ 1.0× Virtuoso");
        rows.add(virtuoso != null ? virtuoso : new String[] {"every class ≥ 1.0× Virtuoso",
                "not measured: Virtuoso " + (results.virtuosoAbsent == null ? "answered no class" : results.virtuosoAbsent), "—"});
    }

    /** The class where this service's throughput divided by {@code other}'s is lowest, as a target row. */
    private String[] worstRatio(Results.Server other, double target, String name) {
        String worst = null;
        double min = Double.MAX_VALUE;
        for (var e : other.classes.entrySet()) {
            if (e.getValue().requests() == 0)
                continue;
            LoadDriver.Result ours = results.service.classes.get(e.getKey());
            double r = ours.throughput() / e.getValue().throughput();
            if (r < min) {
                min = r;
                worst = e.getKey();
            }
        }
        return worst == null ? null : row(name, "lowest " + ratio(min) + " (" + worst + ")", min >= target);
    }

    private void worstMedian(List<String[]> rows) {
        String worst = null;
        double max = -1;
        for (var e : results.service.classes.entrySet()) {
            if (e.getValue().p50Ms() > max) {
                max = e.getValue().p50Ms();
                worst = e.getKey();
            }
        }
        if (worst != null)
            rows.add(row("no class slower than 10 ms median at 8 connections", String.format(Locale.ROOT,
                    "slowest %.2f ms (%s) at %d connections", max, worst, settings.connections()), max <= MEDIAN_MS));
    }

    private static long errorsOf(Results.Server s) {
        return s.classes.values().stream().mapToLong(LoadDriver.Result::errors).sum();
    }

    private static String[] row(String target, String measured, boolean met) {
        return new String[] {target, measured, met ? "met" : "**missed**"};
    }

    private static String cells(LoadDriver.Result r) {
        if (r.requests() == 0)
            return String.format(Locale.ROOT, " | 0 (none completed in %.0f s) | — | —", r.seconds());
        String errors = r.errors() == 0 ? "" : " (" + r.errors() + " errors)";
        return String.format(Locale.ROOT, " | %,.0f%s | %.2f | %.2f", r.throughput(), errors, r.p50Ms(), r.p99Ms());
    }

    private static String rate(LoadDriver.Result r) { return String.format(Locale.ROOT, "%,.0f req/s", r.throughput()); }

    private static String ratio(double r) { return String.format(Locale.ROOT, "%.1f×", r); }

    private static String pct(double r) { return String.format(Locale.ROOT, "%.0f %%", r * 100); }

    private static String ms(long ms) { return String.format(Locale.ROOT, "%,d ms", ms); }
}
