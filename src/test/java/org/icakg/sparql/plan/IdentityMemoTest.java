package org.icakg.sparql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The identity memo gives each key its own value, whatever other keys share its slot, and computes a kept value once. */
class IdentityMemoTest {

    @Test
    void every_key_gets_its_own_value_when_more_keys_than_slots_meet() {
        IdentityMemo<StringBuilder, String> memo = new IdentityMemo<>();
        List<StringBuilder> keys = new ArrayList<>();
        for (int i = 0; i < IdentityMemo.SLOTS * 2; i++)
            keys.add(new StringBuilder("key " + i));
        AtomicInteger computed = new AtomicInteger();
        for (int round = 0; round < 2; round++)
            for (StringBuilder key : keys)
                assertEquals("value of " + key, memo.get(key, k -> {
                    computed.incrementAndGet();
                    return "value of " + k;
                }));
        assertTrue(computed.get() < keys.size() * 2, "some values were kept: computed " + computed);
    }

    @Test
    void a_kept_value_is_computed_once() {
        IdentityMemo<Object, Integer> memo = new IdentityMemo<>();
        Object key = new Object();
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 10; i++)
            assertEquals(7, memo.get(key, k -> computed.incrementAndGet() > 0 ? 7 : 0));
        assertEquals(1, computed.get());
    }
}
