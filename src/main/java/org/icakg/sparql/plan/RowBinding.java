package org.icakg.sparql.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBase;

/**
 * A row of {@link IndexJoin}: the values of its variables in an array, over the row it extends. Values may be
 * null (not bound). The arrays are the row's own: {@link IndexJoin} hands out copies, and reads a live one only to
 * evaluate its filters.
 */
final class RowBinding extends BindingBase {

    private final Var[] vars;
    private final Node[] values;

    RowBinding(Binding parent, Var[] vars, Node[] values) {
        super(parent);
        this.vars = vars;
        this.values = values;
    }

    @Override
    protected Iterator<Var> vars1() {
        List<Var> bound = new ArrayList<>(vars.length);
        for (int i = 0; i < vars.length; i++)
            if (values[i] != null)
                bound.add(vars[i]);
        return bound.iterator();
    }

    @Override
    protected int size1() {
        int n = 0;
        for (Node value : values)
            if (value != null)
                n++;
        return n;
    }

    @Override
    protected boolean isEmpty1() { return size1() == 0; }

    @Override
    protected boolean contains1(Var var) { return get1(var) != null; }

    @Override
    protected Node get1(Var var) {
        for (int i = 0; i < vars.length; i++)
            if (vars[i] == var)
                return values[i];
        for (int i = 0; i < vars.length; i++)
            if (vars[i].equals(var))
                return values[i];
        return null;
    }

    @Override
    protected Binding detachWithNewParent(Binding newParent) {
        return new RowBinding(newParent, vars, values);
    }
}
