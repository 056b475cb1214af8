package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the ontology entails is answerable by plain SPARQL, and kept apart from what is asserted. */
class InferenceTest {

    static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        Bundle bundle = new Bundle(Bundle.readAll(List.of(Path.of("src/test/resources/fixtures/inference-ontology.ttl"))),
                List.of(), Bundle.readAll(List.of(Path.of("src/test/resources/fixtures/inference-data.trig"))));
        kb = KnowledgeBase.inMemory(bundle, Vocab.DEFAULT);
    }

    static boolean ask(String where) {
        String q = "PREFIX ex: <https://example.org/o#> PREFIX d: <https://example.org/d/> ASK { " + where + " }";
        return Txn.calculateRead(kb.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(kb.dataset())).query(q).build()) {
                return qe.execAsk();
            }
        });
    }

    @Test
    void subclass_membership_is_answerable_without_asking_for_inference() {
        assertTrue(ask("d:kz a ex:State"));
        assertTrue(ask("d:kz a ex:Actor"));
    }

    @Test
    void symmetric_inverse_and_subproperty_statements_are_answerable() {
        assertTrue(ask("d:uz ex:borders d:kz"));
        assertTrue(ask("d:dialogue ex:hostedBy d:india"));
        assertTrue(ask("d:kz ex:involvedIn d:dialogue"));
    }

    @Test
    void transitive_statements_are_closed() {
        assertTrue(ask("d:almaty ex:partOf d:asia"));
        assertTrue(ask("d:kz ex:partOf d:asia"));
    }

    @Test
    void domain_and_range_give_types() {
        assertTrue(ask("d:dialogue a ex:Meeting"));
    }

    @Test
    void inferred_statements_live_in_their_own_graph_and_asserted_ones_do_not_move() {
        String inferred = "FILTER(STRSTARTS(STR(?g), \"" + kb.vocab().inferredGraphPrefix() + "\"))";
        assertTrue(ask("GRAPH ?g { d:uz ex:borders d:kz } " + inferred));
        assertFalse(ask("GRAPH ?g { d:kz ex:borders d:uz } " + inferred), "asserted, so not repeated");
        assertTrue(ask("GRAPH <https://example.org/g/1> { d:kz ex:borders d:uz }"));
        assertFalse(ask("GRAPH ?g { d:uz ex:borders d:kz } FILTER(!STRSTARTS(STR(?g), \"" + kb.vocab().inferredGraphPrefix() + "\"))"));
    }

    @Test
    void an_inferred_statement_names_the_graph_whose_statements_entail_it() {
        assertTrue(ask("GRAPH ?g { d:uz ex:borders d:kz } GRAPH <" + kb.vocab().inferredGraph().getURI() + "> "
                + "{ ?g <http://www.w3.org/ns/prov#wasDerivedFrom> <https://example.org/g/1> }"));
    }

    @Test
    void nothing_is_inferred_that_the_axioms_do_not_give() {
        long n = Txn.calculateRead(kb.dataset(), () -> kb.dataset().stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                .filter(q -> kb.vocab().isInferred(q.getGraph()) && !q.getGraph().equals(kb.vocab().inferredGraph()))
                .map(org.apache.jena.sparql.core.Quad::asTriple).distinct().count());
        // kz a State, kz a Actor ; uz borders kz ; dialogue hostedBy india ; kz involvedIn dialogue ;
        // dialogue a Meeting (range) ; partOf closure: almaty→centralAsia, almaty→asia, kz→asia
        assertEquals(9, n);
        assertFalse(ask("d:india a ex:Actor"));
        assertFalse(ask("d:asia ex:partOf ?x"));
    }
}
