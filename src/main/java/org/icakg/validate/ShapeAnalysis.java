package org.icakg.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.constraint.ClosedConstraint;
import org.apache.jena.shacl.engine.constraint.ConstraintComponentSPARQL;
import org.apache.jena.shacl.engine.constraint.ConstraintDataTerm;
import org.apache.jena.shacl.engine.constraint.ConstraintOp;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.engine.constraint.ConstraintTerm;
import org.apache.jena.shacl.engine.constraint.QualifiedValueShape;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.Path;

/**
 * What the shapes read, so that a change can be validated on what it can affect. The scoped validation relies on
 * two facts that hold for "shallow" shapes: a constraint on a value node reads only that node and its types, and a
 * value node is reached from its focus node in one step (a predicate, an inverse predicate, or a choice of these).
 * Shapes that break either (a shape applied to values through {@code sh:node}, {@code sh:or} and the like when it
 * looks at the values' own statements; qualified counts; SPARQL constraints or targets; longer paths) make
 * {@link #shallow()} false, and then every touched node is validated in full.
 */
final class ShapeAnalysis {

    /** One step of a path: a predicate, followed forward or inverse. */
    record Step(Node predicate, boolean forward) {}

    private final boolean shallow;

    ShapeAnalysis(Shapes shapes) {
        boolean ok = true;
        Set<Shape> seen = new HashSet<>();
        for (Shape s : shapes.getTargetShapes()) {
            for (Target t : s.getTargets())
                ok &= t.getTargetType() != TargetType.targetExtension;
            ok &= shallowShape(s, seen);
        }
        this.shallow = ok;
    }

    /** True when the scoped validation is exact for these shapes (see the class comment). */
    boolean shallow() { return shallow; }

    /** The steps of a path that is one step or a choice of single steps; null for any longer path. */
    static List<Step> steps(Path path) {
        List<Step> out = new ArrayList<>();
        return collectSteps(path, out) ? out : null;
    }

    /**
     * Predicates a node-level constraint reads through the shapes nested in it (any depth), and whether any of
     * them is closed (then every outgoing predicate counts).
     */
    static Reads reads(Constraint c) {
        Reads r = new Reads(new LinkedHashSet<>(), new boolean[1]);
        readsOf(c, r, new HashSet<>());
        return r;
    }

    /** What a constraint reads: the predicates of nested paths, and whether a nested shape is closed. */
    record Reads(Set<Node> predicates, boolean[] closed) {
        boolean anyClosed() { return closed[0]; }
    }

    private static void readsOf(Constraint c, Reads r, Set<Shape> seen) {
        if (c instanceof ClosedConstraint)
            r.closed[0] = true;
        for (Shape nested : nestedShapes(c)) {
            if (!seen.add(nested))
                continue;
            if (nested instanceof PropertyShape ps)
                collectPredicates(ps.getPath(), r.predicates());
            nested.getConstraints().forEach(n -> readsOf(n, r, seen));
            for (PropertyShape ps : nested.getPropertyShapes()) {
                collectPredicates(ps.getPath(), r.predicates());
                ps.getConstraints().forEach(n -> readsOf(n, r, seen));
            }
        }
    }

    private static boolean shallowShape(Shape s, Set<Shape> seen) {
        if (!seen.add(s))
            return true;
        boolean ok = !(s instanceof PropertyShape ps) || steps(ps.getPath()) != null;
        for (Constraint c : s.getConstraints())
            ok &= s instanceof PropertyShape ? shallowOnValues(c) : knownNodeLevel(c, seen);
        for (PropertyShape ps : s.getPropertyShapes()) {
            ok &= steps(ps.getPath()) != null && (!(s instanceof PropertyShape)) && ps.getPropertyShapes().isEmpty();
            ok &= shallowShape(ps, seen);
        }
        return ok;
    }

    /** A node-level constraint is re-evaluated by what it reads; its nested shapes must themselves be shallow. */
    private static boolean knownNodeLevel(Constraint c, Set<Shape> seen) {
        if (isSparql(c) || c instanceof QualifiedValueShape)
            return false;
        boolean ok = true;
        for (Shape nested : nestedShapes(c))
            ok &= shallowShape(nested, seen);
        return ok;
    }

    /** A constraint of a property shape is shallow when what it checks on a value is the value and its types. */
    private static boolean shallowOnValues(Constraint c) {
        if (isSparql(c) || c instanceof QualifiedValueShape)
            return false;
        if (!(c instanceof ConstraintOp))
            return true;
        for (Shape nested : nestedShapes(c)) {
            if (!nested.getPropertyShapes().isEmpty() || nested instanceof PropertyShape)
                return false;
            for (Constraint n : nested.getConstraints())
                if (!(n instanceof ConstraintTerm || n instanceof ConstraintDataTerm || n instanceof ConstraintOp)
                        || (n instanceof ConstraintOp && !shallowOnValues(n)))
                    return false;
        }
        return true;
    }

    private static boolean isSparql(Constraint c) {
        return c instanceof SparqlConstraint || c instanceof ConstraintComponentSPARQL;
    }

    private static List<Shape> nestedShapes(Constraint c) {
        if (c instanceof ConstraintOpN n)
            return n.getOthers();
        if (c instanceof ConstraintOp1 o)
            return List.of(o.getOther());
        if (c instanceof QualifiedValueShape q)
            return List.of(q.getSub());
        return List.of();
    }

    private static boolean collectSteps(Path path, List<Step> out) {
        if (path instanceof P_Link l) {
            out.add(new Step(l.getNode(), true));
            return true;
        }
        if (path instanceof P_ReverseLink r) {
            out.add(new Step(r.getNode(), false));
            return true;
        }
        if (path instanceof P_Inverse inv && inv.getSubPath() instanceof P_Link l) {
            out.add(new Step(l.getNode(), false));
            return true;
        }
        if (path instanceof P_Alt alt)
            return collectSteps(alt.getLeft(), out) && collectSteps(alt.getRight(), out);
        return false;
    }

    private static void collectPredicates(Path path, Set<Node> into) {
        if (path instanceof P_Link l)
            into.add(l.getNode());
        else if (path instanceof P_ReverseLink r)
            into.add(r.getNode());
        else if (path instanceof P_Path1 p1)
            collectPredicates(p1.getSubPath(), into);
        else if (path instanceof P_Path2 p2) {
            collectPredicates(p2.getLeft(), into);
            collectPredicates(p2.getRight(), into);
        }
    }
}
