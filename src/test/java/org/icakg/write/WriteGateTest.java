package org.icakg.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateFactory;
import org.icakg.kb.KnowledgeBase;
import org.icakg.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gated write: inferences kept equal to a full recomputation, and nothing written unless it conforms. */
class WriteGateTest {

    static final String PREFIXES = """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            PREFIX state: <https://w3id.org/ica-kg/id/state/>
            PREFIX forum: <https://w3id.org/ica-kg/id/forum/>
            PREFIX place: <https://w3id.org/ica-kg/id/place/>
            PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    KnowledgeBase kb;
    WriteGate gate;

    @BeforeEach
    void open() {
        kb = Fixtures.inMemory();
        gate = new WriteGate(kb, AuditLog.inMemory());
    }

    WriteGate.Outcome update(String sparql) {
        var request = UpdateFactory.create(PREFIXES + sparql);
        return gate.write("alice", dsg -> UpdateExec.dataset(dsg).update(request).execute(), List.of());
    }

    @Test
    void inferences_after_additions_and_deletions_equal_a_full_recomputation() {
        List<String> updates = List.of(
                "INSERT DATA { GRAPH passage:t { state:uzbekistan a ica:State ; rdfs:label 'Uzbekistan' ; ica:memberOf forum:dialogue } }",
                "DELETE DATA { GRAPH passage:statement-01 { state:kazakhstan ica:partnerOf state:india } }",
                "DELETE DATA { GRAPH passage:statement-02 { place:kazakhstan-land ica:locatedIn place:central-asia } }",
                "INSERT DATA { GRAPH passage:t { place:kazakhstan-land ica:locatedIn place:central-asia . place:central-asia ica:locatedIn place:asia } }",
                "DELETE DATA { GRAPH passage:statement-01 { state:india a ica:State } }",
                "DELETE WHERE { GRAPH ?g { state:uzbekistan ?p ?o } }",
                "INSERT DATA { state:india ica:partnerOf state:kazakhstan }");
        for (String u : updates) {
            WriteGate.Outcome outcome = update(u);
            assertTrue(outcome.committed(), u + "\n" + outcome.report().findings());
            assertEquals(recomputedInferences(), inferencesWithSources(), "after " + u);
        }
    }

    @Test
    void a_type_still_entailed_after_its_assertion_is_deleted_becomes_inferred() {
        update("DELETE DATA { GRAPH passage:statement-01 { state:india a ica:State } }");
        assertTrue(inferences().contains(Triple.create(node("id/state/india"),
                org.apache.jena.vocabulary.RDF.type.asNode(), NodeFactory.createURI("https://w3id.org/ica-kg/ontology#State"))));
    }

    @Test
    void a_write_that_does_not_conform_leaves_every_quad_as_it_was() {
        DatasetGraph before = Fixtures.copy(kb.dataset());
        WriteGate.Outcome outcome = update("INSERT DATA { GRAPH passage:t { state:atlantis a ica:State ; ica:population 'many' } }");
        assertFalse(outcome.committed());
        assertEquals(2, outcome.report().violations());
        assertTrue(IsoMatcher.isomorphic(before, Fixtures.copy(kb.dataset())));
        assertTrue(gate.audit().recent(10).isEmpty());
    }

    @Test
    void removing_a_label_is_caught_on_the_node_that_refers_to_it() {
        update("INSERT DATA { GRAPH passage:t { forum:sco a ica:Forum ; rdfs:label 'SCO' ; ica:hasMember state:india } }");
        WriteGate.Outcome outcome = update("DELETE WHERE { GRAPH ?g { state:india rdfs:label ?l } }");
        assertFalse(outcome.committed());
        assertTrue(outcome.report().findings().stream().anyMatch(f -> f.focusNode().equals(node("id/forum/sco"))));
    }

    @Test
    void a_write_the_disk_cannot_take_is_refused_as_a_full_disk_and_nothing_is_written() {
        DatasetGraph before = Fixtures.copy(kb.dataset());
        StoreWriteException e = assertThrows(StoreWriteException.class, () -> failingWrite(
                new UncheckedIOException("cannot write node", new IOException(StoreWriteException.NO_SPACE))));
        assertTrue(e.diskFull());
        assertEquals("the store's disk is full: No space left on device; nothing was written", e.getMessage());
        assertTrue(IsoMatcher.isomorphic(before, Fixtures.copy(kb.dataset())));
        assertTrue(gate.audit().recent(10).isEmpty());
    }

    @Test
    void a_fault_on_a_memory_mapped_store_file_is_refused_as_a_store_failure() {
        StoreWriteException e = assertThrows(StoreWriteException.class, () -> failingWrite(
                new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java code")));
        assertFalse(e.diskFull(), "without a store folder the free space is unknown");
        assertTrue(e.getMessage().startsWith("the store could not be written: a memory-mapped store file"), e.getMessage());
    }

    @Test
    void a_failure_that_is_not_the_file_system_s_is_passed_on_as_it_is() {
        IllegalStateException thrown = new IllegalStateException("not the disk");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> failingWrite(thrown)));
    }

    /** A write that adds a statement and then fails with {@code failure}. */
    void failingWrite(Throwable failure) {
        gate.write("alice", dsg -> {
            dsg.add(Quad.create(NodeFactory.createURI("https://w3id.org/ica-kg/id/passage/t"),
                    NodeFactory.createURI("https://w3id.org/ica-kg/id/state/india"),
                    NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment"), NodeFactory.createLiteralString("x")));
            if (failure instanceof Error error)
                throw error;
            throw (RuntimeException) failure;
        }, List.of());
    }

    @Test
    void a_committed_write_is_in_the_audit_log_with_who_and_what() {
        WriteGate.Outcome outcome = update("INSERT DATA { GRAPH passage:t { state:india rdfs:comment 'x' } }");
        AuditLog.Entry entry = gate.audit().recent(1).get(0);
        assertEquals(outcome.audit().id(), entry.id());
        assertEquals("alice", entry.user());
        assertEquals(1, entry.added());
        String patch = new String(gate.audit().patch(entry.id()).orElseThrow());
        assertTrue(patch.contains("A <https://w3id.org/ica-kg/id/state/india>"), patch);
    }

    @Test
    void statements_written_to_the_default_graph_land_in_the_unattributed_graph() {
        update("INSERT DATA { state:india rdfs:comment 'x' }");
        DatasetGraph dsg = kb.dataset();
        assertTrue(org.apache.jena.system.Txn.calculateRead(dsg, () -> dsg.contains(kb.vocab().unattributedGraph(),
                node("id/state/india"), org.apache.jena.vocabulary.RDFS.comment.asNode(), NodeFactory.createLiteralString("x"))));
    }

    /** The inferred statements, each in the inferred graph of the graphs it comes from, and their descriptions. */
    Set<Quad> inferredQuads(DatasetGraph dsg) {
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> dsg.stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                .filter(q -> kb.vocab().isInferred(q.getGraph())).collect(Collectors.toSet()));
    }

    Set<Quad> inferencesWithSources() { return inferredQuads(kb.dataset()); }

    Set<Triple> inferences() {
        return inferencesWithSources().stream().filter(q -> !q.getGraph().equals(kb.vocab().inferredGraph()))
                .map(Quad::asTriple).collect(Collectors.toSet());
    }

    Set<Quad> recomputedInferences() {
        DatasetGraph copy = org.icakg.store.Stores.inMemory();
        DatasetGraph store = kb.dataset();
        org.apache.jena.system.Txn.executeWrite(copy, () -> {
            org.apache.jena.system.Txn.executeRead(store, () -> store.find().forEachRemaining(copy::add));
            kb.inference().materialize(copy, kb.vocab());
        });
        return inferredQuads(copy);
    }

    static Node node(String path) { return NodeFactory.createURI("https://w3id.org/ica-kg/" + path); }
}
