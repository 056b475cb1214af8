package org.icakg.server;

import java.time.Duration;
import java.util.Set;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

/**
 * Cross-origin reads, for query tools and pages on other sites, answered ahead of everything else by Jetty's own
 * {@link CrossOriginHandler}: any origin may read, but never with the browser's stored credentials. A page elsewhere
 * that makes a maintainer's browser send its Basic credentials cannot read the answer (the audit log, the workbench's
 * pages), because {@code Access-Control-Allow-Credentials} is never sent; writes from another origin are refused
 * anyway ({@code web/Auth}).
 */
final class CrossOrigin {

    /** Methods a cross-origin script may use: reads, and a query sent by POST. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
    /** Request headers a cross-origin script may send (an explicit {@code Authorization} is its own credentials). */
    static final Set<String> REQUEST_HEADERS = Set.of("Accept", "Content-Type", "Origin", "X-Requested-With",
            "Authorization", "If-None-Match");
    /** Response headers a cross-origin script may read. */
    static final Set<String> EXPOSED_HEADERS = Set.of("Cache-Control", "Content-Language", "Content-Length",
            "Content-Type", "Expires", "Last-Modified", "Pragma", "ETag", "Link", "Location");
    /** How long a browser may keep a preflight's answer. */
    static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(30);

    private CrossOrigin() {}

    /** The cross-origin handler in front of {@code next}. */
    static Handler around(Handler next) {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(Set.of("*"));
        cors.setAllowCredentials(false);
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(REQUEST_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setPreflightMaxAge(PREFLIGHT_MAX_AGE);
        cors.setHandler(next);
        return cors;
    }
}
