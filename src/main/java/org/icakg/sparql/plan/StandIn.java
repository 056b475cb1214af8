package org.icakg.sparql.plan;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.sse.writers.WriterOp;
import org.apache.jena.sparql.util.NodeIsomorphismMap;

/**
 * A step of our own standing in for the Jena op it replaces ({@link #effectiveOp()}): shown in a plan as
 * {@code (tag replaced-op)}, equal to another step of the same class standing in for an equal op, and left as it is by
 * transforms. Subclasses say how it is evaluated.
 */
abstract class StandIn extends OpExt {

    StandIn(String tag) {
        super(tag);
    }

    @Override
    public Op apply(Transform transform) { return this; }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        WriterOp.output(out, effectiveOp(), sCxt);
    }

    @Override
    public int hashCode() { return effectiveOp().hashCode() ^ getName().hashCode(); }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
        return other != null && other.getClass() == getClass()
                && effectiveOp().equalTo(((OpExt) other).effectiveOp(), labelMap);
    }
}
