package org.icakg.federation;

import java.time.Duration;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.icakg.sparql.QueryShape;

/**
 * Fuseki's query operation, with what {@link FederatedService} needs to know of the request put in the query's
 * context: the hops that brought it ({@value FederatedService#DEPTH_HEADER}) and its deadline. A query whose client
 * hangs up is cancelled ({@link ClientWatch}), and with it its outbound calls.
 */
public final class IncomingQuery extends SPARQL_QueryDataset {

    /** Largest hop count believed from a request header; more is taken as this. */
    static final int MAX_HEADER_DEPTH = 64;

    /** Request attribute holding the {@link ClientWatch} of the query being answered. */
    private static final String WATCH = ClientWatch.class.getName();

    private final Duration queryTimeout;
    private final ClientWatch.Watches watches = new ClientWatch.Watches();

    public IncomingQuery(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    /**
     * Refuses a query past the limits of {@link QueryShape} before it is parsed, and one that still exhausts the
     * thread's stack while being parsed, planned or run, with a 400 that says so (and one log line, not a thousand).
     */
    @Override
    protected void execute(String queryString, HttpAction action) {
        QueryShape.of(queryString).problem().ifPresent(ServletOps::errorBadRequest);
        try {
            super.execute(queryString, action);
        } catch (StackOverflowError e) {
            action.log.warn("[{}] query too deeply nested for the stack ({} characters)", action.id,
                    queryString.length());
            ServletOps.errorBadRequest("Query too deeply nested to evaluate: its expressions or patterns nest deeper "
                    + "than the server's stack allows (" + queryString.length() + " characters). Flatten it, or list "
                    + "alternatives with VALUES or IN (...).");
        } finally {
            if (action.getRequest().getAttribute(WATCH) instanceof ClientWatch watch)
                watch.close();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        var cxt = action.getContext(); // a copy made for this request
        cxt.set(FederatedService.DEPTH, depth(action.getRequestHeader(FederatedService.DEPTH_HEADER)));
        cxt.set(FederatedService.DEADLINE, System.nanoTime() + queryTimeout.toNanos());
        QueryExec exec = super.createQueryExec(action, query, dataset);
        ClientWatch watch = ClientWatch.start(watches, action.getRequest(), exec::abort);
        if (watch != null)
            action.getRequest().setAttribute(WATCH, watch);
        return exec;
    }

    /** The hop count a request says it has come through: 0 when absent or unreadable. */
    static int depth(String header) {
        if (header == null)
            return 0;
        try {
            return Math.max(0, Math.min(MAX_HEADER_DEPTH, Integer.parseInt(header.strip())));
        } catch (NumberFormatException e) {
            return MAX_HEADER_DEPTH;
        }
    }
}
