package org.icakg.sparql.plan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.VariableNotBoundException;
import org.apache.jena.sparql.expr.nodevalue.NodeValueNode;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * The values of literals met by filters and sorts, and of functions of one such value ({@code YEAR(?date)},
 * {@code LCASE(?label)}), kept per data set: Jena parses a literal into its value (a date into a calendar, after
 * checking it is valid) every time an expression reads it, and {@code YEAR} parses the date's text again, which
 * costs more than finding the statement. A value depends on the literal alone, and the literals a query reads are
 * those of the store's statements, the same objects from one query to the next; so values are kept by the identity
 * of the literal ({@link IdentityMemo}, at most {@value IdentityMemo#SLOTS} per memo).
 */
final class LiteralValues {

    private final IdentityMemo<Node, NodeValue> values = new IdentityMemo<>();
    private final Map<String, IdentityMemo<NodeValue, NodeValue>> functions = new ConcurrentHashMap<>();

    /** The value of {@code node}, as {@link NodeValue#makeNode} makes it. */
    NodeValue of(Node node) {
        if (!node.isLiteral())
            return NodeValue.makeNode(node);
        return values.get(node, NodeValue::makeNode);
    }

    /** The memo of the function named {@code name}, keyed by the values {@link #of} gives. */
    IdentityMemo<NodeValue, NodeValue> function(String name) {
        return functions.computeIfAbsent(name, n -> new IdentityMemo<>());
    }

    /** A variable of an expression whose value is read through {@code values}. */
    static class Read extends ExprVar {
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

    /**
     * A variable read as its term, its value not made ({@link KeptFunction} reads the year of a date from the
     * literal's text, {@link org.icakg.store.DateTerms}, and asks for the value only when it cannot).
     */
    static final class Term extends Read {
        Term(Var var, LiteralValues values) {
            super(var, values);
        }

        @Override
        public NodeValue eval(Binding binding, FunctionEnv env) {
            Node node = binding == null ? null : binding.get(varNode);
            if (node == null)
                throw new VariableNotBoundException("Not bound: variable " + varNode);
            return new NodeValueNode(node);
        }
    }
}
