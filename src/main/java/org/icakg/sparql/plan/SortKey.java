package org.icakg.sparql.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * The value of one sort condition for one row, with a number that orders it quickly where one exists: an
 * {@code xsd:date} or {@code xsd:dateTime} literal written without a time zone is ordered by its day, or its
 * millisecond, as a {@code long}, read from its text, where Jena makes a calendar of each literal and compares two
 * calendars (copying both) at every comparison. Two keys whose numbers differ compare as the numbers; otherwise
 * (other values, a time zone, the same day or millisecond) as {@link BindingComparator} compares their values, made
 * only then, so the order is Jena's exactly.
 */
final class SortKey {

    /** What {@link #order} orders: nothing, days or milliseconds. */
    enum Kind { NONE, DATE, DATE_TIME }

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)");
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))?");

    private final Kind kind;
    private final long order;
    private Supplier<NodeValue> made;
    private NodeValue value;

    private SortKey(Kind kind, long order, NodeValue value, Supplier<NodeValue> made) {
        this.kind = kind;
        this.order = order;
        this.value = value;
        this.made = made;
    }

    /** The key of a value already computed; null when unbound (it sorts first). */
    static SortKey of(NodeValue value) {
        return value == null ? null : of(value.asNode(), value, null);
    }

    /** The key of the term {@code node} (null when unbound), its value made by {@code values} when needed. */
    static SortKey of(Node node, LiteralValues values) {
        return node == null ? null : of(node, null, () -> values.of(node));
    }

    private static SortKey of(Node node, NodeValue value, Supplier<NodeValue> made) {
        if (node.isLiteral()) {
            RDFDatatype type = node.getLiteralDatatype();
            try {
                if (type == XSDDatatype.XSDdate) {
                    Matcher m = DATE.matcher(node.getLiteralLexicalForm());
                    if (m.matches())
                        return new SortKey(Kind.DATE, date(m).toEpochDay(), value, made);
                } else if (type == XSDDatatype.XSDdateTime) {
                    Matcher m = DATE_TIME.matcher(node.getLiteralLexicalForm());
                    if (m.matches()) {
                        String fraction = m.group(7) == null ? "" : m.group(7);
                        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
                        LocalDateTime t = date(m).atTime(number(m, 4), number(m, 5), number(m, 6), nanos);
                        return new SortKey(Kind.DATE_TIME, t.toInstant(ZoneOffset.UTC).toEpochMilli(), value, made);
                    }
                }
            } catch (DateTimeException | ArithmeticException e) {
                // Not a valid date, or out of the range of java.time (or 24:00:00): Jena's comparison orders it.
            }
        }
        return new SortKey(Kind.NONE, 0, value, made);
    }

    private NodeValue value() {
        if (value == null) {
            value = made.get();
            made = null;
        }
        return value;
    }

    /** {@link BindingComparator#compareNodesRaw}'s order of two keys (either may be null, unbound). */
    static int compare(SortKey a, SortKey b) {
        if (a != null && b != null && a.kind != Kind.NONE && a.kind == b.kind && a.order != b.order)
            return Long.compare(a.order, b.order);
        return BindingComparator.compareNodesRaw(a == null ? null : a.value(), b == null ? null : b.value());
    }

    private static LocalDate date(Matcher m) {
        int year = number(m, 1);
        if (year < 1)
            throw new DateTimeException("year 0000");
        return LocalDate.of(year, number(m, 2), number(m, 3));
    }

    private static int number(Matcher m, int group) { return Integer.parseInt(m.group(group)); }
}
