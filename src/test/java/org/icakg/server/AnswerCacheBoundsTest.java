package org.icakg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The answer cache keeps within its bounds and never hands out an answer from before a write. */
class AnswerCacheBoundsTest {

    private static final Map<String, String> HEADERS = Map.of("Content-Type", "text/csv; charset=utf-8");

    @Test
    void it_keeps_at_most_its_number_of_small_answers() {
        AnswerCache cache = new AnswerCache(true);
        for (int i = 0; i < AnswerCache.MAX_ENTRIES * 2; i++)
            cache.put("k" + i, cache.version(), HEADERS, ("answer " + i).getBytes());
        assertTrue(cache.size() <= AnswerCache.MAX_ENTRIES, "kept " + cache.size());
        assertTrue(cache.size() >= AnswerCache.MAX_ENTRIES / 2, "kept answers at all: " + cache.size());
    }

    @Test
    void large_answers_keep_within_its_bytes() {
        AnswerCache cache = new AnswerCache(true);
        int size = AnswerCache.MAX_ENTRY_BYTES;
        long fit = AnswerCache.MAX_TOTAL_BYTES / size;
        for (int i = 0; i < fit * 2; i++)
            cache.put("k" + i, cache.version(), HEADERS, new byte[size]);
        assertTrue((long) cache.size() * size <= AnswerCache.MAX_TOTAL_BYTES, "kept " + cache.size() + " of " + size + " bytes");
        cache.put("too-large", cache.version(), HEADERS, new byte[size + 1]);
        assertNull(cache.get("too-large"), "an answer over the entry limit is not kept");
    }

    @Test
    void an_answer_computed_before_a_write_is_not_served_after_it() {
        AnswerCache cache = new AnswerCache(true);
        long before = cache.version();
        cache.put("a", before, HEADERS, "old".getBytes());
        assertNotNull(cache.get("a"));
        cache.invalidate();
        assertNull(cache.get("a"), "cleared by the write");
        // A query that began before the write and finishes after it: its answer is not kept.
        cache.put("b", before, HEADERS, "old".getBytes());
        assertNull(cache.get("b"), "an answer of the old data is not kept");
        cache.put("b", cache.version(), HEADERS, "new".getBytes());
        assertEquals("new", new String(cache.get("b").body()));
    }

    @Test
    void a_cheap_answer_is_kept_the_second_time_it_is_asked_a_costly_one_the_first() {
        AnswerCache cache = new AnswerCache(true);
        long cheap = AnswerCache.COSTLY.toNanos() / 10;
        AnswerCache.Answer first = cache.offer("q1", cache.version(), HEADERS, "yes".getBytes(), cheap);
        assertNotNull(first.etag(), "an answer not kept still has its ETag");
        assertNull(cache.get("q1"), "asked once and cheap: not kept");
        for (int i = 0; i < 100; i++)
            cache.offer("other" + i, cache.version(), HEADERS, "no".getBytes(), cheap);
        AnswerCache.Answer second = cache.offer("q1", cache.version(), HEADERS, "yes".getBytes(), cheap);
        assertEquals(first.etag(), second.etag());
        assertEquals("yes", new String(cache.get("q1").body()), "asked again: kept");
        cache.offer("q2", cache.version(), HEADERS, "slow".getBytes(), AnswerCache.COSTLY.toNanos());
        assertEquals("slow", new String(cache.get("q2").body()), "costly: kept at once");
        long before = cache.version();
        cache.invalidate();
        cache.offer("q1", before, HEADERS, "yes".getBytes(), cheap);
        assertNull(cache.get("q1"), "asked before, but computed before a write: not kept");
    }

    @Test
    void switched_off_it_keeps_nothing_but_still_gives_etags() {
        AnswerCache cache = new AnswerCache(false);
        AnswerCache.Answer answer = cache.put("a", cache.version(), HEADERS, "x".getBytes());
        assertNotNull(answer.etag());
        assertNull(cache.get("a"));
    }

    @Test
    void the_cost_of_an_answer_is_processor_time_not_time_spent_waiting() throws InterruptedException {
        long clock = AnswerCache.computeClock(), nanos = System.nanoTime();
        assertTrue(AnswerCache.computeCost(clock, nanos) < AnswerCache.COSTLY.toNanos(), "done at once: cheap");
        clock = AnswerCache.computeClock();
        nanos = System.nanoTime();
        Thread.sleep(30); // waiting, as a query on a busy machine waits for a processor
        // The processor time the thread used meanwhile, not the 30 ms that passed (on a loaded machine the thread may
        // still use a millisecond or so around the sleep, so the bound is well below the wait, not below COSTLY).
        long asleep = AnswerCache.computeCost(clock, nanos);
        assertTrue(asleep < TimeUnit.MILLISECONDS.toNanos(10), "30 ms asleep: counted as " + asleep + " ns");
        clock = AnswerCache.computeClock();
        nanos = System.nanoTime();
        long spin = 0;
        while (AnswerCache.computeClock() - clock < 3 * AnswerCache.COSTLY.toNanos())
            spin++;
        assertTrue(spin > 0);
        assertTrue(AnswerCache.computeCost(clock, nanos) >= AnswerCache.COSTLY.toNanos(), "3 ms of processor time: costly");
    }
}
