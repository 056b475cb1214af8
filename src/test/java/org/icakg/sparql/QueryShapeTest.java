package org.icakg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one-pass measure of a query text that refuses over-nested and over-long queries before parsing. */
class QueryShapeTest {

    @Test
    void nesting_counts_every_kind_of_bracket() {
        assertEquals(new QueryShape(3, 0), QueryShape.of("SELECT * { ?s ?p [ ?q (1 2) ] }"));
        assertEquals(1000, QueryShape.of("SELECT * WHERE " + "{".repeat(1000) + "?s ?p ?o" + "}".repeat(1000)).depth());
    }

    @Test
    void brackets_and_operators_in_strings_iris_and_comments_do_not_count() {
        QueryShape shape = QueryShape.of("""
                # {{{ || &&
                SELECT * { ?s <http://example.org/a{b}> "{{ || }}" ; ?p '''(( && ''' . FILTER(?x != "\\"((") }
                """);
        assertEquals(new QueryShape(2, 0), shape);
    }

    @Test
    void less_than_is_not_taken_for_an_iri() {
        assertEquals(new QueryShape(2, 1), QueryShape.of("ASK { FILTER(?a < 3 || ?b > 4) }"));
    }

    @Test
    void logical_operators_are_counted() {
        String ors = String.join(" || ", java.util.Collections.nCopies(60_000, "?o = 1"));
        assertEquals(59_999, QueryShape.of("ASK { ?s ?p ?o FILTER(" + ors + ") }").logicalOperators());
    }

    @Test
    void the_problem_names_the_limit_and_the_value_seen() {
        String nested = QueryShape.of("{".repeat(1000)).problem().orElseThrow();
        assertTrue(nested.contains("limit is " + QueryShape.MAX_DEPTH) && nested.contains("has 1000"), nested);
        String ors = new QueryShape(1, 60_000).problem().orElseThrow();
        assertTrue(ors.contains("limit is 2000") && ors.contains("has 60000"), ors);
    }

    @Test
    void ordinary_queries_have_no_problem() {
        assertTrue(QueryShape.of("SELECT ?s WHERE { { ?s a ?c } UNION { ?s ?p ?o FILTER(?o > 1 && ?o < 9) } }")
                .problem().isEmpty());
        assertTrue(new QueryShape(QueryShape.MAX_DEPTH, QueryShape.MAX_LOGICAL_OPERATORS).problem().isEmpty());
    }

    @Test
    void an_unterminated_string_or_iri_ends_the_scan_quietly() {
        assertEquals(new QueryShape(1, 0), QueryShape.of("SELECT * { \"never closed"));
        assertEquals(new QueryShape(1, 0), QueryShape.of("SELECT * { <never-closed"));
    }
}
