package org.icakg.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadBlock;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.util.Symbol;

/**
 * Points in a query's execution where a long query may be held back so that others get the processors: every
 * {@value #EVERY} solutions of a pattern match, the query calls the hook its data set's context holds under
 * {@link #HOOK} (a {@code Consumer<AtomicBoolean>} given the query's cancel signal, that may block until the query
 * may go on). A data set without a hook runs its queries unwrapped.
 */
public final class Checkpoints {

    /** Context key of the hook. */
    public static final Symbol HOOK = Symbol.create("https://w3id.org/ica-kg/store#checkpoint");
    /** Solutions between two calls of the hook (a power of two). */
    static final int EVERY = 1024;

    private Checkpoints() {}

    /** {@code results} of {@code op}, calling the hook now and then when {@code op} matches patterns. */
    static QueryIterator wrap(Op op, QueryIterator results, ExecutionContext execCxt) {
        Consumer<AtomicBoolean> hook = execCxt.getContext().get(HOOK);
        if (hook == null || !matchesPatterns(op))
            return results;
        return new Checkpointed(results, execCxt, hook);
    }

    private static boolean matchesPatterns(Op op) {
        return op instanceof OpBGP || op instanceof OpQuadPattern || op instanceof OpTriple || op instanceof OpQuad
                || op instanceof OpQuadBlock || op instanceof OpPath;
    }

    private static final class Checkpointed extends QueryIter1 {
        private final Consumer<AtomicBoolean> hook;
        private int count;

        Checkpointed(QueryIterator input, ExecutionContext execCxt, Consumer<AtomicBoolean> hook) {
            super(input, execCxt);
            this.hook = hook;
        }

        @Override
        protected boolean hasNextBinding() {
            if ((++count & (EVERY - 1)) == 0)
                hook.accept(getExecContext().getCancelSignal());
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() { return getInput().nextBinding(); }

        @Override
        protected void requestSubCancel() { }

        @Override
        protected void closeSubIterator() { }
    }
}
