package org.icakg.web;

import org.icakg.kb.KnowledgeBase;
import org.icakg.server.Metrics;
import org.icakg.server.ServerConfig;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.Stats;
import org.icakg.write.Users;
import org.icakg.write.WriteGate;

import io.javalin.Javalin;


/** The Javalin app: every route of the browsing layer and of the non-query SPARQL paths, in one table. */
public final class WebApp {


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
            ErrorMapping.install(cfg);
        });
    }
}
