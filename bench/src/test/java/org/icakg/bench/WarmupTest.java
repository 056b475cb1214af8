package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up before each query class, the same rule for every server measured. */
class WarmupTest {

    @Test
    void the_first_class_of_a_server_warms_up_longer_than_the_others() {
        assertEquals(Benchmark.FIRST_CLASS_WARMUP_SECONDS, Benchmark.warmupSeconds(2, true));
        assertEquals(2, Benchmark.warmupSeconds(2, false));
    }

    @Test
    void a_longer_warm_up_asked_for_is_kept_and_none_means_none() {
        assertEquals(10, Benchmark.warmupSeconds(10, true));
        assertEquals(0, Benchmark.warmupSeconds(0, true));
    }
}
