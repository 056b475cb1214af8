package org.icakg.sparql.plan;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.vocabulary.RDF;

/**
 * Moves a property path with a constant end to the front of the group of patterns it is in, so that it is walked
 * from that end (a handful of steps) and the other patterns are look-ups with its values, instead of the path being
 * walked once for every match of the patterns written before it. Applies only to a sequence made of triple
 * patterns and paths (which join in any order to the same answers), and leaves it as written when an earlier
 * pattern already has a constant subject or object (other than a class in {@code rdf:type}).
 */
final class PathFromBoundEnd extends TransformCopy {

    @Override
    public Op transform(OpSequence sequence, List<Op> elements) {
        if (!elements.stream().allMatch(PathFromBoundEnd::isPattern))
            return super.transform(sequence, elements);
        for (int i = 1; i < elements.size(); i++) {
            if (elements.get(i) instanceof OpPath path && hasConstantEnd(path)
                    && elements.subList(0, i).stream().noneMatch(PathFromBoundEnd::hasSelectiveConstant)) {
                List<Op> reordered = new ArrayList<>(elements.size());
                reordered.add(path);
                for (int j = 0; j < elements.size(); j++)
                    if (j != i)
                        reordered.add(elements.get(j));
                return OpSequence.create().copy(reordered);
            }
        }
        return super.transform(sequence, elements);
    }

    private static boolean isPattern(Op op) {
        return op instanceof OpBGP || op instanceof OpPath || op instanceof OpTriple;
    }

    private static boolean hasConstantEnd(OpPath path) {
        return path.getTriplePath().getSubject().isConcrete() || path.getTriplePath().getObject().isConcrete();
    }

    private static boolean hasSelectiveConstant(Op op) {
        if (op instanceof OpPath path)
            return hasConstantEnd(path);
        List<Triple> triples = op instanceof OpBGP bgp ? bgp.getPattern().getList()
                : List.of(((OpTriple) op).getTriple());
        return triples.stream().anyMatch(PathFromBoundEnd::hasSelectiveConstant);
    }

    private static boolean hasSelectiveConstant(Triple t) {
        Node o = t.getObject();
        return t.getSubject().isConcrete() || (o.isConcrete() && !RDF.Nodes.type.equals(t.getPredicate()));
    }
}
