package org.icakg.server;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.Route;

/**
 * A small, bounded cache of whole answers (status 200, body and headers) to identical requests against unchanged
 * data: SPARQL queries and entity pages. Keyed by method, path, parameters and the headers that choose the
 * representation; emptied by {@link #invalidate()} on every committed write. An answer computed while a write
 * committed is not stored. An answer is kept when it cost {@link #COSTLY} or more to compute, or the second time its
 * request is asked: most requests are asked once, and a small answer is computed again for less than storing it.
 */
final class AnswerCache {

    /** At most this many answers are kept (least recently used first out). */
    static final int MAX_ENTRIES = 2048;
    /** Answers larger than this are not kept. */
    static final int MAX_ENTRY_BYTES = 512 * 1024;
    /** The bodies kept take at most this many bytes together. */
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    /** An answer that took at least this long to compute is kept the first time it is asked. */
    static final Duration COSTLY = Duration.ofMillis(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Requests remembered as asked (a power of two): about the number of answers kept. */
    private static final int ASKED_SLOTS_LOG2 = 12;

    /** Headers that belong to one exchange, never replayed from the cache. */
    private static final Set<String> PER_EXCHANGE = Set.of("date", "content-length", "fuseki-request-id",
            "set-cookie", "etag", "transfer-encoding", "connection");

    /** A stored answer. */
    record Answer(Map<String, String> headers, byte[] body, String etag) {}

    /** False when the cache is switched off ({@code serve --no-answer-cache}): nothing is kept, ETags still are sent. */
    private final boolean enabled;
    private final AtomicLong version = new AtomicLong();
    /** Fingerprints of the requests asked recently ({@link #askedBefore}). */
    private final AtomicLongArray asked = new AtomicLongArray(1 << ASKED_SLOTS_LOG2);
    /**
     * The answers kept, with the data version each was computed at. Concurrent (a request does not wait for another's
     * look-up); each answer weighs its body's bytes but at least {@code MAX_TOTAL_BYTES / MAX_ENTRIES}, so the cache
     * holds at most {@link #MAX_ENTRIES} answers and {@link #MAX_TOTAL_BYTES} bytes of bodies.
     */
    private final Cache<String, Kept> answers = Caffeine.newBuilder()
            .maximumWeight(MAX_TOTAL_BYTES)
            .weigher((String key, Kept kept) -> (int) Math.max(kept.answer().body().length, MAX_TOTAL_BYTES / MAX_ENTRIES))
            .executor(Runnable::run)
            .build();

    private record Kept(Answer answer, long version) {}

    AnswerCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** The cache key of a request, or null when its answer is not to be cached. */
    static String key(HttpServletRequest req, boolean sparql) {
        if (req.getHeader("Authorization") != null || req.getHeader("Cookie") != null)
            return null;
        String method = req.getMethod();
        if ("GET".equals(method))
            return getKey(req.getRequestURI(), req.getQueryString(), req.getHeader("Accept"),
                    req.getHeader("Accept-Encoding"));
        StringBuilder k = new StringBuilder(method).append(' ').append(req.getRequestURI()).append('?');
        if (sparql && "POST".equals(method)
                && "application/x-www-form-urlencoded".equals(Route.baseType(req.getContentType())))
            new TreeMap<>(req.getParameterMap()).forEach((name, values) -> k.append(name).append('=')
                    .append(String.join("\u0000", values)).append('&'));
        else
            return null;
        return k.append("\nAccept: ").append(req.getHeader("Accept"))
                .append("\nAccept-Encoding: ").append(req.getHeader("Accept-Encoding")).toString();
    }

    /** The cache key of a GET without credentials or cookies (as {@link #key} makes it). */
    static String getKey(String path, String query, String accept, String acceptEncoding) {
        return "GET " + path + '?' + query + "\nAccept: " + accept + "\nAccept-Encoding: " + acceptEncoding;
    }

    /** The data version now: pass it back to {@link #put} so an answer that overlapped a write is dropped. */
    long version() { return version.get(); }

    /** The answer kept for a key at the current data version, or null. */
    Answer get(String key) {
        Kept kept = enabled ? answers.getIfPresent(key) : null;
        // An answer put while a write committed may have missed the clearing: its version gives it away.
        return kept == null || kept.version() != version.get() ? null : kept.answer();
    }

    /** The headers of an answer set on a servlet response: those it set, less those of the exchange. */
    private static Map<String, String> replayed(HttpServletResponse res, Map<String, String> headersBefore) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : res.getHeaderNames()) {
            String value = headerValue(res, name);
            if (!PER_EXCHANGE.contains(name.toLowerCase()) && !value.equals(headersBefore.get(name)))
                headers.put(name, value);
        }
        headers.put("Content-Type", res.getContentType());
        return headers;
    }

    /**
     * Keeps an answer when it is worth keeping, with the headers to replay with it; returns it (with its ETag) either
     * way. Worth keeping: it cost at least {@link #COSTLY} to compute (as the caller measures it), or its request was
     * asked before (as far as {@link #asked} remembers). An answer asked once and cheap to compute again is not kept: most requests are asked
     * once, and storing each (and evicting another for it) cost more than computing a small answer.
     */
    Answer offer(String key, long seenVersion, Map<String, String> headers, byte[] body, long computeNanos) {
        if (computeNanos >= COSTLY.toNanos() || askedBefore(key))
            return put(key, seenVersion, headers, body);
        return new Answer(headers, body, etag(body));
    }

    /** As {@link #offer(String, long, Map, byte[], long)}, with the headers an answer set on a servlet response. */
    Answer offer(String key, long seenVersion, HttpServletResponse res, Map<String, String> headersBefore, byte[] body,
                 long computeNanos) {
        return offer(key, seenVersion, replayed(res, headersBefore), body, computeNanos);
    }

    /**
     * What computing an answer cost, for {@link #offer}, from {@link #computeClock()} and {@code System.nanoTime()} read
     * when it started: the processor time, or, when less than {@link #COSTLY} passed, the time that passed (a thread's
     * processor time never exceeds it), without reading the processor clock again, a system call that costs about a
     * microsecond.
     */
    static long computeCost(long startedClock, long startedNanos) {
        long wall = System.nanoTime() - startedNanos;
        return wall < COSTLY.toNanos() ? wall : computeClock() - startedClock;
    }

    /**
     * The processor time of the current thread in nanoseconds (wall time where the JVM cannot tell): what computing an
     * answer in memory cost, which wall time overstates on a busy machine, where a cheap query waits for a processor.
     */
    static long computeClock() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * True when a request of this key was seen before, recently; notes it otherwise. A table of fingerprints, one per
     * slot, each overwritten by the next key of its slot: a key seen long ago may be forgotten, another key of the same
     * fingerprint may pass for it (then an answer asked once is kept: harmless, keys are compared in full by the cache).
     */
    private boolean askedBefore(String key) {
        long fingerprint = key.hashCode() * 0x9E3779B97F4A7C15L + key.length();
        int slot = (int) (fingerprint >>> (64 - ASKED_SLOTS_LOG2));
        if (asked.get(slot) == fingerprint)
            return true;
        asked.set(slot, fingerprint);
        return false;
    }

    /** Keeps an answer with the headers to replay with it (those of the answer, not of the exchange); returns it. */
    Answer put(String key, long seenVersion, Map<String, String> headers, byte[] body) {
        Answer answer = new Answer(headers, body, etag(body));
        if (enabled && body.length <= MAX_ENTRY_BYTES && seenVersion == version.get())
            answers.put(key, new Kept(answer, seenVersion));
        return answer;
    }

    /** The headers of a response so far, each as one value: what {@link #put} leaves out of an answer unless changed. */
    static Map<String, String> headers(HttpServletResponse res) {
        Map<String, String> out = new LinkedHashMap<>();
        res.getHeaderNames().forEach(name -> out.put(name, headerValue(res, name)));
        return out;
    }

    private static String headerValue(HttpServletResponse res, String name) {
        return String.join(", ", res.getHeaders(name));
    }

    /** Forgets every answer: the data changed. */
    void invalidate() {
        version.incrementAndGet();
        answers.invalidateAll();
    }

    int size() {
        answers.cleanUp();
        return (int) answers.estimatedSize();
    }

    /** True when the request's {@code If-None-Match} names this ETag (or is {@code *}). */
    static boolean notModified(HttpServletRequest req, String etag) {
        return notModified(req.getHeader("If-None-Match"), etag);
    }

    /** True when an {@code If-None-Match} value (null when absent) names this ETag (or is {@code *}). */
    static boolean notModified(String inm, String etag) {
        if (inm == null)
            return false;
        List<String> tags = new ArrayList<>();
        for (String t : inm.split(","))
            tags.add(t.trim().replaceFirst("^W/", ""));
        return tags.contains("*") || tags.contains(etag);
    }

    /** SHA-1 per thread: looking the algorithm up among the security providers cost more than hashing a small answer. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    });

    private static String etag(byte[] body) {
        byte[] digest = SHA1.get().digest(body);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
    }
}
