package org.icakg.server;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

/**
 * Lets a path hold an encoded {@code %} ({@code %25}), which Jetty refuses by default as ambiguous: an entity IRI may
 * contain {@code %} (for example {@code …/id/thing/100%25}), and the site's links to an IRI holding {@code %XX} encode
 * its {@code %}. Nothing here decides access by path (writes check credentials in their handlers, static files are
 * looked up by name in one folder of the jar), so the ambiguity Jetty guards against does not arise. Encoded slashes
 * ({@code %2F}) stay refused.
 */
final class EntityPathEncoding {

    static final UriCompliance COMPLIANCE =
            UriCompliance.DEFAULT.with("ica-kg", UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);

    private EntityPathEncoding() {}

    static void apply(Server server) {
        for (Connector c : server.getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null)
                http.getHttpConfiguration().setUriCompliance(COMPLIANCE);
        }
        for (ServletContextHandler context : server.getDescendants(ServletContextHandler.class))
            context.getServletHandler().setDecodeAmbiguousURIs(true);
    }
}
