package org.icakg.web;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.ServerConfig;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.Stats;
import org.icakg.write.Users;
import org.icakg.write.WriteGate;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;


/** The Javalin app: the controller of every {@link Route} row the app answers, and the one error path. */
public final class WebApp {


    private WebApp() {}

    /** The counts of the app's graph, begun in the background once the server is ready ({@link #ready}). */
    private static final Key<Stats> STATS = new Key<>("ica-kg.stats");

    /**
     * The server answers: the background thread that makes the counts, the search index and the timeline (when a page
     * first asks for them) is stopped with the server.
     */
    public static void ready(Javalin app, Server jetty) {
        Stats stats = app.unsafe.appDataManager.get(STATS);
        // Stopped with the server, before the store closes: a count under way holds a read transaction.
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                stats.close();
            }
        });
    }

    public static Javalin create(KnowledgeBase kb, ServerConfig config, Metrics metrics) {
        Templates templates = new Templates();
        // Background work only (counts, search index, timeline): under its own limit, not a request's.
        QueryLibrary queries = new QueryLibrary(kb.vocab(), kb.dataset(), Stats.BACKGROUND_LIMIT);
        Stats stats = new Stats(queries);
        ServiceDescription description = new ServiceDescription(kb.vocab(), stats);

        var sparql = new SparqlController(description, kb);
        var entities = new EntityController(kb, new EntityPage(kb, templates));
        var dataset = new DatasetController(kb, description);
        var metricsPage = new MetricsController(metrics);
        var editor = new QueryEditorController(templates, kb);
        var vocabulary = new VocabularyController(kb, new VocabularyPages(kb, templates));
        var classes = new ClassController(kb, stats, templates);
        var neighbourhood = new NeighbourhoodController(kb);
        var searchIndex = new SearchIndex(queries, stats);
        var chronology = new Chronology(kb, queries, stats);
        var home = new HomeController(kb, stats, chronology, templates);
        var timeline = new TimelineController(chronology, templates);
        var map = new MapController(kb, searchIndex, stats, templates);
        var search = new SearchController(kb, searchIndex, templates);
        kb.onDataChanged(stats::invalidate);
        metrics.storeSize(() -> {
            Stats.Snapshot s = stats.peek().snapshot(); // never starts a count or waits: a scrape answers at once
            return s == null ? Double.NaN : s.triples();
        });
        metrics.gauge("ica.store.counts.current", "1 when the store's counts are of the current data, 0 when a write "
                + "came after them (they are made again when a page next asks), NaN before the first", () -> {
            Stats.Latest l = stats.peek();
            return l.snapshot() == null ? Double.NaN : l.current() ? 1 : 0;
        });
        WriteGate gate = WriteGate.open(kb, config.store());
        Auth auth = new Auth(Users.load(config.usersFile(), config.usersInline()));
        ReportResponses reports = new ReportResponses(kb.prefixes(), templates);
        long maxBody = config.maxBodyBytes();
        var validate = new ValidateController(kb, gate, reports, maxBody);
        var update = new UpdateController(auth, gate, reports, kb.vocab(), maxBody);
        var graphStore = new GraphStoreController(kb, auth, gate, reports, maxBody);
        var audit = new AuditController(auth, gate.audit());
        var workbench = new org.icakg.workbench.Workbench(kb, gate, auth::require,
                (q, n) -> searchIndex.search(q, n).stream().map(SearchIndex.Hit::entity).toList(), config.sources());

        Javalin app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.startup.showJavalinBanner = false;
            cfg.appData(STATS, stats);
            // A known path asked with a method it does not take is 405 naming the allowed ones, not 404.
            cfg.http.prefer405over404 = true;
            var r = cfg.routes;
            for (Route route : Route.values()) {
                Handler handler = switch (route) {
                    case SPARQL_QUERY, SPARQL_QUERY_POST, HEALTH, OTHER -> null; // the query engine; the server; no row
                    case SPARQL_DESCRIPTION -> sparql::describe;
                    case SPARQL_REFUSAL -> sparql::post;
                    case QUERY_EDITOR -> editor::page;
                    case QUERY_EXAMPLES -> editor::examples;
                    case QUERY_PREFIXES -> editor::prefixes;
                    case HOME -> home::page;
                    case ENTITY -> entities::get;
                    case NEIGHBOURHOOD -> neighbourhood::get;
                    case SEARCH -> search::search;
                    case CLASSES -> classes::index;
                    case CLASS -> classes::get;
                    case TIMELINE -> timeline::timeline;
                    case MAP -> map::page;
                    case ONTOLOGY -> vocabulary::ontology;
                    case SHAPES -> vocabulary::shapes;
                    case VOID -> dataset::voidDescription;
                    case DUMP -> dataset::dump;
                    case GRAPH_STORE_READ -> dataset::read;
                    case GRAPH_STORE_PUT -> graphStore::put;
                    case GRAPH_STORE_POST -> graphStore::post;
                    case GRAPH_STORE_DELETE -> graphStore::delete;
                    case UPDATE -> update::post;
                    case VALIDATE_PAGE -> validate::page;
                    case VALIDATE -> validate::check;
                    case AUDIT -> audit::list;
                    case AUDIT_ENTRY -> audit::patch;
                    case METRICS -> metricsPage::metrics;
                    case ASSET -> Assets::get;
                    case WORKBENCH, WORKBENCH_SOURCE_FORM, WORKBENCH_SOURCES, WORKBENCH_SOURCE, WORKBENCH_CHANGE,
                         WORKBENCH_ASSET, WORKBENCH_PASSAGE, WORKBENCH_STATEMENT_FORM, WORKBENCH_STATEMENTS,
                         WORKBENCH_ENTITIES -> null; // bound by Workbench.routes below
                };
                if (handler != null)
                    r.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), handler);
            }
            workbench.routes(r);
            ErrorMapping.install(cfg);
        });
        checkAgainstTable(app);
        return app;
    }

    /**
     * Checks that the app serves exactly the table's {@link Route.Answerer#APP} rows, each with its method: a route
     * added to the app but not to the table (or the reverse) stops the server from starting.
     */
    static void checkAgainstTable(Javalin app) {
        java.util.Set<String> served = new java.util.TreeSet<>();
        for (var e : app.unsafe.internalRouter.allHttpHandlers())
            if (e.endpoint.method.isHttpMethod())
                served.add(e.endpoint.method.name() + " " + e.endpoint.path);
        java.util.Set<String> table = new java.util.TreeSet<>();
        for (Route route : Route.values())
            if (route != Route.OTHER && route.answerer() == Route.Answerer.APP)
                table.add(route.method() + " " + route.path());
        if (!served.equals(table))
            throw new IllegalStateException("The app's routes differ from the route table (web/Route): served "
                    + served + ", table " + table);
    }
}
