package org.icakg.store;

import java.util.Iterator;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A graph whose look-ups of one predicate by subject or by object can be had once and called many times: a query
 * matching {@code ?m ica:date ?d} for each of a thousand meetings finds the predicate's column once, not once per
 * meeting. Implemented by the in-memory store's union graph.
 */
public interface ColumnLookups {

    /**
     * The statements of predicate {@code p} by subject ({@code bySubject}) or by object, as a function of that
     * subject or object, equal to {@code find(s, p, ANY)} or {@code find(ANY, p, o)}; null when this graph has no
     * such column at hand (then {@code find} answers, and counts towards building it). Valid for the current
     * transaction only.
     */
    Function<Node, Iterator<Triple>> lookup(Node p, boolean bySubject);

    /**
     * The same statements in arrays indexed by dense node numbers ({@link DenseColumn}) when that column is built,
     * or built now because queries have asked for it often enough (each call is one ask: a query asks once per step
     * and way, in the order of its steps); else null. Valid for the current transaction only.
     */
    default DenseColumn dense(Node p, boolean bySubject) { return null; }
}
