package org.icakg.store;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/** TDB2's query execution with {@link Checkpoints} on its pattern matches. */
final class CheckpointedTdb2Executor extends OpExecutorTDB2 {

    CheckpointedTdb2Executor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator exec(Op op, QueryIterator input) {
        return Checkpoints.wrap(op, super.exec(op, input), execCxt);
    }
}
