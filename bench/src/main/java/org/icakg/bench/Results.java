package org.icakg.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a run measured; absent numbers are null. */
final class Results {

    /** One server: its load time, memory and per-class results. */
    static final class Server {
        long readyMillis;
        /** Heap after a full GC for the Java servers, resident memory for Virtuoso. */
        long heapAfterLoad;
        long heapAfterRun;
        /** Every request distinct. */
        final Map<String, LoadDriver.Result> classes = new LinkedHashMap<>();
        /** The same variants repeated, so that an answer cache can serve them. */
        final Map<String, LoadDriver.Result> cached = new LinkedHashMap<>();
        /** The whole mix's warm-up before the first class, window by window (every request distinct). */
        final List<LoadDriver.Result> mixWarmup = new ArrayList<>();
        /** Entity pages after the mix, on a server that has them. */
        final List<LoadDriver.Result> pageWarmup = new ArrayList<>();
    }

    long triples;
    /** Processors and load average while the run went on. */
    String machine;
    long generateMillis;
    final Server service = new Server();
    final Server baseline = new Server();
    final Server virtuoso = new Server();
    /** Why there is no Virtuoso column (not installed, or left out), or null when it was measured. */
    String virtuosoAbsent;
    /** Time to create Virtuoso's empty database and answer, before the bulk load. */
    long virtuosoStartMillis;
    /** Statements Virtuoso counted in the benchmark's graphs after the load. */
    long virtuosoStatements;
    LoadDriver.Result hello;
    LoadDriver.Result entityPage16;
    /** {@code GET /health} on this service, every request distinct. */
    LoadDriver.Result health;
    /**
     * The floor and distinct {@code ASK {}} in turn, in the same minutes, with the bench's client: each the sum of two
     * runs (ASK null when its class is left out).
     */
    LoadDriver.Result helloSameMinutes, askSameMinutes;
    /**
     * The same with {@code wrk} (null when not installed), and {@code /health}: hello and ASK each the sum of two runs
     * taken in turn.
     */
    LoadDriver.Result helloWrk, healthWrk, askWrk;
    /** {@code ASK {}} posted as an {@code application/sparql-query} body, driven by {@code wrk}. */
    LoadDriver.Result askPostedWrk;
    /** Why there is no {@code wrk} measurement, or null. */
    String wrkAbsent;
    Long startupBundledMillis;
    Long reopenMillis;
    /**
     * The host's share of the processors (steal, in %) while this service loaded the data, while the start-up's
     * launches ran, while the reopen's ran; null where {@code /proc/stat} cannot be read.
     */
    Double loadStealPercent, startupStealPercent, reopenStealPercent;
    /** The host's share of the processors (steal, in %) while the entity page ran at 16 connections, or null. */
    Double entityPage16StealPercent;
    Long validationMillis;
    long validationTriples;
    String validationOutcome;
    /** Extras that failed, by name, with the reason: reported, the rest of the run goes on. */
    final Map<String, String> notMeasured = new LinkedHashMap<>();
    GatedWrites.Result writes;
}
