package org.icakg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Plain SPARQL queries by GET ({@link SmallQueries}), answered in Jetty's own request handling: admitted as any
 * read ({@link Admission}), answered from the {@link AnswerCache} when it holds the answer (with its ETag, or 304),
 * otherwise run into a buffer and offered to the cache (kept when costly or asked before). A run that fails (its time limit, the engine's refusal) is not
 * answered here: the request goes on through the servlet chain with its failure, and the chain's one error path
 * answers it ({@link TimeLimitGuard}), without running the query again. An answer larger than the buffer bound is
 * streamed; if its time limit cuts it off then, the connection is broken, as the servlet path does.
 */
final class EarlyQueries {

    private final SmallQueries queries;
    private final AnswerCache cache;
    private final Admission admission;
    private final long maxBufferedBytes;

    EarlyQueries(SmallQueries queries, AnswerCache cache, Admission admission, long maxBufferedBytes) {
        this.queries = queries;
        this.cache = cache;
        this.admission = admission;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /** The plan of a request this class answers, or null (the request goes on, nothing written). */
    SmallQueries.Plan planOf(Request request) {
        if (!"GET".equals(request.getMethod()))
            return null;
        HttpFields headers = request.getHeaders();
        if (headers.contains(HttpHeader.AUTHORIZATION) || headers.contains(HttpHeader.COOKIE)
                || headers.contains(HttpHeader.CONTENT_LENGTH) || headers.contains(HttpHeader.TRANSFER_ENCODING))
            return null;
        Fields params = Request.extractQueryParameters(request);
        Fields.Field query = params.get("query");
        if (params.getSize() != 1 || query == null || query.getValues().size() != 1)
            return null;
        return queries.plan(query.getValue(), headers.get(HttpHeader.ACCEPT));
    }

    /**
     * Answers the request and returns its status, or returns -1 having written nothing, when its run failed: the
     * failure is then on the request ({@link SmallQueries#FAILURE}) for the servlet chain to answer.
     */
    int answer(SmallQueries.Plan plan, Request request, Response response, Callback callback) throws IOException {
        HttpFields headers = request.getHeaders();
        String key = AnswerCache.getKey(request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers.get(HttpHeader.ACCEPT), headers.get(HttpHeader.ACCEPT_ENCODING));
        AnswerCache.Answer hit = key == null ? null : cache.get(key);
        if (hit != null)
            return send(hit, plan, request, response, callback);
        long version = cache.version();
        Spilling out = new Spilling(plan, response);
        SmallQueries.Failure failure;
        long started, startedNanos;
        try (Admission.Ticket admitted = admission.enter(true)) {
            // Processor time: these answers are computed in memory (no SERVICE), and on a busy machine a cheap
            // query's wall time includes waiting for a processor.
            started = AnswerCache.computeClock();
            startedNanos = System.nanoTime();
            failure = queries.run(plan, out, request);
        } catch (IOException e) {
            // The client went away while the answer streamed.
            callback.failed(e);
            return HttpStatus.OK_200;
        }
        if (out.streaming()) {
            if (failure != null) {
                callback.failed(new IOException("query cancelled by its time limit after results started streaming"));
            } else {
                out.close();
                callback.succeeded();
            }
            return HttpStatus.OK_200;
        }
        if (failure != null) {
            request.setAttribute(SmallQueries.FAILURE, failure);
            return -1;
        }
        byte[] body = out.buffered();
        Map<String, String> replayed = answerHeaders(plan).byName();
        AnswerCache.Answer answer = key == null ? new AnswerCache.Answer(replayed, body, null)
                : cache.offer(key, version, replayed, body, AnswerCache.computeCost(started, startedNanos));
        return send(answer, plan, request, response, callback);
    }

    /**
     * The headers of an answer to {@code plan}, as the servlet path sets them (and the cache replays them): the same
     * few per result format, so made once per {@code Content-Type}, with their fields encoded for the wire.
     */
    private static AnswerHeaders answerHeaders(SmallQueries.Plan plan) {
        String contentType = plan.contentType();
        AnswerHeaders known = ANSWER_HEADERS.get(contentType);
        if (known != null)
            return known;
        var h = new LinkedHashMap<String, String>();
        h.put("Vary", SmallQueries.VARY);
        h.put("Cache-Control", SmallQueries.NO_CACHE);
        h.put("Pragma", "no-cache");
        h.put("Content-Type", contentType);
        AnswerHeaders made = new AnswerHeaders(Collections.unmodifiableMap(h), fields(h));
        if (ANSWER_HEADERS.size() < MOST_ENCODED)
            ANSWER_HEADERS.putIfAbsent(contentType, made);
        return made;
    }

    /** An answer's headers, by name, and as fields encoded for the wire. */
    private record AnswerHeaders(Map<String, String> byName, List<HttpField> fields) {}

    /** The headers of the answers of each {@code Content-Type} answered here (a handful: the result formats). */
    private static final Map<String, AnswerHeaders> ANSWER_HEADERS = new ConcurrentHashMap<>();
    /** Header fields encoded once: answers repeat a handful of them (content types, {@code Vary}, caching). */
    private static final Map<String, HttpField> ENCODED = new ConcurrentHashMap<>();
    private static final int MOST_ENCODED = 64;

    private static HttpField encoded(String name, String value) {
        String key = name + ':' + value;
        HttpField field = ENCODED.get(key);
        if (field != null)
            return field;
        field = new PreEncodedHttpField(name, value);
        if (ENCODED.size() < MOST_ENCODED)
            ENCODED.putIfAbsent(key, field);
        return field;
    }

    private static List<HttpField> fields(Map<String, String> headers) {
        List<HttpField> fields = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> fields.add(encoded(name, value)));
        return List.copyOf(fields);
    }

    private static int send(AnswerCache.Answer answer, SmallQueries.Plan plan, Request request, Response response,
                            Callback callback) {
        HttpFields.Mutable out = response.getHeaders();
        SecurityHeaders.apply(out);
        AnswerHeaders usual = answerHeaders(plan);
        // An answer kept by the servlet path carries headers of its own making; those made here are the usual ones.
        for (HttpField field : answer.headers() == usual.byName() ? usual.fields() : fields(answer.headers()))
            out.put(field);
        int status = HttpStatus.OK_200;
        ByteBuffer body = ByteBuffer.wrap(answer.body());
        if (answer.etag() != null) {
            out.put(HttpHeader.ETAG, answer.etag());
            if (AnswerCache.notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), answer.etag())) {
                status = HttpStatus.NOT_MODIFIED_304;
                body = BufferUtil.EMPTY_BUFFER;
            }
        }
        response.setStatus(status);
        if (status == HttpStatus.OK_200)
            out.put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, body, callback);
        return status;
    }

    /**
     * The answer's bytes: held in memory up to the buffer bound, then sent as they come (headers first, without a
     * length or ETag).
     */
    private final class Spilling extends OutputStream {
        private final SmallQueries.Plan plan;
        private final Response response;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream(512);
        private OutputStream sink;

        Spilling(SmallQueries.Plan plan, Response response) {
            this.plan = plan;
            this.response = response;
        }

        boolean streaming() { return sink != null; }

        byte[] buffered() { return held.toByteArray(); }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (sink == null && held.size() + len <= maxBufferedBytes) {
                held.write(b, off, len);
                return;
            }
            if (sink == null) {
                response.setStatus(HttpStatus.OK_200);
                HttpFields.Mutable out = response.getHeaders();
                SecurityHeaders.apply(out);
                answerHeaders(plan).fields().forEach(out::put);
                sink = Content.Sink.asOutputStream(response);
                held.writeTo(sink);
                held.reset();
            }
            sink.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (sink != null)
                sink.close();
        }
    }
}
