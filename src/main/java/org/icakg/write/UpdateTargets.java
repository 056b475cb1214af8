package org.icakg.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.icakg.kb.Vocab;

/**
 * The graphs a SPARQL Update names as the ones it changes, read from the request before it runs. An update that names
 * a graph the server maintains is refused whole, before anything is applied: {@code DROP GRAPH <…/inferred>} is an
 * attempt to write that graph even though, run, it would change nothing (deletes reaching the inferred graph through
 * a variable, as in {@code DELETE WHERE { GRAPH ?g {…} }}, are ignored instead; see {@link RecordingDataset}).
 */
public final class UpdateTargets {

    private UpdateTargets() {}

    /** Throws {@link ProtectedGraphException} when an operation of {@code request} names a protected graph as its target. */
    public static void check(Vocab vocab, UpdateRequest request) {
        for (Update op : request.getOperations())
            for (Node g : written(op))
                if (g != null && g.isURI())
                    ProtectedGraphException.check(vocab, g);
    }

    /** The graphs {@code op} names as changed (MOVE changes its source too: it is emptied). */
    static List<Node> written(Update op) {
        List<Node> out = new ArrayList<>();
        if (op instanceof UpdateDropClear dc)
            out.add(dc.isOneGraph() ? dc.getGraph() : null);
        else if (op instanceof UpdateCreate c)
            out.add(c.getGraph());
        else if (op instanceof UpdateBinaryOp b) {
            out.add(named(b.getDest()));
            if (op instanceof UpdateMove)
                out.add(named(b.getSrc()));
        } else if (op instanceof UpdateData d)
            graphs(d.getQuads(), out);
        else if (op instanceof UpdateDeleteWhere dw)
            graphs(dw.getQuads(), out);
        else if (op instanceof UpdateModify m) {
            out.add(m.getWithIRI());
            graphs(m.getDeleteQuads(), out);
            graphs(m.getInsertQuads(), out);
        }
        return out;
    }

    private static Node named(Target t) { return t.isOneNamedGraph() ? t.getGraph() : null; }

    private static void graphs(Collection<Quad> quads, List<Node> out) {
        quads.forEach(q -> out.add(q.getGraph()));
    }
}
