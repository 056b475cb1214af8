package org.icakg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.icakg.kb.Vocab;
import org.junit.jupiter.api.Test;

/**
 * The pages' background queries run under their own time limit, not the data set's (a request's): a count of the whole
 * graph that a request's limit cuts off answers in the background.
 */
class BackgroundQueriesTest {

    static final int STATEMENTS = 300_000;

    static DatasetGraph graphWithTinyRequestLimit() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        var g = Quad.defaultGraphIRI;
        var p = NodeFactory.createURI("https://example.org/p");
        for (int i = 0; i < STATEMENTS; i++)
            dsg.add(new Quad(g, NodeFactory.createURI("https://example.org/s" + (i % 1000)), p,
                    NodeFactory.createURI("https://example.org/o" + i)));
        dsg.getContext().set(ARQ.queryTimeout, "1");
        return dsg;
    }

    @Test
    void a_query_cut_off_by_the_request_limit_answers_under_the_background_limit() {
        DatasetGraph dsg = graphWithTinyRequestLimit();
        assertThrows(QueryCancelledException.class, () -> new QueryLibrary(Vocab.DEFAULT, dsg).select("totals"),
                "the data set's limit applies to a request's queries");
        var totals = new QueryLibrary(Vocab.DEFAULT, dsg, Stats.BACKGROUND_LIMIT).select("totals").get(0);
        assertEquals(STATEMENTS, ((Number) totals.get("triples").getLiteralValue()).longValue());
        assertEquals(1000, ((Number) totals.get("subjects").getLiteralValue()).longValue());
    }

    @Test
    void an_aborted_library_refuses_its_next_query() {
        QueryLibrary queries = new QueryLibrary(Vocab.DEFAULT, graphWithTinyRequestLimit(), Stats.BACKGROUND_LIMIT);
        queries.abortRunning();
        assertThrows(QueryCancelledException.class, () -> queries.select("totals"));
    }
}
