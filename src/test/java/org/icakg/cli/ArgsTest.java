package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Command-line parsing: options with values (both spellings, repeated), flags, positional words and mistakes. */
class ArgsTest {

    static final Set<String> VALUED = Set.of("port", "data"), FLAGS = Set.of("verbose");

    static Args parse(String... args) {
        return Args.parse(args, VALUED, FLAGS);
    }

    @Test
    void a_value_follows_its_option_or_an_equals_sign() {
        assertEquals("8080", parse("--port", "8080").get("port", null));
        assertEquals("8080", parse("--port=8080").get("port", null));
        assertEquals("", parse("--port=").get("port", "x"), "an empty value is a value");
    }

    @Test
    void a_repeated_option_keeps_every_value_and_the_last_wins_for_one() {
        Args a = parse("--data", "a.trig", "--data=b.trig");
        assertEquals(List.of("a.trig", "b.trig"), a.all("data"));
        assertEquals("b.trig", a.get("data", null));
    }

    @Test
    void flags_take_no_value_and_words_stay_in_order() {
        Args a = parse("serve", "--verbose", "more");
        assertTrue(a.has("verbose"));
        assertFalse(a.has("port"));
        assertEquals(List.of("serve", "more"), a.positional());
        assertEquals("3030", a.get("port", "3030"));
    }

    @Test
    void an_unknown_option_or_a_missing_value_names_the_option() {
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--nope")).getMessage().contains("--nope"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--port")).getMessage()
                .contains("--port needs a value"));
        assertThrows(Args.UsageException.class, () -> parse("--verbose=yes"), "a flag given a value");
    }

    @Test
    void a_number_out_of_range_or_not_a_number_says_the_range_and_the_value() {
        assertEquals(8080, parse("--port", "8080").getInt("port", 3030, 0, 65535));
        assertEquals(3030, parse().getInt("port", 3030, 0, 65535));
        String range = assertThrows(Args.UsageException.class,
                () -> parse("--port", "70000").getInt("port", 3030, 0, 65535)).getMessage();
        assertTrue(range.contains("between 0 and 65535") && range.contains("70000"), range);
        String word = assertThrows(Args.UsageException.class,
                () -> parse("--port", "many").getInt("port", 3030, 0, 65535)).getMessage();
        assertTrue(word.contains("whole number") && word.contains("many"), word);
    }
}
