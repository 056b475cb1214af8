package org.icakg.kb;

import java.nio.charset.StandardCharsets;

/** Checks that RDF text is UTF-8, as every RDF text syntax requires, instead of reading bad bytes as U+FFFD. */
final class Utf8 {

    private Utf8() {}

    /**
     * The first byte sequence of {@code bytes} that is not UTF-8, as a syntax error with line and column; or null.
     * The bytes are checked without counting anything (a file of a million statements is checked in tens of
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

    /**
     * The position of the first byte that starts a sequence that is not UTF-8, or -1. The bytes are checked as they
     * are, without decoding them to characters: a file of a million statements in several scripts took a quarter of
     * a second through the JDK's decoder, which writes every character out. Well-formed sequences are those of
     * RFC 3629 (no overlong forms, no surrogates, nothing above U+10FFFF), as the JDK's decoder accepts.
     */
    static int firstBadByte(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xff;
            int length;
            int low = 0x80, high = 0xBF; // the range of the second byte
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                if (b == 0xE0)
                    low = 0xA0; // overlong below
                else if (b == 0xED)
                    high = 0x9F; // surrogates above
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                if (b == 0xF0)
                    low = 0x90; // overlong below
                else if (b == 0xF4)
                    high = 0x8F; // above U+10FFFF
            } else {
                return i; // a continuation byte, an overlong lead (C0, C1) or F5 to FF
            }
            if (i + length > n)
                return i;
            int second = bytes[i + 1] & 0xff;
            if (second < low || second > high)
                return i;
            for (int k = 2; k < length; k++)
                if ((bytes[i + k] & 0xC0) != 0x80)
                    return i;
            i += length;
        }
        return -1;
    }
}
