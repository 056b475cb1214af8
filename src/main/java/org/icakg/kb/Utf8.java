package org.icakg.kb;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks that RDF text is UTF-8, as every RDF text syntax requires, instead of reading bad bytes as U+FFFD. */
final class Utf8 {

    private Utf8() {}

    /**
     * The first byte sequence of {@code bytes} that is not UTF-8, as a syntax error with line and column; or null.
     * The text is decoded without counting anything (a file of a million statements is checked in tens of
     * milliseconds); lines and columns are counted only up to an error.
     */
    static SyntaxError firstError(String name, byte[] bytes) {
        int bad = firstBadByte(bytes);
        if (bad < 0)
            return null;
        int lineStart = 0;
        long line = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The column counts characters (UTF-16 units, as the decoder gave them) since the line's start.
        long column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new SyntaxError(name, line, column, String.format("not UTF-8: the byte 0x%02X cannot start or "
                + "continue a character here; save the file as UTF-8", bytes[bad] & 0xff));
    }

    /** The position of the first byte that starts a sequence that is not UTF-8, or -1. */
    private static int firstBadByte(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0)
            i++;
        if (i == bytes.length)
            return -1;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, i, bytes.length - i);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError())
                return in.position();
            if (result.isUnderflow())
                return -1;
            out.clear();
        }
    }
}
