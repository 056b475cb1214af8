package org.icakg.server;

import jakarta.servlet.http.HttpServletRequest;

import org.icakg.web.Route;

/** The {@link Route} row of a request, chosen once (by {@link Route#of}) and kept on the request. */
final class Routing {

    private static final String ATTRIBUTE = Route.class.getName();

    private Routing() {}

    /**
     * The row of {@code req}. A form POST to {@code /sparql} has its body read to find {@code query=}: call this only
     * after {@link BodyLimits} has let the request through.
     */
    static Route route(HttpServletRequest req) {
        if (req.getAttribute(ATTRIBUTE) instanceof Route known)
            return known;
        Route route = Route.of(req.getMethod(), req.getRequestURI(), req.getContentType(),
                name -> req.getParameter(name) != null);
        req.setAttribute(ATTRIBUTE, route);
        return route;
    }

    /** True when the request was routed to the SPARQL query engine (false when it was refused before routing). */
    static boolean isQuery(HttpServletRequest req) {
        return req.getAttribute(ATTRIBUTE) instanceof Route known && known.answerer() == Route.Answerer.SPARQL;
    }
}
