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

    /** The first byte sequence of {@code bytes} that is not UTF-8, as a syntax error with line and column; or null. */
    static SyntaxError firstError(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        long line = 1, column = 1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                boolean newline = out.get() == '\n';
                line += newline ? 1 : 0;
                column = newline ? 1 : column + 1;
            }
            out.clear();
            if (result.isError())
                return new SyntaxError(name, line, column, String.format("not UTF-8: the byte 0x%02X cannot start or "
                        + "continue a character here; save the file as UTF-8", bytes[in.position()] & 0xff));
            if (result.isUnderflow())
                return null;
        }
    }
}
