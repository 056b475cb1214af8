package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement of the extras that fails is reported, and the run goes on to the next one and to its report; the store
 * is built with a heap sized for it.
 */
class ExtrasTest {

    @Test
    void a_failed_measurement_is_noted_with_its_reason_and_the_next_one_still_runs(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream progress = new PrintStream(said, true, StandardCharsets.UTF_8);
        BenchSettings settings = new BenchSettings(1000, 8, 1, 1, 0, 1, dir, List.of(), false, false, true, false,
                List.of(), null, false);
        Results results = new Results();
        Extras extras = new Extras(settings, progress, results);
        boolean[] ran = {false};
        assertFalse(extras.attempt("writes", () -> {
            throw new SocketTimeoutException("Read timed out");
        }));
        assertTrue(extras.attempt("validation", () -> ran[0] = true));
        assertTrue(ran[0], "the next measurement ran");
        assertEquals("SocketTimeoutException: Read timed out", results.notMeasured.get("writes"));
        assertFalse(results.notMeasured.containsKey("validation"));
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("writes not measured: SocketTimeoutException: Read timed out"),
                said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_heap_that_builds_a_store_grows_with_its_size_and_stays_within_the_machine() {
        long gb = 1L << 30;
        assertEquals("-Xmx4g", Extras.buildHeap(1_000_000, 24 * gb), "a million statements: the least heap");
        assertEquals("-Xmx8g", Extras.buildHeap(10_000_000, 24 * gb), "ten million: a gigabyte per 1.25 million");
        assertEquals("-Xmx12g", Extras.buildHeap(20_000_000, 16 * gb), "at most three quarters of the memory");
        assertEquals("-Xmx16g", Extras.buildHeap(20_000_000, 0), "the machine's memory unknown: by size alone");
    }
}
