package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.sparql.plan.QueryPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real TDB2 store of the bundled data, the planned queries of the benchmark's shapes (the latest rows of a sort,
 * a count per group, a filtered list) answer the same rows, in the same order, as the query run as written.
 */
class Tdb2PlansTest {

    static final String PREFIXES = """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    @TempDir
    Path tmp;

    KnowledgeBase kb;

    @AfterEach
    void close() {
        if (kb != null)
            Stores.close(kb.dataset());
    }

    @Test
    void the_latest_meetings_sorted_and_cut_are_those_of_the_plain_plan() {
        same("SELECT ?meeting ?date WHERE { ?meeting a ica:Meeting ; ica:date ?date } ORDER BY DESC(?date) ?meeting LIMIT 3");
    }

    @Test
    void a_count_per_group_is_that_of_the_plain_plan() {
        same("""
                SELECT ?party (COUNT(?commitment) AS ?n) WHERE { ?commitment a ica:Commitment ; ica:party ?party }
                GROUP BY ?party ORDER BY DESC(?n) ?party""");
    }

    @Test
    void a_filtered_list_is_that_of_the_plain_plan() {
        same("""
                SELECT ?meeting ?label WHERE { ?meeting a ica:Meeting ; ica:date ?date ; rdfs:label ?label
                  FILTER(YEAR(?date) >= 2020) } ORDER BY ?meeting ?label""");
    }

    private void same(String query) {
        if (kb == null)
            kb = KnowledgeBase.open(Bundle.bundled(), Vocab.DEFAULT, Stores.tdb2(tmp.resolve("store")));
        List<String> planned = rows(QueryExec.dataset(kb.dataset()).query(QueryFactory.create(PREFIXES + query)));
        List<String> plain = rows(QueryPlans.unplanned(QueryExec.dataset(kb.dataset())
                .query(QueryFactory.create(PREFIXES + query))));
        assertFalse(plain.isEmpty(), "the bundled data answers " + query);
        assertEquals(plain, planned, query);
    }

    private List<String> rows(QueryExecBuilder builder) {
        return rows(kb.dataset(), builder);
    }

    /** The rows of a SELECT, as text, in a read transaction of {@code dataset} (shared with {@code Tdb2CountsTest}). */
    static List<String> rows(DatasetGraph dataset, QueryExecBuilder builder) {
        return Txn.calculateRead(dataset, () -> {
            List<String> out = new ArrayList<>();
            try (QueryExec exec = builder.build()) {
                exec.select().forEachRemaining(b -> out.add(b.toString()));
            }
            return out;
        });
    }
}
