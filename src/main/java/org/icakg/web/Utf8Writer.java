package org.icakg.web;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes to UTF-8 as it is written, into one array sized up front: a rendered page goes straight to
 * the bytes a response sends, with no growing {@code StringBuffer}, no intermediate {@code String} and no second
 * encoding pass. Encodes as {@code String.getBytes(UTF_8)} does: a lone surrogate becomes {@code '?'}. Not thread-safe.
 */
final class Utf8Writer extends Writer {

    private byte[] bytes;
    private int count;
    /** A high surrogate written last, waiting for its low half. */
    private char high;

    Utf8Writer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    @Override
    public void write(int c) {
        ensure(4);
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        ensure(3L * len + 1);
        for (int i = off, end = off + len; i < end; i++)
            put(chars[i]);
    }

    @Override
    public void write(String s, int off, int len) {
        ensure(3L * len + 1);
        for (int i = off, end = off + len; i < end; i++)
            put(s.charAt(i));
    }

    @Override
    public Writer append(CharSequence s) {
        String text = String.valueOf(s);
        write(text, 0, text.length());
        return this;
    }

    private void put(char c) {
        byte[] b = bytes;
        int n = count;
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                b[n] = (byte) (0xF0 | cp >> 18);
                b[n + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n + 3] = (byte) (0x80 | cp & 0x3F);
                count = n + 4;
                return;
            }
            b[n++] = '?';
        }
        if (c < 0x80) {
            b[n++] = (byte) c;
        } else if (c < 0x800) {
            b[n++] = (byte) (0xC0 | c >> 6);
            b[n++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            b[n++] = '?';
        } else {
            b[n++] = (byte) (0xE0 | c >> 12);
            b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
            b[n++] = (byte) (0x80 | c & 0x3F);
        }
        count = n;
    }

    /** Room for {@code more} bytes beyond a pending surrogate (which needs at most 4). */
    private void ensure(long more) {
        long needed = count + more + 4;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 8)
                throw new OutOfMemoryError("a rendered page over 2 GB");
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * bytes.length)));
        }
    }

    /** The bytes written (a lone high surrogate at the end as {@code '?'}), in an array of exactly their length. */
    byte[] toByteArray() {
        if (high != 0) {
            high = 0;
            ensure(1);
            bytes[count++] = '?';
        }
        return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
    }

    int size() { return count; }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
