package org.icakg.kb;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Comparable bounds of a date kept as precise as its source: {@code ica:date} gives {@code ica:startsOn} (its first
 * day) and {@code ica:endsOn} (its last day), {@code ica:startDate} gives {@code ica:startsOn}, {@code ica:endDate}
 * gives {@code ica:endsOn}; all as {@code xsd:date}, so one filter compares a year, a month and a day.
 */
final class DateBounds {

    private final Node date, startDate, endDate, startsOn, endsOn;

    DateBounds(Vocab vocab) {
        date = vocab.termNode("date");
        startDate = vocab.termNode("startDate");
        endDate = vocab.termNode("endDate");
        startsOn = vocab.termNode("startsOn");
        endsOn = vocab.termNode("endsOn");
    }

    /** Adds to {@code out}, with {@code support}, the bounds {@code t} gives, if it is a readable date of a dated thing. */
    void of(Triple t, Support support, Inference.Derivations out) {
        Node p = t.getPredicate(), o = t.getObject();
        boolean whole = p.equals(date), start = whole || p.equals(startDate), end = whole || p.equals(endDate);
        if (!(start || end) || !o.isLiteral())
            return;
        LocalDate[] range = range(o);
        if (range == null)
            return;
        if (start)
            out.add(Triple.create(t.getSubject(), startsOn, literal(range[0])), support);
        if (end)
            out.add(Triple.create(t.getSubject(), endsOn, literal(range[1])), support);
    }

    /** First and last day of an {@code xsd:date}, {@code xsd:dateTime}, {@code xsd:gYearMonth} or {@code xsd:gYear}; null otherwise. */
    static LocalDate[] range(Node literal) {
        String lex = literal.getLiteralLexicalForm().strip();
        String type = literal.getLiteralDatatypeURI();
        try {
            if (XSDDatatype.XSDgYear.getURI().equals(type)) {
                int y = digits(lex, 0, 4);
                Year year = y >= 0 ? Year.of(y) : Year.parse(lex.substring(0, 4));
                return new LocalDate[] {year.atDay(1), year.atMonth(12).atEndOfMonth()};
            }
            if (XSDDatatype.XSDgYearMonth.getURI().equals(type)) {
                int y = digits(lex, 0, 4), m = dash(lex, 4) ? digits(lex, 5, 2) : -1;
                YearMonth month = y >= 0 && m >= 0 ? YearMonth.of(y, m) : YearMonth.parse(lex.substring(0, 7));
                return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            }
            if (XSDDatatype.XSDdate.getURI().equals(type) || XSDDatatype.XSDdateTime.getURI().equals(type)) {
                int y = digits(lex, 0, 4), m = dash(lex, 4) ? digits(lex, 5, 2) : -1, d = dash(lex, 7) ? digits(lex, 8, 2) : -1;
                LocalDate day = y >= 0 && m >= 0 && d >= 0 ? LocalDate.of(y, m, d) : LocalDate.parse(lex.substring(0, 10));
                return new LocalDate[] {day, day};
            }
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            // An ill-formed date has no bounds; the shapes report the literal itself.
        }
        return null;
    }

    /**
     * The number written by the {@code n} ASCII digits of {@code lex} from {@code from}; -1 when they are not all
     * there. The usual dates ({@code 2025}, {@code 2025-06}, {@code 2025-06-30}) are read so, as {@code parse} reads
     * them (a month or day out of range is refused alike); anything else is left to {@code parse}, whose general
     * parser is large code for the compiler to compile during a load with tens of thousands of dates.
     */
    private static int digits(String lex, int from, int n) {
        if (lex.length() < from + n)
            return -1;
        int value = 0;
        for (int i = from; i < from + n; i++) {
            char c = lex.charAt(i);
            if (c < '0' || c > '9')
                return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean dash(String lex, int at) { return lex.length() > at && lex.charAt(at) == '-'; }

    private static Node literal(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }
}
