package org.icakg.web;

import org.apache.jena.update.UpdateException;
import org.icakg.kb.KnowledgeBase;
import org.icakg.server.Metrics;
import org.icakg.server.ServerConfig;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.Stats;
import org.icakg.write.ProtectedGraphException;
import org.icakg.write.StoreWriteException;
import org.icakg.write.UnsafeIriException;
import org.icakg.write.Users;
import org.icakg.write.WriteGate;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin app: every route of the browsing layer and of the non-query SPARQL paths, in one table. */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.web");

    private WebApp() {}

    public static Javalin create(KnowledgeBase kb, ServerConfig config, Metrics metrics) {
        Templates templates = new Templates();
        QueryLibrary queries = new QueryLibrary(kb.vocab(), kb.dataset());
        Stats stats = new Stats(queries);
        ServiceDescription description = new ServiceDescription(kb.vocab(), stats);

        var sparql = new SparqlController(description, kb);
        var entities = new EntityController(kb, new EntityPage(kb, templates));
        var dataset = new DatasetController(kb, description);
        var health = new HealthController(metrics, config);
        var editor = new QueryEditorController(templates, kb);
        var vocabulary = new VocabularyController(kb, new VocabularyPages(kb, templates));
        var classes = new ClassController(kb, queries, stats, templates);
        var neighbourhood = new NeighbourhoodController(kb);
        var searchIndex = new SearchIndex(queries, stats);
        var chronology = new Chronology(kb, queries, stats);
        var home = new HomeController(kb, stats, chronology, templates);
        var timeline = new TimelineController(chronology, templates);
        var map = new MapController(kb, searchIndex, templates);
        var search = new SearchController(kb, searchIndex, templates);
        kb.onDataChanged(stats::invalidate);
        metrics.storeSize(() -> stats.get().triples());
        WriteGate gate = WriteGate.open(kb, config.store());
        Auth auth = new Auth(Users.load(config.usersFile(), System.getenv(Users.ENV)));
        ReportResponses reports = new ReportResponses(kb.prefixes(), templates);
        long maxBody = config.maxBodyBytes();
        var validate = new ValidateController(kb, gate, reports, maxBody);
        var update = new UpdateController(auth, gate, reports, kb.vocab(), maxBody);
        var graphStore = new GraphStoreController(kb, auth, gate, reports, maxBody);
        var audit = new AuditController(auth, gate.audit());
        var workbench = new org.icakg.workbench.Workbench(kb, gate, auth::require,
                (q, n) -> searchIndex.search(q, n).stream().map(SearchIndex.Hit::entity).toList());

        return Javalin.create(cfg -> {
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.startup.showJavalinBanner = false;
            // A known path asked with a method it does not take is 405 naming the allowed ones, not 404.
            cfg.http.prefer405over404 = true;
            var r = cfg.routes;
            r.get("/sparql", sparql::describe);
            r.post("/sparql", sparql::post);
            r.get("/query", editor::page);
            r.get("/query/examples.json", editor::examples);
            r.get("/query/prefixes.json", editor::prefixes);
            r.get("/", home::page);
            r.get("/id/<path>", entities::get);
            r.get("/graph.json", neighbourhood::get);
            r.get("/search", search::search);
            r.get("/classes", classes::index);
            r.get("/class", classes::get);
            r.get("/timeline", timeline::timeline);
            r.get("/map", map::page);
            r.get("/ontology", vocabulary::ontology);
            r.get("/shapes", vocabulary::shapes);
            r.get("/void", dataset::voidDescription);
            r.get("/dumps/{file}", dataset::dump);
            r.get("/data", dataset::read);
            r.put("/data", graphStore::put);
            r.post("/data", graphStore::post);
            r.delete("/data", graphStore::delete);
            r.post("/update", update::post);
            r.get("/validate", validate::page);
            r.post("/validate", validate::check);
            r.get("/audit", audit::list);
            r.get("/audit/{id}", audit::patch);
            r.get("/health", health::health);
            r.get("/metrics", health::metrics);
            r.get("/assets/{name}", Assets::get);
            workbench.routes(r);
            r.exception(Problem.class, (e, ctx) -> e.send(ctx));
            r.exception(ProtectedGraphException.class, (e, ctx) -> Problem.forbidden(e.getMessage()).send(ctx));
            r.exception(UnsafeIriException.class, (e, ctx) -> Problem.badRequest(e.getMessage()).send(ctx));
            r.exception(StoreWriteException.class, (e, ctx) -> (e.diskFull() ? Problem.insufficientStorage(e.getMessage())
                    : Problem.serviceUnavailable(e.getMessage())).send(ctx));
            r.exception(UpdateException.class, (e, ctx) -> Problem.badRequest("Update failed: " + e.getMessage()).send(ctx));
            // Javalin's own refusals (404 for an unknown path, 405, 400 from a handler) and anything unexpected
            // answer through the same Problem path as the rest: negotiated, escaped, never a stack trace.
            r.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(e, ctx).send(ctx));
            r.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Problem.serverError().send(ctx);
            });
            cfg.router.javaLangErrorHandler((res, error) -> {
                LOG.error("Request failed with {}", error.toString(), error instanceof StackOverflowError ? null : error);
                Problem.serverError().send(null, res);
            });
        });
    }

    private static Problem fromJavalin(HttpResponseException e, Context ctx) {
        if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode())
            return Problem.withStatus(e.getStatus(), "Method " + ctx.method() + " is not allowed on " + ctx.path()
                    + (e.getDetails().isEmpty() ? "" : "; allowed: " + String.join(", ", e.getDetails().values())));
        return Problem.withStatus(e.getStatus(), e.getMessage());
    }
}
