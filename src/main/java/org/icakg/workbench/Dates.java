package org.icakg.workbench;

import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** A date as precise as the source gives it: a year ({@code xsd:gYear}), a month ({@code xsd:gYearMonth}) or a day. */
final class Dates {

    static final String HINT = "a year (2025), a month (2025-06) or a day (2025-06-08), as precise as the source";

    private static final Pattern YEAR = Pattern.compile("\\d{4}"), MONTH = Pattern.compile("\\d{4}-\\d{2}"),
            DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Dates() {}

    /** The typed literal for {@code text}, or throws naming what is accepted. */
    static Node parse(String text) {
        String t = text.strip();
        XSDDatatype type = YEAR.matcher(t).matches() ? XSDDatatype.XSDgYear
                : MONTH.matcher(t).matches() ? XSDDatatype.XSDgYearMonth
                : DAY.matcher(t).matches() ? XSDDatatype.XSDdate : null;
        if (type == null || !type.isValid(t))
            throw new IllegalArgumentException("Not a date: \u201c" + text + "\u201d; write " + HINT + ".");
        return NodeFactory.createLiteralDT(t, type);
    }
}
