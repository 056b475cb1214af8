package org.icakg.sparql.plan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.VariableNotBoundException;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * The values of typed literals met by filters and sorts, kept per data set: Jena parses a literal into its value
 * (a date into a calendar, after checking it is valid) every time an expression reads it, which costs more than
 * finding the statement. A value depends on the literal alone, so it is kept as long as there is room (at most
 * {@value #MAX_KEPT}; then the values kept are dropped and kept again as they are met).
 */
final class LiteralValues {

    static final int MAX_KEPT = 100_000;

    private final Map<Node, NodeValue> values = new ConcurrentHashMap<>();

    /** The value of {@code node}, as {@link NodeValue#makeNode} makes it. */
    NodeValue of(Node node) {
        if (!node.isLiteral() || node.getLiteralLanguage() != null && !node.getLiteralLanguage().isEmpty())
            return NodeValue.makeNode(node);
        NodeValue v = values.get(node);
        if (v == null) {
            v = NodeValue.makeNode(node);
            if (values.size() >= MAX_KEPT)
                values.clear();
            values.put(node, v);
        }
        return v;
    }

    /** A variable of an expression whose value is read through {@code values}. */
    static final class Read extends ExprVar {
        private final LiteralValues values;

        Read(Var var, LiteralValues values) {
            super(var);
            this.values = values;
        }

        @Override
        public NodeValue eval(Binding binding, FunctionEnv env) {
            Node node = binding == null ? null : binding.get(varNode);
            if (node == null)
                throw new VariableNotBoundException("Not bound: variable " + varNode);
            return values.of(node);
        }
    }
}
