package org.icakg.sparql;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A long scan's look at whether to stop: {@link #tick()} once per item read asks {@code stopped} every {@code every}
 * items and ends the scan with a {@link CancellationException} once it says so (the server is stopping).
 */
final class StopCheck {

    private final BooleanSupplier stopped;
    private final int every;
    private int unchecked;

    StopCheck(BooleanSupplier stopped, int every) {
        this.stopped = stopped;
        this.every = every;
    }

    /** One more item read. */
    void tick() {
        if (++unchecked == every) {
            unchecked = 0;
            if (stopped.getAsBoolean())
                throw new CancellationException("the server is stopping");
        }
    }
}
