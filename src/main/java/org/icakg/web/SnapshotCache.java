package org.icakg.web;

import java.util.function.Supplier;

import org.icakg.sparql.Stats;

/**
 * A value computed from the whole graph, made on the counting thread of {@link Stats} after each count and kept until
 * the next: pages never compute it on their own thread, and a page time limit never stops it.
 */
final class SnapshotCache<T> {

    private record Entry<T>(long version, T value) {}

    /** The latest value ({@code null} when none is made yet) and whether it is of the current data. */
    record Latest<T>(T value, boolean current) {
        /** True when there is a value, but a write came after it. */
        boolean stale() { return value != null && !current; }
    }

    private final Stats stats;
    private final Supplier<T> compute;
    private volatile Entry<T> entry;

    SnapshotCache(Stats stats, Supplier<T> compute) {
        this.stats = stats;
        this.compute = compute;
        stats.afterCount(this::rebuild);
    }

    /**
     * The value of the current data if it is made within a moment ({@link Stats#await}); else the previous one, or
     * none yet.
     */
    Latest<T> latest() {
        Entry<T> e = entry;
        if (e != null && e.version() == stats.version())
            return new Latest<>(e.value(), true);
        stats.hurry();
        stats.await(() -> {
            Entry<T> now = entry;
            return now != null && now.version() == stats.version();
        }, e == null);
        e = entry;
        return e == null ? new Latest<>(null, false) : new Latest<>(e.value(), e.version() == stats.version());
    }

    /** Makes the value for the data as it was after {@code version} writes, unless it is made already. */
    private void rebuild(long version) {
        Entry<T> e = entry;
        if (e != null && e.version() == version)
            return;
        entry = new Entry<>(version, compute.get());
        stats.made();
    }
}
