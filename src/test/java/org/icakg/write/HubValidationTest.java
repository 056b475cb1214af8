package org.icakg.write;

import org.icakg.validate.Validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.update.UpdateFactory;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;
import org.icakg.support.RecomputedCopy;
import org.icakg.support.Fixtures;
import org.icakg.validate.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write is validated on what it can change, not on the whole of every node it touches: these are the cases where
 * that could let a violation through, each on a node the write does not describe itself (a "hub" that only gains
 * inferred inverse or symmetric statements), and a check that the gate agrees with validating the whole graph.
 */
class HubValidationTest {

    static final String PREFIXES = WriteGateTest.PREFIXES + """
            PREFIX mineral: <https://w3id.org/ica-kg/id/mineral/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    KnowledgeBase kb;
    WriteGate gate;

    @BeforeEach
    void open() {
        Bundle bundle = new Bundle(Bundle.readAll(List.of(Fixtures.DIR.resolve("ontology.ttl"))),
                Bundle.readAll(List.of(Fixtures.DIR.resolve("hub-shapes.ttl"))),
                Bundle.readAll(List.of(Fixtures.DIR.resolve("data.trig"))));
        kb = KnowledgeBase.open(bundle, Vocab.DEFAULT, Stores.inMemory());
        gate = new WriteGate(kb, AuditLog.inMemory());
    }

    WriteGate.Outcome update(String sparql) {
        var request = UpdateFactory.create(PREFIXES + sparql);
        return gate.write("alice", dsg -> UpdateExec.dataset(dsg).update(request).execute(), List.of());
    }

    @Test
    void these_shapes_and_the_bundled_ones_are_validated_by_scope_and_the_write_fixture_shapes_are_not() {
        assertTrue(Validator.of(kb).scopesWrites());
        assertTrue(Validator.of(KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT)).scopesWrites(),
                "the project's shapes stay within what scoped validation handles exactly");
        assertFalse(Validator.of(Fixtures.inMemory()).scopesWrites(), "sh:node on values needs whole-node validation");
    }

    @Test
    void a_maximum_count_exceeded_on_a_forum_by_inferred_members_is_refused() {
        WriteGate.Outcome outcome = update("""
                INSERT DATA { GRAPH passage:t {
                    state:uzbekistan a ica:State ; rdfs:label "Uzbekistan"@en ; ica:memberOf forum:dialogue .
                    state:tajikistan a ica:State ; rdfs:label "Tajikistan"@en ; ica:memberOf forum:dialogue . } }""");
        assertFalse(outcome.committed());
        assertTrue(findingOn(outcome, "id/forum/dialogue", "MaxCount"), outcome.report().findings().toString());
    }

    @Test
    void a_member_within_the_maximum_is_accepted() {
        WriteGate.Outcome outcome = update("""
                INSERT DATA { GRAPH passage:t {
                    state:uzbekistan a ica:State ; rdfs:label "Uzbekistan"@en ; ica:memberOf forum:dialogue . } }""");
        assertTrue(outcome.committed(), outcome.report().findings().toString());
    }

    @Test
    void a_value_of_the_wrong_class_reaching_a_state_through_an_inferred_inverse_path_is_refused() {
        WriteGate.Outcome outcome = update("INSERT DATA { GRAPH passage:t { place:almaty ica:partnerOf state:india } }");
        assertFalse(outcome.committed());
        assertTrue(findingOn(outcome, "id/state/india", "Class"), outcome.report().findings().toString());
    }

    @Test
    void a_neighbour_losing_its_class_is_caught_on_the_state_it_points_at() {
        assertTrue(update("""
                INSERT DATA { GRAPH passage:t {
                    state:tajikistan a ica:State ; rdfs:label "Tajikistan"@en ; ica:partnerOf state:india . } }""")
                .committed());
        WriteGate.Outcome outcome = update("DELETE DATA { GRAPH passage:t { state:tajikistan a ica:State } }");
        assertFalse(outcome.committed());
        assertTrue(findingOn(outcome, "id/state/india", "Class"), outcome.report().findings().toString());
    }

    @Test
    void a_forum_losing_both_label_and_definition_breaks_its_sh_or() {
        WriteGate.Outcome outcome = update("DELETE WHERE { GRAPH ?g { forum:dialogue rdfs:label ?l } }");
        assertFalse(outcome.committed());
        assertTrue(findingOn(outcome, "id/forum/dialogue", "Or"), outcome.report().findings().toString());
    }

    @Test
    void a_statement_outside_a_closed_shape_is_refused_on_a_place_that_gained_it() {
        WriteGate.Outcome outcome = update("INSERT DATA { GRAPH passage:t { place:central-asia ica:population 5 } }");
        assertFalse(outcome.committed());
        assertTrue(findingOn(outcome, "id/place/central-asia", "Closed"), outcome.report().findings().toString());
    }

    @Test
    void a_node_newly_targeted_as_the_subject_of_a_predicate_is_validated_in_full() {
        WriteGate.Outcome outcome = update("INSERT DATA { GRAPH passage:t { place:almaty ica:exports mineral:uranium } }");
        assertFalse(outcome.committed());
        assertTrue(findingOn(outcome, "id/place/almaty", "MinCount"), outcome.report().findings().toString());
    }

    @Test
    void the_gate_refuses_exactly_the_writes_after_which_the_whole_graph_does_not_conform() {
        List<String> writes = List.of(
                "INSERT DATA { GRAPH passage:t { state:uzbekistan a ica:State ; rdfs:label 'Uzbekistan'@en ; ica:memberOf forum:dialogue } }",
                "INSERT DATA { GRAPH passage:t { state:tajikistan a ica:State ; rdfs:label 'Tajikistan'@en ; ica:memberOf forum:dialogue } }",
                "INSERT DATA { GRAPH passage:t { state:india ica:population 7 } }",
                "INSERT DATA { GRAPH passage:t { state:india ica:partnerOf state:uzbekistan } }",
                "INSERT DATA { GRAPH passage:t { mineral:gold a ica:Mineral ; ica:partnerOf state:india } }",
                "DELETE DATA { GRAPH passage:t { state:uzbekistan ica:memberOf forum:dialogue } }",
                "INSERT DATA { GRAPH passage:t { state:tajikistan ica:memberOf forum:dialogue } }",
                "DELETE DATA { GRAPH passage:statement-01 { forum:dialogue rdfs:label 'India–Central Asia Dialogue'@en } }",
                "INSERT DATA { GRAPH passage:t { forum:dialogue skos:definition 'A dialogue.' } }",
                "DELETE DATA { GRAPH passage:statement-01 { forum:dialogue rdfs:label 'India–Central Asia Dialogue'@en } }",
                "INSERT DATA { GRAPH passage:t { place:kazakhstan-land rdfs:label 'Kazakh land'@en ; ica:exports mineral:gold } }",
                "INSERT DATA { GRAPH passage:t { mineral:gold ica:locatedIn place:kazakhstan-land } }",
                "DELETE WHERE { GRAPH ?g { state:uzbekistan ?p ?o } }",
                "INSERT DATA { GRAPH passage:t { state:kazakhstan ica:population 'many' } }");
        for (String w : writes) {
            boolean wholeGraphConforms = conformsAfter(w);
            WriteGate.Outcome outcome = update(w);
            assertEquals(wholeGraphConforms, outcome.committed(), w + "\n" + outcome.report().findings());
        }
    }

    /** Applies a write to a copy of the store, recomputes every inference and validates the whole graph. */
    boolean conformsAfter(String sparql) {
        DatasetGraph copy = RecomputedCopy.after(kb, sparql.isEmpty() ? "" : PREFIXES + sparql);
        return Txn.calculateRead(copy, () -> {
            List<Triple> asserted = copy.stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                    .filter(q -> kb.isAssertedGraph(q.getGraph())).map(Quad::asTriple).toList();
            return Validator.of(kb).validate(copy.getUnionGraph(), asserted.iterator()).getEntries().stream()
                    .noneMatch(e -> Severity.Violation.equals(e.severity()));
        });
    }

    static boolean findingOn(WriteGate.Outcome outcome, String focus, String component) {
        return outcome.report().findings().stream().anyMatch(f -> matches(f, focus, component));
    }

    static boolean matches(Finding f, String focus, String component) {
        return f.focusNode().equals(WriteGateTest.node(focus)) && f.component().equals(component + "ConstraintComponent");
    }
}
