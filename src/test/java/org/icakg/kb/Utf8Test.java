package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A file that is not UTF-8 is refused with the line and column of its first bad byte, however far into it. */
class Utf8Test {

    @Test
    void text_in_utf8_with_characters_of_every_length_passes() {
        assertNull(Utf8.firstError("a.ttl", "<a> <b> \"Алматы, अहमदाबाद, 𝔸\" .\n".getBytes(StandardCharsets.UTF_8)));
        assertNull(Utf8.firstError("empty.ttl", new byte[0]));
    }

    @Test
    void a_latin1_byte_far_into_the_file_is_named_with_its_line_and_column() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++)
            file.writeBytes("<a> <b> \"ok\" .\n".getBytes(StandardCharsets.UTF_8));
        // Line 100,001: two characters of two bytes each, then "é" in Latin-1 (0xE9 and a space cannot be UTF-8).
        file.writeBytes("<a> <b> \"Жа".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {(byte) 0xE9, ' ', '"', ' ', '.', '\n'});
        SyntaxError error = Utf8.firstError("big.ttl", file.toByteArray());
        assertEquals(100_001, error.line());
        assertEquals(12, error.column(), "9 characters and 2 Cyrillic ones precede it");
        assertEquals("big.ttl", error.file());
        assertEquals(true, error.message().contains("0xE9"), error.message());
    }

    @Test
    void a_truncated_sequence_at_the_very_end_is_an_error_on_the_first_line() {
        byte[] bytes = {'a', 'b', (byte) 0xD0};
        SyntaxError error = Utf8.firstError("cut.ttl", bytes);
        assertEquals(1, error.line());
        assertEquals(3, error.column());
    }

    @Test
    void every_byte_sequence_is_judged_as_the_jdk_decoder_judges_it() {
        // Random text mixing ASCII, well-formed characters of every length and stray bytes of every value (overlong
        // forms, surrogates, sequences cut short, code points above U+10FFFF): the first bad byte found is the one
        // at which the JDK's strict decoder stops.
        java.util.Random random = new java.util.Random(20251201);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "Ж".getBytes(StandardCharsets.UTF_8),
                "अ".getBytes(StandardCharsets.UTF_8), "𝔸".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
        int bad = 0;
        for (int round = 0; round < 20_000; round++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(10) == 0)
                    text.write(random.nextInt(256));
                else
                    text.writeBytes(pieces[random.nextInt(random.nextInt(10) == 0 ? pieces.length : 4)]);
            }
            byte[] bytes = text.toByteArray();
            int expected = jdkFirstBadByte(bytes);
            if (expected >= 0)
                bad++;
            assertEquals(expected, Utf8.firstBadByte(bytes), () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
        assertEquals(true, bad > 1_000, "the inputs include many that are not UTF-8");
    }

    private static int jdkFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        var in = java.nio.ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length * 2 + 2);
        return decoder.decode(in, out, true).isError() ? in.position() : -1;
    }
}
