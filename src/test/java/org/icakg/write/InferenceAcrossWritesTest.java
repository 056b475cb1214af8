package org.icakg.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;
import org.icakg.kb.KnowledgeBase;
import org.icakg.support.BundledStores;
import org.icakg.support.RecomputedCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate remembers, across writes, which statements some graph states and which graphs are inferred. After every
 * write of a sequence in which a statement the inference derives is stated, asked about again, no longer stated and
 * asked about once more (with a refused write between), the union of the graphs of a real TDB2 store holds exactly
 * the statements of the same asserted data with every inference recomputed from scratch.
 */
class InferenceAcrossWritesTest {

    static final String PREFIXES = ScopedVerdictsTest.PREFIXES;

    /** In order; {@code state:india a ica:Place} is otherwise inferred ({@code ica:State} is a kind of place). */
    static final List<String> WRITES = List.of(
            // The inferred class stated in a passage: no longer inferred.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 { state:india a ica:Place . } }""",
            // A meeting held in India: the place's class is derived again, and is stated.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-08 {
              meeting:in-delhi a ica:Meeting ; rdfs:label "In Delhi"@en ; ica:date "2026"^^xsd:gYear ;
                ica:meetingOf forum:india-central-asia-dialogue ; ica:heldIn state:india . } }""",
            // Refused (a state is not a forum): nothing it asked may be remembered.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 { state:india a ica:Forum . } }""",
            // No longer stated: inferred again.
            """
            DELETE DATA { GRAPH passage:soulguide-india-central-asia-partnership-10 { state:india a ica:Place . } }""",
            // Another meeting held in India: the class is derived again, and is not stated.
            """
            INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-08 {
              meeting:in-mumbai a ica:Meeting ; rdfs:label "In Mumbai"@en ; ica:date "2026"^^xsd:gYear ;
                ica:meetingOf forum:india-central-asia-dialogue ; ica:heldIn state:india . } }""",
            // The first meeting withdrawn.
            "DELETE WHERE { GRAPH ?g { meeting:in-delhi ?p ?o } }");

    @RegisterExtension
    final BundledStores stores = new BundledStores();

    KnowledgeBase kb;

    @Test
    void on_a_tdb2_store_the_statements_after_each_write_are_those_recomputed_from_scratch() {
        kb = stores.tdb2();
        checkEveryWrite();
    }

    @Test
    void in_memory_the_statements_after_each_write_are_those_recomputed_from_scratch() {
        kb = stores.inMemory();
        checkEveryWrite();
    }

    private void checkEveryWrite() {
        WriteGate gate = new WriteGate(kb, AuditLog.inMemory());
        int committed = 0;
        for (String w : WRITES) {
            var request = UpdateFactory.create(PREFIXES + w);
            if (gate.write("alice", dsg -> UpdateExec.dataset(dsg).update(request).execute(), List.of()).committed())
                committed++;
            Set<Triple> expected = union(RecomputedCopy.after(kb, "")), served = union(kb.dataset());
            assertEquals(Set.of(), difference(expected, served), "statements missing after:\n" + w);
            assertEquals(Set.of(), difference(served, expected), "statements in excess after:\n" + w);
        }
        assertEquals(WRITES.size() - 1, committed, "every write but the forum is committed");
    }

    private static Set<Triple> union(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY).map(Quad::asTriple)
                .collect(Collectors.toSet()));
    }

    private static Set<Triple> difference(Set<Triple> a, Set<Triple> b) {
        Set<Triple> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
