package org.icakg.store;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * {@code xsd:date} and {@code xsd:dateTime} literals read from their text when written without a time zone, as
 * numbers: cheaper than Jena's value of the literal (a calendar parsed from the text, checked, and copied for each
 * comparison). Anything else (a time zone, a year beyond 9999 or before 1, 24:00:00, an invalid date) is not read
 * here, and the caller asks Jena.
 */
public final class DateTerms {

    /** Returned when a term is not read here. */
    public static final long NONE = Long.MIN_VALUE;

    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))?");

    private DateTerms() {}

    /** The day of an {@code xsd:date} literal (days since 1970-01-01), or {@link #NONE}. */
    public static long day(Node node) {
        if (!node.isLiteral() || node.getLiteralDatatype() != XSDDatatype.XSDdate)
            return NONE;
        String text = node.getLiteralLexicalForm();
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-')
            return NONE;
        int year = digits(text, 0, 4), month = digits(text, 5, 7), day = digits(text, 8, 10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth())
            return NONE;
        return LocalDate.of(year, month, day).toEpochDay();
    }

    /** The number written in {@code text} from {@code from} to {@code to} (ASCII digits only), or -1. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The millisecond of an {@code xsd:dateTime} literal (since 1970-01-01T00:00:00, rounded down), or {@link #NONE}. */
    public static long millisecond(Node node) {
        Matcher m = matcher(node, XSDDatatype.XSDdateTime, DATE_TIME);
        if (m == null)
            return NONE;
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            LocalDateTime t = date(m).atTime(number(m, 4), number(m, 5), number(m, 6), nanos);
            return t.toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return NONE;
        }
    }

    /** The year of an {@code xsd:date} or {@code xsd:dateTime} literal read here, or {@link #NONE}. */
    public static long year(Node node) {
        if (day(node) != NONE || millisecond(node) != NONE)
            return Integer.parseInt(node.getLiteralLexicalForm().substring(0, 4));
        return NONE;
    }

    private static Matcher matcher(Node node, XSDDatatype type, Pattern pattern) {
        if (!node.isLiteral() || node.getLiteralDatatype() != type)
            return null;
        Matcher m = pattern.matcher(node.getLiteralLexicalForm());
        return m.matches() ? m : null;
    }

    private static LocalDate date(Matcher m) {
        int year = number(m, 1);
        if (year < 1)
            throw new DateTimeException("year 0000");
        return LocalDate.of(year, number(m, 2), number(m, 3));
    }

    private static int number(Matcher m, int group) { return Integer.parseInt(m.group(group)); }
}
