package org.icakg.sparql.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * The value of one sort condition for one row, with a number that orders it quickly where one exists: an
 * {@code xsd:date} or {@code xsd:dateTime} written without a time zone is ordered by its day, or its millisecond,
 * as a {@code long}, where Jena compares two calendars (copying both at every comparison). Two keys whose numbers
 * differ compare as the numbers; otherwise (other values, a time zone, the same day or millisecond) as
 * {@link BindingComparator} compares values, so the order is Jena's exactly.
 */
record SortKey(NodeValue value, Kind kind, long order) {

    /** What {@link #order} orders: nothing, days or milliseconds. */
    enum Kind { NONE, DATE, DATE_TIME }

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)");
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))?");

    /** The key of {@code value}; null when unbound (it sorts first). */
    static SortKey of(NodeValue value) {
        if (value == null)
            return null;
        try {
            if (value.isDate()) {
                Matcher m = DATE.matcher(lexical(value));
                if (m.matches())
                    return new SortKey(value, Kind.DATE, date(m).toEpochDay());
            } else if (value.isDateTime()) {
                Matcher m = DATE_TIME.matcher(lexical(value));
                if (m.matches()) {
                    String fraction = m.group(7) == null ? "" : m.group(7);
                    int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
                    LocalDateTime t = date(m).atTime(number(m, 4), number(m, 5), number(m, 6), nanos);
                    return new SortKey(value, Kind.DATE_TIME, t.toInstant(ZoneOffset.UTC).toEpochMilli());
                }
            }
        } catch (DateTimeException | ArithmeticException e) {
            // Out of the range of java.time (or 24:00:00): Jena's comparison orders it.
        }
        return new SortKey(value, Kind.NONE, 0);
    }

    /** {@link BindingComparator#compareNodesRaw}'s order of two keys (either may be null, unbound). */
    static int compare(SortKey a, SortKey b) {
        if (a != null && b != null && a.kind != Kind.NONE && a.kind == b.kind && a.order != b.order)
            return Long.compare(a.order, b.order);
        return BindingComparator.compareNodesRaw(a == null ? null : a.value, b == null ? null : b.value);
    }

    private static String lexical(NodeValue value) {
        Node n = value.asNode();
        return n.getLiteralLexicalForm();
    }

    private static LocalDate date(Matcher m) {
        int year = number(m, 1);
        if (year < 1)
            throw new DateTimeException("year 0000");
        return LocalDate.of(year, number(m, 2), number(m, 3));
    }

    private static int number(Matcher m, int group) { return Integer.parseInt(m.group(group)); }
}
