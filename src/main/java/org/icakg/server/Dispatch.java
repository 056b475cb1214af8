package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.Route;
import org.icakg.web.VaryHeader;

/** Last of the chain: hands the request to whoever its {@link Route} row says answers it. */
final class Dispatch extends HttpFilter {

    private final transient SmallQueries queries;
    private final transient HttpServlet app;

    /**
     * @param queries answers plain SELECT and ASK queries, leaving the rest to Fuseki
     * @param app     the Javalin app, which binds a controller to every {@link Route.Answerer#APP} row
     */
    Dispatch(SmallQueries queries, HttpServlet app) {
        this.queries = queries;
        this.app = app;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        switch (Routing.route(req).answerer()) {
            case SPARQL -> {
                HttpServletRequest unanswered = queries.answer(req, res);
                if (unanswered != null) {
                    // Fuseki negotiates every query answer but says so (Vary: Accept) only for a GET's
                    VaryHeader.add(res, "Accept");
                    chain.doFilter(unanswered, res); // on to Fuseki's query endpoint, which follows this filter
                }
            }
            case APP -> app.service(req, res);
        }
    }
}
