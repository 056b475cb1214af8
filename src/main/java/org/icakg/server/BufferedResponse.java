package org.icakg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds a response body in memory up to a limit, so the status can still change when a query runs out of
 * time half-way through its results. Past the limit the body streams to the client.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    /** What Fuseki appends to a result cut off by the time limit. */
    static final String CANCELLED_MARKER = "##  Query cancelled due to timeout";
    private static final byte[] MARKER = CANCELLED_MARKER.getBytes(StandardCharsets.UTF_8);
    /** The marker is looked for in this many bytes at the end of a buffered body. */
    private static final int TAIL = 512;

    private final long limit;
    private final Buffer buffer = new Buffer();
    private boolean streaming;
    private boolean cancelled;
    private boolean settled;
    private ServletOutputStream stream;
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response, long limit) {
        super(response);
        this.limit = limit;
    }

    /** True when the body (buffered or not) carries the time-out marker. */
    boolean cancelled() {
        return cancelled || buffer.tailContains(MARKER);
    }

    boolean streaming() { return streaming; }

    /** Marks the exchange as answered some other way (an error, or a broken connection): nothing more is sent. */
    void settle() { settled = true; }

    boolean settled() { return settled; }

    byte[] body() { return buffer.toByteArray(); }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null)
            stream = new Stream();
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null)
            writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), false);
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null)
            writer.flush();
        if (streaming)
            super.flushBuffer();
    }

    @Override
    public void setContentLength(int len) {
        // The length is set when the buffered body is sent.
    }

    @Override
    public void setContentLengthLong(long len) {
        // As above.
    }

    @Override
    public boolean isCommitted() { return streaming && super.isCommitted(); }

    /** An error status set after part of a result was written replaces that part (the error message follows). */
    @Override
    public void setStatus(int sc) {
        if (sc >= 400 && !streaming) {
            flushWriter();
            buffer.reset();
        }
        super.setStatus(sc);
    }

    @Override
    public void resetBuffer() {
        buffer.reset();
        if (streaming)
            super.resetBuffer();
    }

    /** Pushes text written through {@link #getWriter()} into the buffer. */
    void flushWriter() {
        if (writer != null)
            writer.flush();
    }

    /** Sends what was buffered (when the body never went past the limit). */
    void sendBuffered() throws IOException {
        if (writer != null)
            writer.flush();
        if (streaming)
            return;
        HttpServletResponse r = (HttpServletResponse) getResponse();
        r.setContentLength(buffer.size());
        buffer.writeTo(r.getOutputStream());
    }

    private final class Stream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (streaming) {
                if (indexOf(b, off, off + len, MARKER) >= 0) {
                    cancelled = true;
                    // The status is sent: breaking the connection is the only honest signal left.
                    throw new IOException("query cancelled after results started streaming");
                }
                getResponse().getOutputStream().write(b, off, len);
                return;
            }
            buffer.write(b, off, len);
            if (buffer.size() > limit) {
                streaming = true;
                OutputStream out = getResponse().getOutputStream();
                buffer.writeTo(out);
                buffer.reset();
            }
        }

        @Override
        public void flush() throws IOException {
            if (streaming)
                getResponse().getOutputStream().flush();
        }

        @Override
        public boolean isReady() { return true; }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("asynchronous output is not used");
        }
    }

    /** The body held in memory; searched in place, without copying. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(8192);
        }

        boolean tailContains(byte[] needle) {
            return indexOf(buf, Math.max(0, count - TAIL), count, needle) >= 0;
        }
    }

    /** Where {@code needle} starts in {@code bytes[from, to)}, or -1. */
    private static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++)
                if (bytes[i + j] != needle[j])
                    continue outer;
            return i;
        }
        return -1;
    }
}
