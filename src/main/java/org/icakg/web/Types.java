package org.icakg.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/** The classes of an entity, and the most specific of them, from the ontology's class hierarchy. */
final class Types {

    /** Classes every entity has that say nothing about it. */
    static final Set<Node> UNINFORMATIVE = Set.of(OWL2.Thing.asNode(), OWL2.NamedIndividual.asNode(),
            RDFS.Resource.asNode());

    private final Graph ontology;

    Types(Graph ontology) {
        this.ontology = ontology;
    }

    /** The informative classes of an entity, asserted or inferred (call inside a read transaction). */
    List<Node> of(DatasetGraph dsg, Node entity) {
        Set<Node> types = new HashSet<>();
        // The union, not every quad: a hub's class is stated or inferred in thousands of graphs.
        dsg.getUnionGraph().find(entity, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI() && !UNINFORMATIVE.contains(q.getObject()))
                types.add(q.getObject());
        });
        return new ArrayList<>(types);
    }

    /** The classes that are not a superclass of another class in the list. */
    List<Node> mostSpecific(List<Node> types) {
        Set<Node> ancestors = new HashSet<>();
        for (Node t : types)
            ancestors.addAll(superclasses(t));
        List<Node> out = new ArrayList<>();
        for (Node t : types)
            if (!ancestors.contains(t))
                out.add(t);
        return out;
    }

    /** The first most specific class, or null. */
    Node main(DatasetGraph dsg, Node entity) {
        List<Node> specific = mostSpecific(of(dsg, entity));
        specific.sort(java.util.Comparator.comparing(Node::getURI));
        return specific.isEmpty() ? null : specific.get(0);
    }

    /** Every strict superclass of a class, following {@code rdfs:subClassOf} in the ontology. */
    Set<Node> superclasses(Node type) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty())
            ontology.find(todo.pop(), RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                Node sup = t.getObject();
                if (sup.isURI() && !sup.equals(type) && seen.add(sup))
                    todo.push(sup);
            });
        return seen;
    }
}
