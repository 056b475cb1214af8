package org.icakg.web;

import java.util.function.Supplier;

import org.icakg.sparql.Stats;

/**
 * A value computed from the whole graph and kept until the data changes: it is recomputed when the
 * {@link Stats} snapshot it was built with has been replaced (every write invalidates the stats).
 */
final class SnapshotCache<T> {

    private record Entry<T>(Stats.Snapshot snapshot, T value) {}

    private final Stats stats;
    private final Supplier<T> compute;
    private volatile Entry<T> entry;

    SnapshotCache(Stats stats, Supplier<T> compute) {
        this.stats = stats;
        this.compute = compute;
    }

    /** The value for the current state of the graph. */
    T get() {
        Stats.Snapshot now = stats.get();
        Entry<T> e = entry;
        if (e != null && e.snapshot() == now)
            return e.value();
        synchronized (this) {
            if (entry == null || entry.snapshot() != now)
                entry = new Entry<>(now, compute.get());
            return entry.value();
        }
    }
}
