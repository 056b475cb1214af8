package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Pages are encoded to UTF-8 as they render: the bytes must be exactly those of {@code String.getBytes(UTF_8)}. */
class Utf8WriterTest {

    /** One, two, three and four bytes in UTF-8, and both halves of a surrogate pair on their own. */
    private static final char[] ALPHABET = ("a<&\"é·Қазақ–हिन्दी€" + "\uD83C\uDDEE\uD83D\uDE00" + "\uD800\uDC00\uDBFF\uDFFF")
            .toCharArray();

    @Test
    void text_written_in_pieces_encodes_as_the_whole_string_does() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[random.nextInt(0, 400)];
            for (int i = 0; i < chars.length; i++)
                chars[i] = random.nextInt(10) == 0 ? (char) random.nextInt(0xD7F0, 0xE010) // lone surrogates too
                        : ALPHABET[random.nextInt(ALPHABET.length)];
            String text = new String(chars);
            Utf8Writer out = new Utf8Writer(random.nextInt(0, 100)); // from far too small, so the array grows
            int at = 0;
            while (at < text.length()) {
                int len = Math.min(text.length() - at, random.nextInt(0, 6));
                switch (random.nextInt(3)) {
                    case 0 -> out.write(text, at, len);
                    case 1 -> out.write(chars, at, len);
                    default -> {
                        len = 1;
                        out.write(text.charAt(at));
                    }
                }
                at += len;
            }
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray(), text);
        }
    }

    @Test
    void a_surrogate_pair_split_across_writes_is_one_four_byte_character() throws Exception {
        Utf8Writer out = new Utf8Writer(0);
        out.write("x\uD83D");
        out.write("\uDE00y");
        assertEquals("x\uD83D\uDE00y", new String(out.toByteArray(), StandardCharsets.UTF_8));
        Utf8Writer dangling = new Utf8Writer(0);
        dangling.write("end\uD83D");
        assertEquals("end?", new String(dangling.toByteArray(), StandardCharsets.UTF_8));
    }
}
