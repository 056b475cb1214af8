package org.icakg.workbench;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.icakg.kb.KnowledgeBase;
import org.icakg.write.WriteGate;

import org.icakg.http.Problem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The maintainers' workbench: register a source and its passages, state what a passage says in forms generated from
 * the SHACL shapes, check it live against the graph, land it through the {@link WriteGate}, and review the change.
 * Every page needs a maintainer's credentials; every post must come from the workbench's own forms.
 */
public final class Workbench {

    /** A static file of the workbench: its class-path resource and media type. */
    private record Asset(String resource, String mediaType) {}

    /** Static files of the workbench, by public name. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "workbench.js", new Asset("workbench/static/workbench.js", "text/javascript"),
            "workbench.css", new Asset("workbench/static/workbench.css", "text/css"));

    private final SourcesController sources;
    private final ChangesController changes;
    private final StatementsController statements;

    /**
     * @param authenticate the user name of a request's valid maintainer credentials, or throws the 401/403 problem
     * @param search       entities whose labels match a text, best first, at most the given number
     * @param sources      the folder of the source texts, where a registered text is written; null for none
     */
    public Workbench(KnowledgeBase kb, WriteGate gate, Function<Context, String> authenticate,
                     BiFunction<String, Integer, List<Node>> search, Path sources) {
        Guard guard = new Guard(authenticate);
        Pages pages = new Pages();
        Words words = new Words(kb.vocab(), kb.prefixes());
        this.sources = new SourcesController(kb, gate, guard, pages, words, new SourceTexts(sources));
        this.changes = new ChangesController(kb, gate.audit(), guard, pages, words);
        this.statements = new StatementsController(kb, gate, guard, pages, words, search);
    }

    /** Adds the workbench's routes to the route table. */
    public void routes(RoutesConfig r) {
        r.get("/workbench", sources::home);
        r.get("/workbench/sources/new", sources::form);
        r.post("/workbench/sources", sources::post);
        r.get("/workbench/source", sources::source);
        r.get("/workbench/passage", statements::passage);
        r.get("/workbench/statements", statements::form);
        r.post("/workbench/statements", statements::post);
        r.get("/workbench/entities.json", statements::entities);
        r.get("/workbench/changes/{id}", changes::show);
        r.get("/workbench/assets/{name}", Workbench::asset);
    }

    private static void asset(Context ctx) {
        Asset entry = ASSETS.get(ctx.pathParam("name"));
        InputStream in = entry == null ? null : Workbench.class.getClassLoader().getResourceAsStream(entry.resource());
        if (in == null)
            throw Problem.notFound("No workbench asset " + ctx.pathParam("name"));
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(entry.mediaType() + ";charset=utf-8");
        ctx.result(in);
    }
}
