package org.icakg.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.icakg.http.Problem;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Loader;
import org.icakg.kb.RdfSource;
import org.icakg.write.ProtectedGraphException;
import org.icakg.write.WriteGate;

import io.javalin.http.Context;

/**
 * Graph Store Protocol writes at {@code /data} ({@code GET} is in {@link DatasetController}): {@code PUT} replaces a
 * graph, {@code POST} adds to it, {@code DELETE} removes it; each an authenticated, gated write. The target is
 * {@code ?graph=IRI} or {@code ?default}; the default graph being the union of all graphs, writes to it go to the
 * unattributed graph.
 */
final class GraphStoreController {

    private final KnowledgeBase kb;
    private final Auth auth;
    private final WriteGate gate;
    private final ReportResponses reports;
    private final long maxBodyBytes;

    GraphStoreController(KnowledgeBase kb, Auth auth, WriteGate gate, ReportResponses reports, long maxBodyBytes) {
        this.kb = kb;
        this.auth = auth;
        this.gate = gate;
        this.reports = reports;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code PUT /data?graph=IRI}: the graph's statements become those of the body (201 when it is new). */
    void put(Context ctx) {
        String user = auth.require(ctx);
        Node graph = target(ctx);
        Body body = body(ctx, graph);
        AtomicBoolean existed = new AtomicBoolean();
        WriteGate.Outcome outcome = gate.write(user, dsg -> {
            existed.set(dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).hasNext());
            dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
            body.parsed().dataset().find().forEachRemaining(dsg::add);
        }, List.of(body.source()));
        reports.sendOutcome(ctx, outcome, existed.get() ? 200 : 201);
    }

    /** {@code POST /data?graph=IRI} adds the body's statements; without a target, TriG or N-Quads add to any graph. */
    void post(Context ctx) {
        String user = auth.require(ctx);
        boolean whole = ctx.queryParam("graph") == null && !ctx.queryParamMap().containsKey("default");
        Node graph = whole ? kb.vocab().unattributedGraph() : target(ctx);
        Body body = whole ? body(ctx, null) : body(ctx, graph);
        WriteGate.Outcome outcome = gate.write(user,
                dsg -> body.parsed().dataset().find().forEachRemaining(dsg::add), List.of(body.source()));
        reports.sendOutcome(ctx, outcome, 200);
    }

    /** {@code DELETE /data?graph=IRI}: removes every statement of the graph (404 when it holds none). */
    void delete(Context ctx) {
        String user = auth.require(ctx);
        Node graph = target(ctx);
        WriteGate.Outcome outcome = gate.write(user, dsg -> {
            if (!dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).hasNext())
                throw Problem.notFound("No graph named " + graph.getURI());
            dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        }, List.of());
        reports.sendOutcome(ctx, outcome, 200);
    }

    /** The graph named by {@code ?graph=IRI}, or the unattributed graph for {@code ?default}. */
    private Node target(Context ctx) {
        String iri = ctx.queryParam("graph");
        boolean dflt = ctx.queryParamMap().containsKey("default");
        if ((iri == null) == !dflt)
            throw Problem.badRequest("Name the graph to write: ?graph=IRI or ?default (one of them)");
        Node graph = dflt ? kb.vocab().unattributedGraph() : DatasetController.parseIri(iri);
        ProtectedGraphException.check(kb.vocab(), graph);
        return graph;
    }

    private record Body(RdfSource source, Loader.ParsedInput parsed) {}

    /** Reads and parses the body; with a {@code graph}, every statement must go to it (triples, not other graphs). */
    private Body body(Context ctx, Node graph) {
        Lang lang = RequestBodies.rdfLang(ctx);
        RdfSource source = new RdfSource(RequestBodies.BODY, lang, RequestBodies.read(ctx, maxBodyBytes));
        Node into = graph == null ? kb.vocab().unattributedGraph() : graph;
        Loader.ParsedInput parsed = RequestBodies.parse(new Loader(kb.vocab()), source, into);
        if (graph != null)
            parsed.dataset().listGraphNodes().forEachRemaining(g -> {
                if (!g.equals(graph) && parsed.dataset().getGraph(g).size() > 0)
                    throw Problem.badRequest("The body puts statements in graph <" + g.getURI() + ">; with ?graph= "
                            + "or ?default send triples only, or POST TriG to /data with no target");
            });
        return new Body(source, parsed);
    }
}
