package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

/**
 * The statement hash the store's tables are keyed by spreads statements of this graph's shape over a table probed
 * linearly from the low bits, as Jena's open-addressing tables are: Jena's own triple hash code put them in runs of
 * thousands of slots.
 */
class StatementHashTest {

    private static final String ID = "https://w3id.org/ica-kg/id/", ICA = "https://w3id.org/ica-kg/ontology#";

    /** Statements shaped like the partnership graph's commitments: numbered subjects, a few predicates and objects. */
    private static Set<Triple> commitments(int count) {
        Node party = NodeFactory.createURI(ICA + "party"), status = NodeFactory.createURI(ICA + "status"),
                label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
                date = NodeFactory.createURI(ICA + "date"), type = NodeFactory.createURI(
                        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                commitment = NodeFactory.createURI(ICA + "Commitment");
        String[] states = {"india", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"};
        Set<Triple> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            Node s = NodeFactory.createURI(ID + "commitment/commitment-" + i);
            out.add(Triple.create(s, type, commitment));
            out.add(Triple.create(s, party, NodeFactory.createURI(ID + "state/" + states[i % states.length])));
            out.add(Triple.create(s, party, NodeFactory.createURI(ID + "state/" + states[(i + 1 + i / 6 % 5) % states.length])));
            out.add(Triple.create(s, status, NodeFactory.createURI(ID + "status/s" + i % 4)));
            out.add(Triple.create(s, label, NodeFactory.createLiteralString("Commitment " + i)));
            out.add(Triple.create(s, date, NodeFactory.createLiteralDT(
                    String.format("20%02d-%02d-%02d", i % 30, 1 + i % 12, 1 + i % 28), XSDDatatype.XSDdate)));
        }
        return out;
    }

    /** The longest run of occupied slots met by an add, in a table kept at most half full, as Jena's tables are. */
    private static int longestProbe(List<Integer> hashes) {
        int[] slots = new int[Integer.highestOneBit(hashes.size() * 2 - 1) << 1];
        int longest = 0;
        for (int h : hashes) {
            int at = h & (slots.length - 1), probes = 0;
            while (slots[at] != 0) {
                probes++;
                at = at == 0 ? slots.length - 1 : at - 1;
            }
            slots[at] = 1;
            longest = Math.max(longest, probes);
        }
        return longest;
    }

    @Test
    void statements_of_the_graphs_shape_spread_over_a_linearly_probed_table() {
        Set<Triple> statements = commitments(40_000);
        List<Integer> hashes = new ArrayList<>();
        Set<Integer> distinct = new HashSet<>();
        for (Triple t : statements) {
            hashes.add(StatementHash.of(t));
            distinct.add(StatementHash.of(t));
        }
        int longest = longestProbe(hashes);
        assertTrue(longest <= 64, "an add probed " + longest + " slots");
        assertTrue(distinct.size() >= statements.size() - statements.size() / 2000, // a random 32-bit code: about 7 shared
                distinct.size() + " codes for " + statements.size() + " statements");
    }

    @Test
    void the_order_of_the_nodes_counts() {
        Node a = NodeFactory.createURI(ID + "state/india"), p = NodeFactory.createURI(ICA + "partner"),
                b = NodeFactory.createURI(ID + "state/kazakhstan");
        assertNotEquals(StatementHash.of(a, p, b), StatementHash.of(b, p, a));
        assertNotEquals(StatementHash.of(a, p, b), StatementHash.of(p, a, b));
        assertTrue(StatementHash.of(Triple.create(a, p, b)) == StatementHash.of(a, p, b));
    }
}
