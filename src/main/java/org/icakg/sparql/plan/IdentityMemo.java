package org.icakg.sparql.plan;

import java.util.function.Function;

/**
 * A bounded memo keyed by object identity, safe to share between threads without locks: one slot per key's identity
 * hash; a key that meets another in its slot replaces it. A look-up compares references only, so it touches the
 * key's slot and nothing of the key's contents (an equality test of two literals reads both labels, their datatypes
 * and lexical forms, one cache miss each on a large graph).
 * <p>
 * Entries are immutable and written whole, so a reader sees a complete entry or none; two threads may compute the
 * same value, and the later write wins.
 */
final class IdentityMemo<K, V> {

    /** Slots of a memo: 2^17 (131,072), about 0.5 MB of references plus the entries held. */
    static final int SLOTS = 1 << 17;

    private record Entry<K, V>(K key, V value) {}

    private final Entry<?, ?>[] slots = new Entry<?, ?>[SLOTS];

    /** The value kept for {@code key}, else {@code compute}'s value (kept unless it is null). */
    @SuppressWarnings("unchecked")
    V get(K key, Function<? super K, ? extends V> compute) {
        int slot = System.identityHashCode(key) & (SLOTS - 1);
        Entry<K, V> e = (Entry<K, V>) slots[slot];
        if (e != null && e.key() == key)
            return e.value();
        V value = compute.apply(key);
        if (value != null)
            slots[slot] = new Entry<>(key, value);
        return value;
    }
}
