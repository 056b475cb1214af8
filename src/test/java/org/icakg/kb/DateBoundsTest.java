package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** The first and last day of a date kept as precise as its source, as {@code ica:startsOn} / {@code ica:endsOn} give them. */
class DateBoundsTest {

    @Test
    void a_year_a_month_and_a_day_run_from_their_first_to_their_last_day() {
        assertBounds("2024", XSDDatatype.XSDgYear, "2024-01-01", "2024-12-31");
        assertBounds("2024-02", XSDDatatype.XSDgYearMonth, "2024-02-01", "2024-02-29");
        assertBounds("2025-02", XSDDatatype.XSDgYearMonth, "2025-02-01", "2025-02-28");
        assertBounds("2025-06-30", XSDDatatype.XSDdate, "2025-06-30", "2025-06-30");
        assertBounds("2025-06-30T12:00:00Z", XSDDatatype.XSDdateTime, "2025-06-30", "2025-06-30");
        assertBounds(" 1991-12-16 ", XSDDatatype.XSDdate, "1991-12-16", "1991-12-16");
        assertBounds("0000-01", XSDDatatype.XSDgYearMonth, "0000-01-01", "0000-01-31");
    }

    @Test
    void a_signed_year_is_read_as_before() {
        // Not the usual four digits: read by java.time's general parser, which takes a sign.
        assertBounds("-202", XSDDatatype.XSDgYear, "-0202-01-01", "-0202-12-31");
    }

    @Test
    void a_date_that_does_not_exist_or_is_cut_short_has_no_bounds() {
        assertNull(DateBounds.range(literal("2025-02-29", XSDDatatype.XSDdate)), "not a leap year");
        assertNull(DateBounds.range(literal("2025-13", XSDDatatype.XSDgYearMonth)), "no thirteenth month");
        assertNull(DateBounds.range(literal("2025-00-10", XSDDatatype.XSDdate)), "no month 0");
        assertNull(DateBounds.range(literal("2025-06-3", XSDDatatype.XSDdate)), "a day of one digit");
        assertNull(DateBounds.range(literal("2025-6", XSDDatatype.XSDgYearMonth)), "a month of one digit");
        assertNull(DateBounds.range(literal("20x5", XSDDatatype.XSDgYear)), "a letter among the digits");
        assertNull(DateBounds.range(literal("２０２５-01-01", XSDDatatype.XSDdate)), "digits other than ASCII's");
        assertNull(DateBounds.range(literal("2025/06/30", XSDDatatype.XSDdate)), "slashes");
        assertNull(DateBounds.range(literal("2025", XSDDatatype.XSDstring)), "not a date type");
    }

    private static void assertBounds(String lexical, RDFDatatype type, String first, String last) {
        assertArrayEquals(new LocalDate[] {LocalDate.parse(first), LocalDate.parse(last)},
                DateBounds.range(literal(lexical, type)), lexical);
    }

    private static org.apache.jena.graph.Node literal(String lexical, RDFDatatype type) {
        return NodeFactory.createLiteral(lexical, type);
    }
}
