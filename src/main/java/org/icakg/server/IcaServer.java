package org.icakg.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.icakg.ServerConfig;
import org.icakg.federation.FederatedService;
import org.icakg.federation.IncomingQuery;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.store.Checkpoints;
import org.icakg.store.Stores;
import org.icakg.web.Metrics;
import org.icakg.web.Route;
import org.icakg.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.servlet.JavalinServlet;

/**
 * One process, one port: an embedded Fuseki answers SPARQL queries at {@code /sparql} (read-only) and the
 * Javalin app serves everything else, both on the same Jetty server. Which request goes where is the route table,
 * {@link Route}; every request passes the chain of filters listed in {@link #start(ServerConfig, KnowledgeBase)}.
 */
public final class IcaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.server");

    /**
     * Most request threads. Fuseki's own default (20) lets a queue of writes waiting for the store's single writer
     * hold every thread, so that even {@code /health} waits seconds; requests mostly wait on locks or the network, so
     * many threads cost little.
     */
    public static final int MAX_THREADS = 256;
    /** Request threads kept when idle. */
    public static final int MIN_THREADS = 8;

    private final FusekiServer fuseki;
    private final RequestLog log;
    private final KnowledgeBase kb;
    private final ServerConfig config;
    private final FederatedService federation;
    private final SmallQueries smallQueries;
    private final Preparation preparation;

    private IcaServer(FusekiServer fuseki, RequestLog log, KnowledgeBase kb, ServerConfig config,
                      FederatedService federation, SmallQueries smallQueries, Preparation preparation) {
        this.fuseki = fuseki;
        this.preparation = preparation;
        this.log = log;
        this.smallQueries = smallQueries;
        this.federation = federation;
        this.kb = kb;
        this.config = config;
    }

    /** Loads (or reopens) the knowledge base and starts serving it. */
    public static IcaServer start(ServerConfig config) {
        Bundle bundle = config.dataPaths().isEmpty() ? Bundle.bundled() : Bundle.withData(config.dataPaths());
        var dataset = config.store() == null ? Stores.inMemory() : Stores.tdb2(config.store());
        // While a large file loads, the server's libraries are loaded on a thread of their own. The bundled data is
        // small, and is not read at all to reopen a store (the bundle reads its files when first asked for).
        ServerWarmUp warmUp = !config.dataPaths().isEmpty() && ServerWarmUp.worthIt(bundle) ? ServerWarmUp.start() : null;
        KnowledgeBase kb = KnowledgeBase.open(bundle, config.vocab(), dataset);
        if (warmUp != null)
            warmUp.await();
        return start(config, kb);
    }

    /** Starts serving a knowledge base that is already open. */
    public static IcaServer start(ServerConfig config, KnowledgeBase kb) {
        kb.dataset().getContext().set(ARQ.queryTimeout, Long.toString(config.queryTimeout().toMillis()));
        Metrics metrics = new Metrics();
        // Fair admission: long reads give their slot up and take turns on the processors at the engine's checkpoints.
        Admission admission = new Admission(metrics);
        kb.dataset().getContext().set(Checkpoints.HOOK, (Consumer<AtomicBoolean>) admission::checkpoint);
        // Federation: SERVICE calls only the endpoints the operator allows, within the query's time limit.
        var ownPort = new java.util.concurrent.atomic.AtomicInteger(config.port());
        FederatedService federation = new FederatedService(config.federation(), config.queryTimeout(),
                kb.vocab().base(), ownPort::get, metrics::federationRefused);
        federation.install(kb.dataset().getContext());
        AnswerCache cache = new AnswerCache(config.answerCache());
        RequestLog log = new RequestLog();
        Preparation preparation = new Preparation(kb);
        kb.onDataChanged(cache::invalidate);
        Javalin app = WebApp.create(kb, config, metrics);
        JavalinServlet servlet = new JavalinServlet(app.unsafe);
        DataService queryOnly = DataService.newBuilder(kb.dataset()).addEndpoint(Operation.Query, "").build();
        long maxBuffered = config.maxBufferedResultBytes();
        SmallQueries smallQueries = new SmallQueries(kb.dataset(), config.queryTimeout());
        FusekiServer fuseki = FusekiServer.create()
                .port(config.port())
                .numServerThreads(MIN_THREADS, MAX_THREADS)
                .loopback(false)
                .enableCors(false) // cross-origin requests: CrossOrigin, in front of everything
                .registerOperation(Operation.Query, new IncomingQuery(config.queryTimeout()))
                .add(Route.SPARQL_QUERY.path(), queryOnly)
                // Every request, in this order:
                .addFilter("/*", new SecurityHeaders())                                  // safety headers on every answer
                .addFilter("/*", new HeadAsGet())                                        // HEAD answered as GET
                .addFilter("/*", new RequestLogFilter(log, config.slowQuery()))          // log line; slow queries in full
                .addFilter("/*", new MetricsFilter(metrics))                             // count and time by route template
                .addFilter("/*", new BodyLimits(config.maxBodyBytes()))                  // 413/411 before any body is read
                .addFilter("/*", new SparqlFormatNames())                                // format=jsonld etc. at /sparql
                .addFilter("/*", new AdmissionFilter(admission))                         // wait for a slot (not /health)
                .addFilter("/*", new AnswerCacheFilter(cache, maxBuffered))              // ETag/304, cached answers
                .addFilter("/*", new TimeLimitGuard(config.queryTimeout(), maxBuffered)) // time-out → 503
                .addFilter("/*", new Dispatch(smallQueries, servlet)) // query engine or controller
                .addServlet("/*", servlet)
                .fusekiModules(org.apache.jena.fuseki.main.sys.FusekiModules.empty())
                .build();
        // Ahead of the servlet context (Fuseki's and the app's servlets, the filters above): CORS, then /health.
        var jetty = fuseki.getJettyServer();
        jetty.setHandler(CrossOrigin.around(new EarlyAnswers(jetty.getHandler(),
                config.store() == null ? "memory" : "tdb2", new EarlyQueries(smallQueries, cache, admission, maxBuffered),
                log, config.slowQuery(), metrics)));
        JettyTuning.apply(fuseki.getJettyServer(), config.host());
        EntityPathEncoding.apply(fuseki.getJettyServer());
        PlainErrorHandler.install(fuseki.getJettyServer());
        if (!kb.reopened())
            kb.shapes(); // parsed on a second thread meanwhile: shapes that cannot be used stop the server before it serves
        else // read once the first answer is out, or by the first request that needs them
            log.afterFirst(preparation::start);
        fuseki.start();
        ownPort.set(fuseki.getHttpPort());
        metrics.bindJvmMetrics(); // not needed for the first answer
        WebApp.ready(app, fuseki.getJettyServer()); // counts, search index, timeline: on a background thread from now
        return new IcaServer(fuseki, log, kb, config, federation, smallQueries, preparation);
    }

    /**
     * Reads what a reopened store left for later (shape files, prefixes, shapes) on a thread of its own, once. Shapes
     * that cannot be used are reported here; validation, forms and writes then refuse with the same errors. The
     * server waits for it before it closes the store (it reads the store's prefixes in a transaction).
     */
    private static final class Preparation {
        private final KnowledgeBase kb;
        private Thread thread;
        private boolean closed;

        Preparation(KnowledgeBase kb) { this.kb = kb; }

        synchronized void start() {
            if (closed || thread != null)
                return;
            thread = new Thread(() -> {
                try {
                    kb.prepare();
                } catch (KnowledgeBase.LoadException e) {
                    LOG.error("the bundled shapes cannot be used, so validation, forms and writes are refused: {}",
                            e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("shapes and prefixes not read ahead ({}): the first request that needs them reads them",
                            e.toString());
                }
            }, "ica-kg-prepare");
            thread.setDaemon(true);
            thread.start();
        }

        /** Starts nothing more, and waits for a read under way. */
        void close() {
            Thread t;
            synchronized (this) {
                closed = true;
                t = thread;
            }
            if (t == null)
                return;
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int port() { return fuseki.getHttpPort(); }

    /** {@code http://host:port} of the running server. */
    public String url() { return "http://" + hostForUrl() + ":" + port(); }

    public KnowledgeBase knowledgeBase() { return kb; }

    public ServerConfig config() { return config; }

    private String hostForUrl() {
        String h = config.host();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    @Override
    public void close() {
        fuseki.stop();
        preparation.close();
        smallQueries.close();
        federation.close();
        log.close();
        Stores.close(kb.dataset());
    }

}
