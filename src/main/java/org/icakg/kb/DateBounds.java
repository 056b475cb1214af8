package org.icakg.kb;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

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
                Year y = Year.parse(lex.substring(0, 4));
                return new LocalDate[] {y.atDay(1), y.atMonth(12).atEndOfMonth()};
            }
            if (XSDDatatype.XSDgYearMonth.getURI().equals(type)) {
                YearMonth m = YearMonth.parse(lex.substring(0, 7));
                return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
            }
            if (XSDDatatype.XSDdate.getURI().equals(type) || XSDDatatype.XSDdateTime.getURI().equals(type)) {
                LocalDate d = LocalDate.parse(lex.substring(0, 10));
                return new LocalDate[] {d, d};
            }
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            // An ill-formed date has no bounds; the shapes report the literal itself.
        }
        return null;
    }

    private static Node literal(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }
}
