package org.icakg.sparql.plan;

import org.icakg.store.DateTerms;
import java.util.function.Supplier;

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
        long day = DateTerms.day(node);
        if (day != DateTerms.NONE)
            return new SortKey(Kind.DATE, day, value, made);
        long millisecond = DateTerms.millisecond(node);
        if (millisecond != DateTerms.NONE)
            return new SortKey(Kind.DATE_TIME, millisecond, value, made);
        return new SortKey(Kind.NONE, 0, value, made);
    }

    /** The day {@code key} orders by when it is a plain {@code xsd:date}, else {@link DateTerms#NONE} (also for null). */
    static long day(SortKey key) {
        return key != null && key.kind == Kind.DATE ? key.order : DateTerms.NONE;
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
}
