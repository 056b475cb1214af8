package org.icakg.sparql.plan;

import org.icakg.store.DateTerms;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.junit.jupiter.api.Test;

/** Dates and times sorted by their numbers come in Jena's order, whatever is mixed with them; their years are Jena's. */
class SortKeyTest {

    @Test
    void dates_and_times_compare_as_jena_compares_them_with_time_zones_other_types_and_bad_literals_among_them() {
        List<NodeValue> values = new ArrayList<>();
        for (String d : List.of("2001-03-04", "2001-03-05", "2001-12-31", "1999-01-01", "0001-01-01", "0000-01-01",
                "2001-03-04Z", "2001-03-04+05:00", "2001-02-30", "12001-01-01", "-0044-03-15", "2001-3-4"))
            values.add(NodeValue.makeNode(NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate)));
        for (String t : List.of("2001-03-04T00:00:00", "2001-03-04T00:00:00.0", "2001-03-04T00:00:00.0001",
                "2001-03-04T00:00:00.001", "2001-03-04T23:59:59.999999999", "2001-03-04T24:00:00",
                "2001-03-04T10:00:00Z", "2001-03-04T10:00:00-03:00", "1969-12-31T23:59:59.5", "1969-12-31T23:59:59.25"))
            values.add(NodeValue.makeNode(NodeFactory.createLiteralDT(t, XSDDatatype.XSDdateTime)));
        values.add(NodeValue.makeNode(NodeFactory.createLiteralDT("2001", XSDDatatype.XSDgYear)));
        values.add(NodeValue.makeNode(NodeFactory.createLiteralString("2001-03-04")));
        values.add(NodeValue.makeInteger(2001));
        values.add(null);
        LiteralValues kept = new LiteralValues();
        for (NodeValue a : values)
            for (NodeValue b : values) {
                int jena = Integer.signum(BindingComparator.compareNodesRaw(a, b));
                assertEquals(jena, Integer.signum(SortKey.compare(SortKey.of(a), SortKey.of(b))), a + " against " + b);
                assertEquals(jena, Integer.signum(SortKey.compare(term(a, kept), term(b, kept))),
                        a + " against " + b + ", from the terms");
            }
    }

    @Test
    void the_year_read_from_a_dates_text_is_the_year_jena_gives_and_other_dates_are_left_to_jena() {
        for (String d : List.of("2001-03-04", "0001-01-01", "9999-12-31", "2001-02-29"))
            year(NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate), !d.equals("2001-02-29"));
        for (String d : List.of("2001-03-04Z", "-0044-03-15", "12001-01-01"))
            year(NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate), false);
        for (String t : List.of("2001-12-31T23:59:59", "1999-01-01T00:00:00.5"))
            year(NodeFactory.createLiteralDT(t, XSDDatatype.XSDdateTime), true);
        for (String t : List.of("2001-12-31T23:59:59+05:00", "2001-12-31T24:00:00"))
            year(NodeFactory.createLiteralDT(t, XSDDatatype.XSDdateTime), false);
        year(NodeFactory.createLiteralDT("2001", XSDDatatype.XSDgYear), false);
        year(NodeFactory.createLiteralString("2001-03-04"), false);
    }

    private static void year(org.apache.jena.graph.Node literal, boolean read) {
        long year = DateTerms.year(literal);
        assertEquals(read, year != DateTerms.NONE, literal::toString);
        if (read)
            assertEquals(XSDFuncOp.getYear(NodeValue.makeNode(literal)).getInteger().longValue(), year, literal::toString);
    }

    private static SortKey term(NodeValue value, LiteralValues kept) {
        return SortKey.of(value == null ? null : value.asNode(), kept);
    }
}
