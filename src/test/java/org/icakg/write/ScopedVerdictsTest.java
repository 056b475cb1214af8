package org.icakg.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;
import org.icakg.support.BundledStores;
import org.icakg.support.RecomputedCopy;
import org.icakg.kb.KnowledgeBase;
import org.icakg.store.Stores;
import org.icakg.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The write gate validates only what a change can affect in the union of the graphs; on the bundled data, in a real
 * TDB2 store and in memory, it refuses exactly the writes after which validating the whole graph (every inference
 * recomputed) finds a violation, and names the same nodes and constraints. The writes touch hubs the way curation does:
 * states and forums gaining values, statements restated in another graph (the union unchanged) and then removed from
 * their first graph, hubs losing every label or type, values of the wrong class.
 */
class ScopedVerdictsTest {

    static final String PREFIXES = """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX meeting: <https://w3id.org/ica-kg/id/meeting/>
            PREFIX forum: <https://w3id.org/ica-kg/id/forum/>
            PREFIX city: <https://w3id.org/ica-kg/id/city/>
            PREFIX state: <https://w3id.org/ica-kg/id/state/>
            PREFIX status: <https://w3id.org/ica-kg/id/status/>
            PREFIX mineral: <https://w3id.org/ica-kg/id/mineral/>
            PREFIX commitment: <https://w3id.org/ica-kg/id/commitment/>
            PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
            PREFIX wikidata: <https://w3id.org/ica-kg/graph/external/wikidata>
            """;

    /** In order, each applied to the store as the previous one left it (a refused write leaves it as it was). */
    static final List<String> WRITES = List.of(
            // A new meeting of a forum, with states taking part: forum and states gain inverse statements.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-08 {
              meeting:dialogue-5 a ica:Meeting ; rdfs:label "5th India–Central Asia Dialogue"@en ;
                ica:meetingOf forum:india-central-asia-dialogue ; ica:date "2026-03"^^xsd:gYearMonth ;
                ica:heldIn city:new-delhi ; ica:hadParticipant state:uzbekistan , state:india . } }""",
            // A hub's type and label restated in another graph: the union does not change.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              state:kazakhstan a ica:State ; rdfs:label "Kazakhstan"@en . } }""",
            // ... then removed from the graph that first stated them: still in the union.
            """
            DELETE DATA { GRAPH passage:soulguide-india-central-asia-partnership-07 {
              state:kazakhstan a ica:State ; rdfs:label "Kazakhstan"@en . } }""",
            // ... and from the last graph stating the label: the state has no label left.
            """
            DELETE DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              state:kazakhstan rdfs:label "Kazakhstan"@en . } }""",
            // A new commitment of states at an existing meeting.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              commitment:meet-again a ica:Commitment ; rdfs:label "Meet again"@en ; ica:status status:proposed ;
                ica:madeAt meeting:india-central-asia-dialogue-4 ; ica:party state:india , state:kazakhstan . } }""",
            // A commitment whose party is a mineral.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              commitment:mined a ica:Commitment ; rdfs:label "Mined"@en ; ica:status status:proposed ;
                ica:party mineral:rare-earth-elements . } }""",
            // An existing meeting of a second forum: its maximum of one.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              meeting:india-central-asia-dialogue-4 ica:meetingOf forum:india-central-asia-business-council . } }""",
            // A second capital for a state.
            "INSERT DATA { GRAPH wikidata: { state:india ica:capital city:tashkent } }",
            // The same capital stated again in a passage: nothing new in the union.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              state:india ica:capital city:new-delhi . } }""",
            // A new meeting held in a state rather than a city.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              meeting:in-a-state a ica:Meeting ; rdfs:label "Held in a state"@en ; ica:date "2026"^^xsd:gYear ;
                ica:meetingOf forum:india-central-asia-dialogue ; ica:heldIn state:india . } }""",
            // A label in French on an existing commitment.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              commitment:simplify-transit-procedures rdfs:label "Simplifier le transit"@fr . } }""",
            // A state retyped as a forum, a class disjoint with it.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 {
              state:india a ica:Forum . } }""",
            // A forum losing every label.
            "DELETE WHERE { GRAPH ?g { forum:india-central-asia-dialogue rdfs:label ?l } }",
            // A state losing every statement about it, while meetings still name it.
            "DELETE WHERE { GRAPH ?g { state:uzbekistan ?p ?o } }",
            // The new meeting withdrawn.
            "DELETE WHERE { GRAPH ?g { meeting:dialogue-5 ?p ?o } }");

    @RegisterExtension
    final BundledStores stores = new BundledStores();

    KnowledgeBase kb;

    @Test
    void on_a_tdb2_store_the_gate_refuses_exactly_what_whole_validation_refuses() {
        kb = stores.tdb2();
        assertTrue(Stores.isTdb2(kb.dataset()));
        checkEveryWrite();
    }

    @Test
    void in_memory_the_gate_refuses_exactly_what_whole_validation_refuses() {
        kb = stores.inMemory();
        checkEveryWrite();
    }

    private void checkEveryWrite() {
        WriteGate gate = new WriteGate(kb, AuditLog.inMemory());
        assertEquals(Set.of(), violationsAfter(""), "the bundled data conforms before any write");
        int committed = 0, refused = 0;
        for (String w : WRITES) {
            Set<String> whole = violationsAfter(w);
            var request = UpdateFactory.create(PREFIXES + w);
            WriteGate.Outcome outcome = gate.write("alice",
                    dsg -> UpdateExec.dataset(dsg).update(request).execute(), List.of());
            Set<String> scoped = outcome.report().findings().stream().filter(f -> f.isViolation())
                    .map(f -> f.focusNode() + " " + f.component()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(whole.isEmpty(), outcome.committed(), w + "\n" + outcome.report().findings());
            assertEquals(whole, scoped, "the same nodes and constraints as whole validation, after:\n" + w);
            if (outcome.committed())
                committed++;
            else
                refused++;
        }
        assertTrue(committed >= 5 && refused >= 5, committed + " committed, " + refused + " refused");
    }

    /**
     * The violations of the whole graph after {@code sparql}: the asserted quads copied, the write applied, every
     * inference recomputed and everything validated (focus node and constraint of each).
     */
    private Set<String> violationsAfter(String sparql) {
        DatasetGraph copy = RecomputedCopy.after(kb, sparql.isEmpty() ? "" : PREFIXES + sparql);
        return Txn.calculateRead(copy, () -> {
            List<Triple> asserted = new ArrayList<>();
            copy.stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY).filter(q -> kb.isAssertedGraph(q.getGraph()))
                    .map(Quad::asTriple).forEach(asserted::add);
            Set<String> out = new TreeSet<>();
            for (ReportEntry e : Validator.of(kb).validate(copy.getUnionGraph(), asserted.iterator()).getEntries())
                if (Severity.Violation.equals(e.severity()))
                    out.add(e.focusNode() + " " + e.sourceConstraintComponent().getLocalName());
            return out;
        });
    }
}
