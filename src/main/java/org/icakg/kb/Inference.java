package org.icakg.kb;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Materialises what the ontology entails into its own named graph, so plain SPARQL sees it
 * (the default graph is the union) while {@code GRAPH <…/graph/inferred>} tells it apart from what is asserted.
 * <p>
 * Axioms applied: {@code rdfs:subClassOf}, {@code rdfs:subPropertyOf}, {@code owl:inverseOf},
 * {@code owl:SymmetricProperty}, {@code owl:TransitiveProperty}, and {@code rdfs:domain} / {@code rdfs:range}
 * when they name a class (not a class expression). Nothing already asserted is repeated.
 * <p>
 * One rule of the knowledge base's own: every {@code ica:date}, {@code ica:startDate} and {@code ica:endDate}, kept
 * as precise as the source ({@code xsd:gYear}, {@code xsd:gYearMonth}, {@code xsd:date}), gets comparable bounds
 * {@code ica:startsOn} / {@code ica:endsOn} as {@code xsd:date}: June 2025 runs from 2025-06-01 to 2025-06-30.
 */
public final class Inference {

    private final DateBounds bounds;

    private final Map<Node, Set<Node>> superClasses = new HashMap<>();
    private final Map<Node, Set<Node>> superProperties = new HashMap<>();
    private final Map<Node, Set<Node>> inverses = new HashMap<>();
    private final Set<Node> symmetric = new HashSet<>();
    private final Set<Node> transitive = new HashSet<>();
    private final Map<Node, Set<Node>> domains = new HashMap<>();
    private final Map<Node, Set<Node>> ranges = new HashMap<>();

    /** Reads the axioms from an ontology graph; {@code vocab} names the date properties. */
    public Inference(Graph ontology, Vocab vocab) {
        bounds = new DateBounds(vocab);
        collect(ontology, RDFS.subClassOf.asNode(), superClasses);
        collect(ontology, RDFS.subPropertyOf.asNode(), superProperties);
        closeTransitively(superClasses);
        closeTransitively(superProperties);
        ontology.find(Node.ANY, OWL2.inverseOf.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI()) {
                inverses.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
                inverses.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
            }
        });
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.SymmetricProperty.asNode())
                .forEachRemaining(t -> symmetric.add(t.getSubject()));
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.TransitiveProperty.asNode())
                .forEachRemaining(t -> transitive.add(t.getSubject()));
        collect(ontology, RDFS.domain.asNode(), domains);
        collect(ontology, RDFS.range.asNode(), ranges);
    }

    /**
     * Recomputes the inferred graph of a data set from everything asserted in it.
     * The caller holds a write transaction. Returns the number of inferred triples.
     */
    public long materialize(DatasetGraph dsg, Vocab vocab) {
        Node inferredName = vocab.inferredGraph();
        Graph asserted = GraphFactory.createGraphMem();
        Iterator<Quad> quads = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        Set<Node> skip = Set.of(inferredName, vocab.ontologyGraph());
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (!skip.contains(q.getGraph()))
                asserted.add(q.asTriple());
        }
        Graph inferred = GraphFactory.createGraphMem();
        close(asserted, inferred, asserted.find().toList());
        dsg.deleteAny(inferredName, Node.ANY, Node.ANY, Node.ANY);
        inferred.find().forEachRemaining(t -> dsg.add(inferredName, t.getSubject(), t.getPredicate(), t.getObject()));
        return inferred.size();
    }

    /** Adds to {@code inferred} everything entailed by {@code seeds} given what is in {@code asserted} and {@code inferred}. */
    public void close(Graph asserted, Graph inferred, List<Triple> seeds) {
        Deque<Triple> queue = new ArrayDeque<>(seeds);
        while (!queue.isEmpty())
            consequences(queue.poll(), asserted, inferred, t -> emit(asserted, inferred, queue, t));
    }

    /**
     * Passes to {@code out} every statement one rule application derives from {@code t}, whether or not it is
     * already known; {@code a} and {@code b} together hold the other premises (transitive chains).
     */
    public void consequences(Triple t, Graph a, Graph b, Consumer<Triple> out) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        bounds.of(t, out);
        if (p.equals(RDF.type.asNode())) {
            for (Node c : superClasses.getOrDefault(o, Set.of()))
                out.accept(Triple.create(s, p, c));
            return;
        }
        for (Node q : superProperties.getOrDefault(p, Set.of()))
            out.accept(Triple.create(s, q, o));
        if (!o.isLiteral()) {
            for (Node q : inverses.getOrDefault(p, Set.of()))
                out.accept(Triple.create(o, q, s));
            if (symmetric.contains(p))
                out.accept(Triple.create(o, p, s));
            for (Node c : ranges.getOrDefault(p, Set.of()))
                out.accept(Triple.create(o, RDF.type.asNode(), c));
        }
        for (Node c : domains.getOrDefault(p, Set.of()))
            out.accept(Triple.create(s, RDF.type.asNode(), c));
        if (transitive.contains(p) && !o.isLiteral()) {
            for (Node next : objects(a, b, o, p))
                out.accept(Triple.create(s, p, next));
            for (Node prev : subjects(a, b, p, s))
                out.accept(Triple.create(prev, p, o));
        }
    }

    private static void emit(Graph asserted, Graph inferred, Deque<Triple> queue, Triple t) {
        if (asserted.contains(t) || inferred.contains(t))
            return;
        inferred.add(t);
        queue.add(t);
    }

    private static Set<Node> objects(Graph a, Graph b, Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        a.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        b.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    private static Set<Node> subjects(Graph a, Graph b, Node p, Node o) {
        Set<Node> out = new LinkedHashSet<>();
        a.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
        b.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
        return out;
    }

    private static void collect(Graph g, Node predicate, Map<Node, Set<Node>> into) {
        g.find(Node.ANY, predicate, Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI())
                into.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
        });
    }

    /** Replaces each set of direct parents by all ancestors (excluding the node itself). */
    private static void closeTransitively(Map<Node, Set<Node>> parents) {
        for (Node start : List.copyOf(parents.keySet())) {
            Set<Node> all = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(parents.get(start));
            while (!todo.isEmpty()) {
                Node n = todo.poll();
                if (!n.equals(start) && all.add(n))
                    todo.addAll(parents.getOrDefault(n, Set.of()));
            }
            parents.put(start, all);
        }
    }
}
