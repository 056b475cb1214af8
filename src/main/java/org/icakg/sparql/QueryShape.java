package org.icakg.sparql;

import java.util.Optional;

/**
 * How deeply a SPARQL query text nests brackets and how many {@code ||} and {@code &&} it chains, measured by one pass
 * over the text (strings, IRIs and comments skipped) before any parser sees it. Parsing, planning and printing a query
 * recurse once per level, so a query past these limits would exhaust a request thread's stack.
 */
public record QueryShape(int depth, int logicalOperators) {

    /** Deepest nesting of {@code { ( [} accepted. Hand-written and generated queries stay far below it. */
    public static final int MAX_DEPTH = 100;
    /** Most {@code ||} and {@code &&} in one query; a long list of alternatives is {@code VALUES} or {@code IN}. */
    public static final int MAX_LOGICAL_OPERATORS = 2_000;

    /** Measures a query text. */
    public static QueryShape of(String query) {
        int depth = 0, deepest = 0, operators = 0;
        int n = query.length();
        for (int i = 0; i < n; i++) {
            char c = query.charAt(i);
            switch (c) {
                case '#' -> i = endOfLine(query, i);
                case '"', '\'' -> i = endOfString(query, i);
                case '<' -> i = endOfIri(query, i);
                case '{', '(', '[' -> deepest = Math.max(deepest, ++depth);
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '|', '&' -> {
                    if (i + 1 < n && query.charAt(i + 1) == c) {
                        operators++;
                        i++;
                    }
                }
                default -> { }
            }
        }
        return new QueryShape(deepest, operators);
    }

    /** What is wrong with this shape, naming the limit and the value seen; empty when within the limits. */
    public Optional<String> problem() {
        if (depth > MAX_DEPTH)
            return Optional.of("Query nested too deeply: the limit is " + MAX_DEPTH + " levels of { ( [ brackets, this "
                    + "one has " + depth + ". Flatten the groups or split the query.");
        if (logicalOperators > MAX_LOGICAL_OPERATORS)
            return Optional.of("Query has too many || and && operators: the limit is " + MAX_LOGICAL_OPERATORS
                    + ", this one has " + logicalOperators + ". List alternatives with VALUES or IN (...) instead.");
        return Optional.empty();
    }

    private static int endOfLine(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl;
    }

    /** Index of the closing quote of the string starting at {@code i} (short or long form, with escapes). */
    private static int endOfString(String s, int i) {
        char q = s.charAt(i);
        boolean isLong = s.startsWith(String.valueOf(q).repeat(3), i);
        int j = i + (isLong ? 3 : 1);
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == q && (!isLong || s.startsWith(String.valueOf(q).repeat(3), j))) {
                return isLong ? j + 2 : j;
            } else if (!isLong && (c == '\n' || c == '\r')) {
                return j;
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** Skips an IRI reference {@code <...>}; a {@code <} that does not start one (less-than) is left alone. */
    private static int endOfIri(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '>')
                return j;
            if (c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`'
                    || c == '\\')
                return i;
        }
        return i;
    }
}
