package org.icakg.server;

import java.io.InputStream;

import org.apache.jena.sys.JenaSystem;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * While a large file loads, the libraries of the server that serves it are loaded and initialised on a thread of
 * their own: Jackson (the map's geometry is read with it), Jetty, Javalin and Micrometer, some 1,100 classes that the
 * server would otherwise load one after the other, on the one thread that starts it, after the load. Nothing here
 * touches Jena (whose classes initialise one another in cycles, so two threads initialising them at once can
 * deadlock) nor the data, and the loading thread waits for this one to end before it builds the server, so no class
 * is ever initialised by both. An optimisation only: a failure here is logged and the server starts as it would have.
 */
final class ServerWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.load");

    private final Thread thread;

    private ServerWarmUp(Thread thread) {
        this.thread = thread;
    }

    /** True when the bundle's data is large enough to warm the server up while it loads. */
    static boolean worthIt(org.icakg.kb.Bundle bundle) {
        long bytes = 0;
        for (org.icakg.kb.RdfSource s : bundle.data())
            bytes += s.content().length;
        return bytes >= org.icakg.ServerConfig.LARGE_LOAD_BYTES; // takes seconds: the warm-up then costs the start nothing
    }

    /** Starts the warm-up; Jena is initialised first, on the calling thread. */
    static ServerWarmUp start() {
        JenaSystem.init();
        Thread thread = new Thread(ServerWarmUp::run, "ica-kg-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new ServerWarmUp(thread);
    }

    /** Waits for the warm-up to end. */
    void await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        try {
            try (InputStream in = ServerWarmUp.class.getClassLoader().getResourceAsStream("geo/places.json")) {
                if (in != null)
                    new ObjectMapper().readTree(in);
            }
            Server server = new Server(new QueuedThreadPool());
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
            server.addConnector(connector);
            server.setHandler(new ServletContextHandler());
            Javalin.create(config -> config.startup.showJavalinBanner = false);
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT).close();
        } catch (Exception | LinkageError e) {
            LOG.info("warming the server's libraries up failed (the server starts without): {}", e.toString());
        }
    }
}
