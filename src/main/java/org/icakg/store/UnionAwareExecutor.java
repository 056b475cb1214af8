package org.icakg.store;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.solver.PatternMatchData;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderLib;

/**
 * Query execution over a {@link MemoryStore}: {@code GRAPH ?g { pattern }} is matched against the union and the
 * statement → graphs index in one pass, instead of evaluating the pattern once per named graph (there is one graph per passage).
 * Pattern matches pass {@link Checkpoints}.
 */
final class UnionAwareExecutor extends OpExecutor {

    UnionAwareExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator exec(Op op, QueryIterator input) {
        return Checkpoints.wrap(op, super.exec(op, input), execCxt);
    }

    @Override
    protected QueryIterator execute(OpGraph opGraph, QueryIterator input) {
        if (opGraph.getNode().isVariable() && opGraph.getSubOp() instanceof OpBGP bgp && !bgp.getPattern().isEmpty()) {
            BasicPattern ordered = ReorderLib.fixed().reorder(bgp.getPattern());
            return PatternMatchData.execute(execCxt.getDataset(), opGraph.getNode(), ordered, input, null, execCxt);
        }
        return super.execute(opGraph, input);
    }
}
