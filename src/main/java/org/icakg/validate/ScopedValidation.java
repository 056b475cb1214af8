package org.icakg.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ClosedConstraint;
import org.apache.jena.shacl.engine.constraint.ConstraintDataTerm;
import org.apache.jena.shacl.engine.constraint.ConstraintOp;
import org.apache.jena.shacl.engine.constraint.ConstraintTerm;
import org.apache.jena.shacl.engine.constraint.MaxCount;
import org.apache.jena.shacl.engine.constraint.MinCount;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;

/**
 * Validates the shapes on the nodes a change touched, evaluating only the constraints whose result the change can
 * alter, given that the graph conformed before it (every write is gated). For a touched node whose types did not
 * change, the shapes that target it are the same as before, and:
 * <ul>
 * <li>a property shape whose path (one step, or a choice of steps) gained no value and lost none has the same
 *     value nodes, so none of its constraints can change: skipped;</li>
 * <li>constraints checked on each value ({@code sh:class}, {@code sh:datatype}, {@code sh:in}, {@code sh:or} of
 *     those, ...) are checked on the values gained, and on values whose own types changed;</li>
 * <li>{@code sh:minCount} can only break when values are lost, {@code sh:maxCount} only when values are gained:
 *     then they are checked on the whole value set; other constraints on the value set ({@code sh:uniqueLang},
 *     {@code sh:equals}, {@code sh:hasValue}, ...) are checked in full whenever the set changed;</li>
 * <li>node-level constraints on the node itself ({@code sh:class}, {@code sh:nodeKind}, ...) cannot change;
 *     {@code sh:closed} is checked when the node gained or lost an outgoing statement, and {@code sh:or},
 *     {@code sh:not}, {@code sh:and}, {@code sh:xone}, {@code sh:node} when a predicate their shapes read
 *     changed at the node.</li>
 * </ul>
 * A node whose types changed (a new entity, or a retyped one) is validated in full against every shape that targets
 * it, and so is a node newly reached by a {@code sh:targetSubjectsOf}/{@code sh:targetObjectsOf} target.
 */
final class ScopedValidation {

    private final Shapes shapes;
    private final Graph data;
    private final ValidationContext context;
    private final Map<Node, Set<Node>> subclasses = new HashMap<>();
    private final Map<Constraint, ShapeAnalysis.Reads> reads;

    ScopedValidation(Shapes shapes, Graph data, Map<Constraint, ShapeAnalysis.Reads> readsCache) {
        this.shapes = shapes;
        this.data = data;
        this.context = ValidationContext.create(shapes, data);
        this.reads = readsCache;
    }

    /** Validates what {@code scope} can have changed; returns the SHACL report. */
    ValidationReport validate(ChangeScope scope) {
        for (Node focus : scope.nodes()) {
            boolean whole = scope.typeChanged().contains(focus);
            Set<Node> types = types(focus);
            for (Shape shape : shapes.getTargetShapes()) {
                if (shape.deactivated() || !targets(shape, focus, types))
                    continue;
                ChangeScope.Touch touch = scope.touch(focus);
                if (whole || newlyTargeted(shape, touch))
                    VLib.validateShape(context, data, shape, focus);
                else
                    validateTouched(shape, focus, touch);
            }
        }
        return context.generateReport();
    }

    /** Validates every given node in full against the shapes that target it. */
    ValidationReport validateWhole(Set<Node> nodes) {
        for (Node focus : nodes) {
            Set<Node> types = types(focus);
            for (Shape shape : shapes.getTargetShapes())
                if (!shape.deactivated() && targets(shape, focus, types))
                    VLib.validateShape(context, data, shape, focus);
        }
        return context.generateReport();
    }

    private void validateTouched(Shape shape, Node focus, ChangeScope.Touch touch) {
        for (Constraint c : shape.getConstraints())
            if (nodeLevelMayChange(c, touch))
                VLib.evalConstraint(context, data, shape, focus, null, null, c);
        for (PropertyShape ps : shape.getPropertyShapes())
            if (!ps.deactivated())
                validateProperty(ps, focus, touch);
    }

    private boolean nodeLevelMayChange(Constraint c, ChangeScope.Touch touch) {
        if (c instanceof ConstraintTerm || c instanceof ConstraintDataTerm)
            return false;
        if (c instanceof ClosedConstraint)
            return touch.outgoingChanged();
        if (c instanceof ConstraintOp) {
            ShapeAnalysis.Reads r = reads.computeIfAbsent(c, ShapeAnalysis::reads);
            return (r.anyClosed() && touch.outgoingChanged())
                    || touch.predicates().stream().anyMatch(r.predicates()::contains);
        }
        return true;
    }

    private void validateProperty(PropertyShape ps, Node focus, ChangeScope.Touch touch) {
        Set<Node> gained = new LinkedHashSet<>(), lost = new LinkedHashSet<>(), recheck = new LinkedHashSet<>();
        for (ShapeAnalysis.Step step : ShapeAnalysis.steps(ps.getPath())) {
            gained.addAll(touch.added(step.predicate(), step.forward()));
            lost.addAll(touch.removed(step.predicate(), step.forward()));
            recheck.addAll(touch.recheck(step.predicate(), step.forward()));
        }
        if (gained.isEmpty() && lost.isEmpty() && recheck.isEmpty())
            return;
        Set<Node> all = null;
        for (Constraint c : ps.getConstraints()) {
            if (c instanceof ConstraintTerm || c instanceof ConstraintDataTerm || c instanceof ConstraintOp) {
                // Both are in the graph: gained values come from the net change, rechecked ones were read from it.
                Set<Node> values = new LinkedHashSet<>(gained);
                values.addAll(recheck);
                if (!values.isEmpty())
                    VLib.evalConstraint(context, data, ps, focus, ps.getPath(), values, c);
            } else if (countMayChange(c, gained, lost)) {
                if (all == null)
                    all = ShaclPaths.valueNodes(data, focus, ps.getPath());
                VLib.evalConstraint(context, data, ps, focus, ps.getPath(), all, c);
            }
        }
    }

    /** Whether a constraint on the whole value set can have changed: a count only in its breaking direction. */
    private static boolean countMayChange(Constraint c, Set<Node> gained, Set<Node> lost) {
        if (c instanceof MinCount)
            return !lost.isEmpty();
        if (c instanceof MaxCount)
            return !gained.isEmpty();
        return !gained.isEmpty() || !lost.isEmpty();
    }

    /** A shape that targets the subjects or objects of a predicate that changed at the node may be new to it. */
    private static boolean newlyTargeted(Shape shape, ChangeScope.Touch touch) {
        for (Target t : shape.getTargets()) {
            switch (t.getTargetType()) {
                case targetSubjectsOf -> {
                    if (touch.addedOut.containsKey(t.getObject()))
                        return true;
                }
                case targetObjectsOf -> {
                    if (touch.addedIn.containsKey(t.getObject()))
                        return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /** Whether {@code shape} targets {@code focus}: as {@link VLib#isFocusNode}, with subclasses looked up once. */
    private boolean targets(Shape shape, Node focus, Set<Node> types) {
        for (Target t : shape.getTargets()) {
            boolean hit = switch (t.getTargetType()) {
                case targetClass, implicitClass -> types.stream().anyMatch(subclasses(t.getObject())::contains);
                default -> VLib.isFocusNode(t, focus, data);
            };
            if (hit)
                return true;
        }
        return false;
    }

    private Set<Node> subclasses(Node type) {
        return subclasses.computeIfAbsent(type, k -> new HashSet<>(G.listSubClasses(data, k)));
    }

    private Set<Node> types(Node focus) {
        Set<Node> out = new HashSet<>();
        data.find(focus, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).forEachRemaining(out::add);
        return out;
    }
}
