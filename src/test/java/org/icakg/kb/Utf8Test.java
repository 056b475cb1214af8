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
}
