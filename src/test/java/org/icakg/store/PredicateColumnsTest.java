package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * Look-ups of a predicate by subject or by object are answered from columns once used often; the answers are those
 * of the triple index, before and after the columns exist, and follow committed writes (a statement that enters or
 * leaves the union), an aborted write, a statement still held by another graph, and the writer's own statements.
 */
class PredicateColumnsTest {

    static final String ICA = "https://w3id.org/ica-kg/ontology#";
    static final String ID = "https://w3id.org/ica-kg/id/";
    static final Node HOSTED_BY = NodeFactory.createURI(ICA + "hostedBy");
    static final Node DATE = NodeFactory.createURI(ICA + "date");
    static final int MEETINGS = 40;

    final DatasetGraph store = Stores.inMemory();

    static Node meeting(int i) { return NodeFactory.createURI(ID + "meeting/m" + i); }

    static Node state(int i) { return NodeFactory.createURI(ID + "state/s" + i); }

    static Node passage(int i) { return NodeFactory.createURI(ID + "passage/p" + i); }

    static Node date(int i) { return NodeFactory.createLiteralDT("20" + (10 + i % 10) + "-01-0" + (1 + i % 9),
            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate); }

    void load() {
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < MEETINGS; i++) {
                store.add(passage(i), meeting(i), HOSTED_BY, state(i % 2));
                store.add(passage(i), meeting(i), DATE, date(i));
            }
        });
    }

    /** Meetings of state {@code s} and the date of each, as "meeting date" lines, asked both ways round. */
    Set<String> hostedBy(int s) {
        String query = "SELECT ?m ?d { ?m <" + HOSTED_BY.getURI() + "> <" + state(s).getURI() + "> . ?m <"
                + DATE.getURI() + "> ?d }";
        return Txn.calculateRead(store, () -> rows(query));
    }

    Set<String> rows(String query) {
        Set<String> out = new HashSet<>();
        try (QueryExec exec = QueryExec.dataset(store).query(query).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(b -> out.add(b.get("m").getURI() + " " + b.get("d").getLiteralLexicalForm()));
        }
        return out;
    }

    static Set<String> expected(int s, int meetings) {
        Set<String> out = new HashSet<>();
        for (int i = s; i < meetings; i += 2)
            out.add(meeting(i).getURI() + " " + date(i).getLiteralLexicalForm());
        return out;
    }

    /** Asks often enough for both columns (hostedBy by object, once per query; date by subject) to be built. */
    void useUntilBuilt() {
        for (int n = 0; n <= PredicateColumns.USES_BEFORE_BUILD / 2; n++) {
            assertEquals(expected(0, MEETINGS), hostedBy(0), "round " + n);
            assertEquals(expected(1, MEETINGS), hostedBy(1), "round " + n);
        }
    }

    @Test
    void answers_are_those_of_the_triple_index_before_and_after_the_columns_are_built() {
        load();
        useUntilBuilt();
        assertEquals(Set.of(), Txn.calculateRead(store, () -> rows("SELECT ?m ?d { ?m <" + HOSTED_BY.getURI() + "> <"
                + state(7).getURI() + "> ; <" + DATE.getURI() + "> ?d }")), "a state that hosted nothing");
    }

    @Test
    void a_committed_write_is_read_by_the_next_query_and_an_aborted_one_is_not() {
        load();
        useUntilBuilt();
        Txn.executeWrite(store, () -> {
            store.add(passage(MEETINGS), meeting(MEETINGS), HOSTED_BY, state(0));
            store.add(passage(MEETINGS), meeting(MEETINGS), DATE, date(MEETINGS));
        });
        assertEquals(expected(0, MEETINGS + 1), hostedBy(0));

        Txn.executeWrite(store, () -> store.delete(passage(0), meeting(0), DATE, date(0)));
        Set<String> withoutFirst = expected(0, MEETINGS + 1);
        withoutFirst.remove(meeting(0).getURI() + " " + date(0).getLiteralLexicalForm());
        assertEquals(withoutFirst, hostedBy(0), "a deleted date is gone");

        store.begin(org.apache.jena.query.TxnType.WRITE);
        store.add(passage(99), meeting(99), HOSTED_BY, state(0));
        store.add(passage(99), meeting(99), DATE, date(99));
        store.abort();
        store.end();
        assertEquals(withoutFirst, hostedBy(0), "an aborted write is not read");
    }

    @Test
    void committed_writes_update_the_columns_instead_of_building_them_again() {
        load();
        useUntilBuilt();
        int built = ((MemoryStore) store).columnBuilds();
        assertTrue(built >= 2, "both columns built: " + built);
        for (int w = 0; w < 5; w++) {
            int m = MEETINGS + w;
            Txn.executeWrite(store, () -> {
                store.add(passage(m), meeting(m), HOSTED_BY, state(0));
                store.add(passage(m), meeting(m), DATE, date(m));
            });
            assertEquals(expected(0, MEETINGS).size() + w + 1, hostedBy(0).size(), "write " + w + " read at once");
        }
        Txn.executeWrite(store, () -> store.delete(passage(MEETINGS), meeting(MEETINGS), DATE, date(MEETINGS)));
        assertEquals(expected(0, MEETINGS).size() + 4, hostedBy(0).size(), "a removed date is gone");
        assertEquals(built, ((MemoryStore) store).columnBuilds(), "no column was built again");
    }

    @Test
    void a_statement_held_by_two_graphs_is_read_until_both_drop_it() {
        load();
        Node other = NodeFactory.createURI(ID + "passage/other");
        Txn.executeWrite(store, () -> store.add(other, meeting(2), DATE, date(2)));
        useUntilBuilt();
        Txn.executeWrite(store, () -> store.delete(passage(2), meeting(2), DATE, date(2)));
        assertEquals(expected(0, MEETINGS), hostedBy(0), "the other passage still holds the date");
        Txn.executeWrite(store, () -> store.delete(new Quad(other, meeting(2), DATE, date(2))));
        Set<String> without = expected(0, MEETINGS);
        without.remove(meeting(2).getURI() + " " + date(2).getLiteralLexicalForm());
        assertEquals(without, hostedBy(0));
    }

    @Test
    void a_writer_reads_its_own_statements_beside_the_columns() {
        load();
        useUntilBuilt();
        Set<String> seen = Txn.calculateWrite(store, () -> {
            store.add(passage(MEETINGS), meeting(MEETINGS), HOSTED_BY, state(0));
            store.add(passage(MEETINGS), meeting(MEETINGS), DATE, date(MEETINGS));
            store.delete(passage(0), meeting(0), HOSTED_BY, state(0));
            return rows("SELECT ?m ?d { ?m <" + HOSTED_BY.getURI() + "> <" + state(0).getURI() + "> . ?m <"
                    + DATE.getURI() + "> ?d }");
        });
        Set<String> expected = expected(0, MEETINGS + 1);
        expected.remove(meeting(0).getURI() + " " + date(0).getLiteralLexicalForm());
        assertEquals(expected, seen);
        assertEquals(expected, hostedBy(0), "and every reader after its commit");
    }
}
