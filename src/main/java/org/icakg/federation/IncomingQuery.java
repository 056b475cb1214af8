package org.icakg.federation;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.icakg.sparql.QueryShape;

/**
 * Fuseki's query operation, with what {@link FederatedService} needs to know of the request put in the query's
 * context: the hops that brought it ({@value FederatedService#DEPTH_HEADER}), its deadline, and whether its client
 * has gone.
 */
public final class IncomingQuery extends SPARQL_QueryDataset {

    /** Largest hop count believed from a request header; more is taken as this. */
    static final int MAX_HEADER_DEPTH = 64;

    private final Duration queryTimeout;

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
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        var cxt = action.getContext(); // a copy made for this request
        cxt.set(FederatedService.DEPTH, depth(action.getRequestHeader(FederatedService.DEPTH_HEADER)));
        cxt.set(FederatedService.DEADLINE, System.nanoTime() + queryTimeout.toNanos());
        cxt.set(FederatedService.CLIENT_GONE, clientGone(action));
        return super.createQueryExec(action, query, dataset);
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

    /**
     * True once Jetty reports the client's connection failed or closed. Over HTTP/1.1 Jetty does not read a connection
     * while its request is handled, so a client that simply hangs up is noticed only when the answer is written.
     */
    private static BooleanSupplier clientGone(HttpAction action) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(action.getRequest());
        if (request == null)
            return () -> false;
        var endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        var failed = new java.util.concurrent.atomic.AtomicBoolean();
        request.addFailureListener(t -> failed.set(true));
        return () -> failed.get() || endPoint.isInputShutdown() || !endPoint.isOpen();
    }
}
