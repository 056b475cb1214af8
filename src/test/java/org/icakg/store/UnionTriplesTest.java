package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/**
 * The union's index ({@link UnionTriples}, numbered by the slots of the statement table) answers every pattern as a
 * plain triple index of the same statements does, {@code GRAPH ?g} matches name exactly the graphs that hold each
 * statement, and each graph's own statements match as they should (graphs of hundreds of statements, indexed by
 * {@link GraphTriples}), through random adds and removals that free slots and reuse them.
 */
class UnionTriplesTest {

    private static final String EX = "http://example.org/";

    @Test
    void every_pattern_matches_what_a_plain_triple_index_of_the_same_statements_matches() {
        Random random = new Random(20261201);
        List<Node> subjects = nodes("s", 30), predicates = nodes("p", 6), graphs = nodes("g", 12);
        List<Node> objects = new ArrayList<>(nodes("o", 20));
        objects.add(NodeFactory.createLiteralString("1"));
        objects.add(NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
        objects.add(NodeFactory.createLiteralLang("one", "en"));
        objects.addAll(subjects.subList(0, 5)); // nodes both subject and object
        QuadIndex index = new QuadIndex();
        Set<Quad> held = new HashSet<>();
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < 300; i++) {
                Node g = pick(random, graphs);
                Triple t = Triple.create(pick(random, subjects), pick(random, predicates), pick(random, objects));
                Quad q = Quad.create(g, t);
                if (random.nextInt(3) == 0) // about a third removals, many of statements another graph still holds
                    assertEquals(held.remove(q), index.delete(g, t), "delete " + q);
                else
                    assertEquals(held.add(q), index.add(g, t), "add " + q);
            }
            if (round == 20)
                index.readByColumns(); // from now on the index also keeps columns of predicates used often
            Graph plain = new GraphMem2Fast();
            held.forEach(q -> plain.add(q.asTriple()));
            assertEquals(plain.size(), index.size());
            for (int probe = 0; probe < 60; probe++) {
                Node s = random.nextBoolean() ? Node.ANY : pick(random, subjects);
                Node p = random.nextBoolean() ? Node.ANY : pick(random, predicates);
                Node o = random.nextBoolean() ? Node.ANY : pick(random, objects);
                assertEquals(plain.find(s, p, o).toSet(), Iter.toSet(index.union(s, p, o)), "match " + s + " " + p + " " + o);
                Set<Quad> quads = new HashSet<>();
                for (Quad q : held)
                    if (UnionTriples.matches(Triple.createMatch(s, p, o), q.asTriple()))
                        quads.add(q);
                assertEquals(quads, Iter.toSet(index.quads(s, p, o)), "quads " + s + " " + p + " " + o);
                // One graph's statements: a list while it holds few, indexed once it holds more than SMALL_GRAPH.
                Node g = pick(random, graphs);
                Set<Triple> inGraph = new HashSet<>();
                for (Quad q : quads)
                    if (q.getGraph().equals(g))
                        inGraph.add(q.asTriple());
                assertEquals(inGraph, Iter.toSet(index.graph(g, s, p, o)), "graph " + g + " " + s + " " + p + " " + o);
            }
        }
    }

    @Test
    void a_statement_leaves_the_union_when_its_last_graph_drops_it_and_its_slot_serves_the_next_one() {
        QuadIndex index = new QuadIndex();
        Node a = node("g", 1), b = node("g", 2);
        Triple t = Triple.create(node("s", 1), node("p", 1), node("o", 1));
        Triple u = Triple.create(node("s", 2), node("p", 1), node("o", 2));
        assertTrue(index.add(a, t));
        assertTrue(index.add(b, t));
        assertTrue(index.delete(a, t));
        assertEquals(List.of(t), Iter.toList(index.union(Node.ANY, node("p", 1), Node.ANY)));
        assertTrue(index.delete(b, t));
        assertFalse(index.union(node("s", 1), Node.ANY, Node.ANY).hasNext());
        assertTrue(index.add(a, u)); // takes the freed slot
        assertEquals(List.of(u), Iter.toList(index.union(Node.ANY, Node.ANY, Node.ANY)));
        assertEquals(List.of(u), Iter.toList(index.union(Node.ANY, node("p", 1), Node.ANY)));
        assertFalse(index.union(Node.ANY, Node.ANY, node("o", 1)).hasNext());
    }

    private static Node pick(Random random, List<Node> nodes) {
        return nodes.get(random.nextInt(nodes.size()));
    }

    private static List<Node> nodes(String kind, int n) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++)
            out.add(node(kind, i));
        return out;
    }

    private static Node node(String kind, int i) {
        return NodeFactory.createURI(EX + kind + i);
    }
}
