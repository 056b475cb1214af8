package org.icakg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.junit.jupiter.api.Test;

/**
 * A parser whose lexer buffers and base resolver are reused by a thread reads every query exactly as Jena's
 * {@code QueryFactory.parse} does, also right after a query that failed half-way, and reports the same error at the
 * same line and column.
 */
class QueryParsingTest {

    private static final String BASE = SmallQueries.BASE;

    /** Good and bad queries mixed, so that each good one follows parser state left by a failure or another query. */
    private static final String[] TEXTS = {
            "ASK {}",
            "SELECT * WHERE { ?s ?p }",                                            // syntax error, line 1
            "PREFIX ex: <http://example.org/> SELECT ?s { ?s ex:p _:b . _:b ex:q ?o }",
            "SELECT * { _:a ?p ?o . OPTIONAL { _:a ?q ?r } }",                    // label reused across groups: error
            "SELECT * { _:a ?p ?o }",                                             // the same label, now fine
            "SELECT ?x (COUNT(*) AS ?n) { ?x ?p ?o }",                             // not grouped by ?x: scope error
            "SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }",
            "BASE <http://example.org/> SELECT ?iri WHERE { VALUES ?iri { <relative/name> } }",
            "SELECT ?iri WHERE { VALUES ?iri { <again> } }",                       // the base is back to the default
            "SELECT * {\n  ?s ?p \"unterminated\n}",                               // lexical error, line 2
            "SELECT ?s (NOW() AS ?t) { { SELECT ?s { ?s ?p ?o } LIMIT 2 } FILTER(?s != <x>) } ORDER BY DESC(?t)",
            "ASK { ?s ?p ?o } # a comment at the end\n# and another",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 10 \u00e9",                         // a stray character
            "SELECT ?s { ?s <http://example.org/p> \"caf\u00e9\"@fr }",
            longQuery(),                                                            // longer than the lexer's 4,096 chars
            "ASK { ?s ?p 1 }"};

    private static String longQuery() {
        StringBuilder b = new StringBuilder("SELECT ?s WHERE { VALUES ?v {");
        for (int i = 0; b.length() < 9000; i++)
            b.append(" <http://example.org/item/").append(i).append('>');
        return b.append(" } ?s ?p ?v }").toString();
    }

    private static Query jena(String text) {
        Query q = new Query();
        q.getPrologue().setBase(IRIx.create(BASE));
        return QueryFactory.parse(q, text, null, Syntax.syntaxARQ);
    }

    private static void parsesAsJena(QueryParsing parsing, String text) {
        QueryParseException expected = null;
        Query want = null;
        try {
            want = jena(text);
        } catch (QueryParseException e) {
            expected = e;
        }
        if (expected != null) {
            QueryParseException got = assertThrows(QueryParseException.class, () -> parsing.parse(text), text);
            assertEquals(expected.getLine(), got.getLine(), text);
            assertEquals(expected.getColumn(), got.getColumn(), text);
            assertEquals(expected.getMessage(), got.getMessage(), text);
            return;
        }
        Query got = parsing.parse(text);
        assertEquals(want, got, text);
        assertEquals(want.serialize(), got.serialize(), text);
        assertEquals(Algebra.compile(want), Algebra.compile(got), text);
        assertEquals(want.getBaseURI(), got.getBaseURI(), text);
        assertEquals(want.getSyntax(), got.getSyntax(), text);
    }

    @Test
    void every_query_reads_as_jena_reads_it_in_any_order_on_one_thread() {
        QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
        for (int round = 0; round < 3; round++)
            for (String text : TEXTS)
                parsesAsJena(parsing, text);
        for (int i = TEXTS.length - 1; i >= 0; i--)
            parsesAsJena(parsing, TEXTS[i]);
    }

    @Test
    void threads_parsing_at_once_do_not_disturb_each_other() throws Exception {
        QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++)
                        parsesAsJena(parsing, TEXTS[(i + offset) % TEXTS.length]);
                    return null;
                }));
            }
            for (Future<?> run : runs)
                run.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
