package org.icakg.server;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty settings for this workload: the bind address, and small answers sent without extra copies. */
final class JettyTuning {

    private JettyTuning() {}

    static void apply(Server server, String host) {
        for (Connector c : server.getConnectors()) {
            if (c instanceof ServerConnector connector)
                connector.setHost(host);
        }
    }
}
