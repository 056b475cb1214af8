package org.icakg.server;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty settings for this workload: the bind address, and small answers sent without a large allocation each.
 * <p>
 * Fuseki sets every response's output buffer to 5 MB. Jetty's buffer pool keeps nothing that large, so each response
 * allocated (and zeroed) a fresh 5 MB direct buffer: a trivial answer cost milliseconds and {@code /health} managed a
 * few dozen requests a second. A buffer of Jetty's own default size comes from the pool and is reused; larger answers
 * are simply sent in several writes.
 */
final class JettyTuning {

    /** Bytes a response holds before it writes to the socket (Jetty's default; pooled, reused). */
    static final int OUTPUT_BUFFER_BYTES = 32 * 1024;
    /** Writes smaller than this are gathered into the output buffer rather than sent on their own. */
    static final int OUTPUT_AGGREGATION_BYTES = 8 * 1024;

    private JettyTuning() {}

    static void apply(Server server, String host) {
        for (Connector c : server.getConnectors()) {
            if (c instanceof ServerConnector connector)
                connector.setHost(host);
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null)
                smallAnswers(http.getHttpConfiguration());
        }
    }

    private static void smallAnswers(HttpConfiguration http) {
        http.setOutputBufferSize(OUTPUT_BUFFER_BYTES);
        http.setOutputAggregationSize(OUTPUT_AGGREGATION_BYTES);
    }
}
