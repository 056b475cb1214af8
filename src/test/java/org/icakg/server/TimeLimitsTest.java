package org.icakg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A time limit fires once when it runs out, never once its query ended, also after the watcher sat idle. */
class TimeLimitsTest {

    @Test
    void a_limit_that_runs_out_fires_once_and_no_earlier() throws InterruptedException {
        try (TimeLimits limits = new TimeLimits()) {
            CountDownLatch fired = new CountDownLatch(1);
            AtomicInteger times = new AtomicInteger();
            long start = System.nanoTime();
            limits.start(150, () -> {
                times.incrementAndGet();
                fired.countDown();
            });
            assertTrue(fired.await(30, TimeUnit.SECONDS), "fired within seconds");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 150, "not before its limit: " + ms + " ms");
            Thread.sleep(100);
            assertEquals(1, times.get());
            assertEquals(0, limits.watching());
        }
    }

    @Test
    void a_limit_closed_before_it_runs_out_never_fires() throws InterruptedException {
        try (TimeLimits limits = new TimeLimits()) {
            AtomicInteger fired = new AtomicInteger();
            List<TimeLimits.Limit> started = new ArrayList<>();
            for (int i = 0; i < 1000; i++)
                started.add(limits.start(200, fired::incrementAndGet));
            started.forEach(TimeLimits.Limit::close);
            assertEquals(0, limits.watching());
            Thread.sleep(400);
            assertEquals(0, fired.get());
        }
    }

    @Test
    void the_watcher_wakes_for_a_limit_set_after_it_sat_idle() throws InterruptedException {
        try (TimeLimits limits = new TimeLimits()) {
            for (int round = 0; round < 3; round++) {
                limits.start(1, () -> { }).close();
                Thread.sleep(TimeLimits.TICK.toMillis() * TimeLimits.IDLE_AFTER_TICKS + 200); // idle: parked
                CountDownLatch fired = new CountDownLatch(1);
                limits.start(20, fired::countDown);
                assertTrue(fired.await(30, TimeUnit.SECONDS), "round " + round);
            }
        }
    }

    @Test
    void only_the_limits_that_ran_out_fire() throws InterruptedException {
        try (TimeLimits limits = new TimeLimits()) {
            AtomicInteger shortOnes = new AtomicInteger(), longOnes = new AtomicInteger();
            for (int i = 0; i < 50; i++) {
                limits.start(10, shortOnes::incrementAndGet);
                limits.start(60_000, longOnes::incrementAndGet);
            }
            for (int i = 0; i < 600 && shortOnes.get() < 50; i++)
                Thread.sleep(50);
            assertEquals(50, shortOnes.get());
            assertEquals(0, longOnes.get());
            assertEquals(50, limits.watching());
        }
    }

    @Test
    void a_callback_that_throws_leaves_the_later_limits_watched() throws InterruptedException {
        try (TimeLimits limits = new TimeLimits()) {
            CountDownLatch failed = new CountDownLatch(2);
            limits.start(5, () -> {
                failed.countDown();
                throw new IllegalStateException("expiry action failed");
            });
            limits.start(5, () -> {
                failed.countDown();
                throw new AssertionError("expiry action failed with an error");
            });
            assertTrue(failed.await(30, TimeUnit.SECONDS), "both failing callbacks ran");
            CountDownLatch fired = new CountDownLatch(1);
            limits.start(20, fired::countDown);
            assertTrue(fired.await(30, TimeUnit.SECONDS), "a limit set after the failures still fires");
            // and after the watcher sat idle, too
            Thread.sleep(TimeLimits.TICK.toMillis() * TimeLimits.IDLE_AFTER_TICKS + 200);
            CountDownLatch later = new CountDownLatch(1);
            limits.start(20, later::countDown);
            assertTrue(later.await(30, TimeUnit.SECONDS), "a limit set once the watcher had parked fires");
        }
    }
}
