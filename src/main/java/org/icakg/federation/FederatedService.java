package org.icakg.federation;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.engine.iterator.QueryIter;
import org.apache.jena.sparql.engine.iterator.QueryIterCommonParent;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.engine.Rename;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Every {@code SERVICE} call of a query served here, in place of Jena's own HTTP executor: only to endpoints the
 * {@link FederationPolicy} allows, never to this server itself, never to a loopback or private address unless the
 * operator named the endpoint (checked on the addresses actually connected to), no redirects followed, bounded by
 * the query's time limit and cancelled with it, and no byte of a remote's error body passed on.
 */
public final class FederatedService implements ChainingServiceExecutor, AutoCloseable {

    /** Context key: how many federated hops brought the query here (from {@link #DEPTH_HEADER}). */
    public static final Symbol DEPTH = Symbol.create("https://w3id.org/ica-kg/federation#depth");
    /** Context key: {@link System#nanoTime()} by which the query must end. */
    public static final Symbol DEADLINE = Symbol.create("https://w3id.org/ica-kg/federation#deadline");
    private static final Symbol CALLS = Symbol.create("https://w3id.org/ica-kg/federation#calls");

    /** Header on outbound calls carrying the hop count, read back from incoming queries. */
    public static final String DEPTH_HEADER = "Federation-Depth";
    /** Most {@code SERVICE} calls one query may make (a call is made once per solution it joins with). */
    public static final int MAX_CALLS_PER_QUERY = 1000;
    /** Largest answer read from a remote endpoint. */
    public static final int MAX_RESULT_BYTES = 8 * 1024 * 1024;
    /** Longest wait for a connection (less when the query has less time left). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long a connection to a remote is kept open unused. A call cancelled before its request went out (its client
     * left at once) leaves the connection opened for it unused: it is closed after this.
     */
    public static final Duration IDLE_CONNECTION = Duration.ofSeconds(2);
    /** How often a waiting call looks whether its query was cancelled (its time limit, or its client left). */
    static final long POLL_MILLIS = 25;
    /** Queries whose URL would be longer are sent with POST. */
    static final int MAX_GET_URL = 2048;
    static final String ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
            + "text/tab-separated-values;q=0.8, text/csv;q=0.5";

    private final FederationPolicy policy;
    private final Duration queryTimeout;
    private final String ownBase;
    private final IntSupplier ownPort;
    private final Consumer<FederationRefused.Reason> refusals;
    /** Made and started by the first {@code SERVICE} call ({@link #client()}); null until then. */
    private HttpClient client;

    /**
     * @param ownBase   this server's public base: endpoints under it are this server
     * @param ownPort   the port this server listens on, once started
     * @param refusals  told of each refused call (for metrics)
     */
    public FederatedService(FederationPolicy policy, Duration queryTimeout, String ownBase, IntSupplier ownPort,
                            Consumer<FederationRefused.Reason> refusals) {
        this.policy = policy;
        this.queryTimeout = queryTimeout;
        this.ownBase = ownBase;
        this.ownPort = ownPort;
        this.refusals = refusals;
    }

    /**
     * The HTTP client, made and started by the first {@code SERVICE} call: starting it reads the JDK's trust store
     * (some 150 certificates parsed), a tenth of the server's start-up that most runs never need, and making it
     * initialises a good part of Jetty's client classes.
     */
    private synchronized HttpClient client() {
        if (client == null) {
            client = new HttpClient();
            client.setFollowRedirects(false);
            client.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
            client.setIdleTimeout(IDLE_CONNECTION.toMillis());
            client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "ica-kg federation"));
            client.setSocketAddressResolver(this::resolve);
            client.setName("ica-kg-federation");
        }
        if (!client.isStarted()) {
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the federation client: " + e.getMessage(), e);
            }
        }
        return client;
    }

    /** Makes {@code context} (a served data set's) run every SERVICE call through this executor and no other. */
    public void install(Context context) {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.addSingleLink(this);
        ServiceExecutorRegistry.set(context, registry);
        context.set(org.apache.jena.query.ARQ.httpServiceAllowed, false);
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        Context cxt = execCxt.getContext();
        URI endpoint = checked(opExecute, cxt);
        try {
            QueryIterator remote = call(endpoint, opExecute, cxt, execCxt);
            return new QueryIterCommonParent(remote, binding, execCxt);
        } catch (QueryExceptionHTTP e) {
            if (opExecute.getSilent())
                return QueryIterSingleton.create(binding, execCxt);
            throw e;
        }
    }

    /** The endpoint, once the policy allows a call to it; else a {@link FederationRefused}. */
    private URI checked(OpService op, Context cxt) {
        if (!op.getService().isURI())
            throw refuse(FederationRefused.Reason.NOT_HTTP, "SERVICE needs an endpoint IRI, got "
                    + (op.getService().isVariable() ? "the unbound variable " + op.getService() : op.getService()));
        String iri = op.getService().getURI();
        URI uri;
        try {
            uri = new URI(iri);
        } catch (URISyntaxException e) {
            throw refuse(FederationRefused.Reason.NOT_HTTP, "SERVICE <" + iri + "> is not a URL");
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())
                || uri.getHost() == null || uri.getRawUserInfo() != null)
            throw refuse(FederationRefused.Reason.NOT_HTTP, "SERVICE <" + iri + "> is refused: only http(s) URLs "
                    + "with a host and no user name are called");
        if (iri.startsWith(ownBase))
            throw refuse(FederationRefused.Reason.SELF, selfMessage("<" + iri + ">"));
        if (policy.match(uri).isEmpty())
            throw refuse(FederationRefused.Reason.NOT_ALLOWED, "SERVICE <" + iri + "> is not an endpoint this server "
                    + "may call. The operator allows it with " + FederationPolicy.OPTION + " " + endpointOf(uri)
                    + " (or " + FederationPolicy.OPTION + "-file); allowed by default: "
                    + String.join(", ", FederationPolicy.DEFAULT_ENDPOINTS) + ".");
        int depth = cxt.getInt(DEPTH, 0);
        if (depth + 1 > policy.maxDepth())
            throw refuse(FederationRefused.Reason.DEPTH, "SERVICE <" + iri + "> is refused: this query arrived through "
                    + depth + " federated hop(s) and the limit is " + policy.maxDepth() + " nested hops");
        AtomicInteger calls = cxt.get(CALLS);
        if (calls == null) {
            calls = new AtomicInteger();
            cxt.set(CALLS, calls);
        }
        if (calls.incrementAndGet() > MAX_CALLS_PER_QUERY)
            throw refuse(FederationRefused.Reason.CALLS, "SERVICE <" + iri + "> is refused: a query may make at most "
                    + MAX_CALLS_PER_QUERY + " SERVICE calls, this would be call " + calls.get()
                    + " (a SERVICE after a pattern is called once per solution; put it first or use VALUES)");
        return uri;
    }

    private static String selfMessage(String endpoint) {
        return "SERVICE to " + endpoint + " is refused: it is this server itself; write the pattern without SERVICE";
    }

    private static String endpointOf(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private FederationRefused refuse(FederationRefused.Reason reason, String message) {
        refusals.accept(reason);
        return new FederationRefused(reason, message);
    }

    /** Sends the sub-query, waits for the whole answer (bounded) while watching the query and client, parses it. */
    private QueryIterator call(URI endpoint, OpService op, Context cxt, ExecutionContext execCxt) {
        Op restored = Rename.reverseVarRename(op.getSubOp(), true);
        Query query = OpAsQuery.asQuery(restored);
        client(); // the first call starts the client (seconds on a busy machine): the time left is measured after it
        long deadline = cxt.get(DEADLINE, System.nanoTime() + queryTimeout.toNanos());
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0)
            throw new QueryCancelledException();
        Request request = request(endpoint, query.toString(), cxt.getInt(DEPTH, 0) + 1)
                .timeout(leftMillis, TimeUnit.MILLISECONDS)
                .idleTimeout(Math.min(leftMillis, queryTimeout.toMillis()), TimeUnit.MILLISECONDS);
        CompletableFuture<ContentResponse> answer = new CompletableResponseListener(request, MAX_RESULT_BYTES + 1).send();
        ContentResponse response = await(endpoint, request, answer, execCxt.getCancelSignal());
        int status = response.getStatus();
        if (status / 100 == 3)
            throw remote(endpoint, "answered " + status + " (a redirect); redirects are not followed: name the "
                    + "endpoint it leads to");
        if (status / 100 != 2)
            throw remote(endpoint, "answered HTTP " + status);
        if (response.getContent().length > MAX_RESULT_BYTES)
            throw tooLarge(endpoint);
        Lang lang = resultLang(response.getMediaType());
        if (lang == null)
            throw remote(endpoint, "answered with " + response.getMediaType() + ", not SPARQL results");
        List<Binding> rows = new ArrayList<>();
        try {
            RowSet rs = RowSetReaderRegistry.createReader(lang)
                    .read(new ByteArrayInputStream(response.getContent()), cxt);
            rs.forEachRemaining(rows::add);
        } catch (RuntimeException e) {
            throw remote(endpoint, "answered results that cannot be read as " + lang.getLabel());
        }
        QueryIterator rowsIter = QueryIterPlainWrapper.create(rows.iterator(), execCxt);
        Map<Var, Var> renamed = renaming(op, restored);
        return renamed == null ? rowsIter : QueryIter.map(rowsIter, renamed);
    }

    private Request request(URI endpoint, String query, int depth) {
        Request request = client().newRequest(endpoint)
                .headers(h -> h.put(HttpHeader.ACCEPT, ACCEPT).put(DEPTH_HEADER, Integer.toString(depth)));
        String encoded = java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
        if (endpoint.toString().length() + encoded.length() + 7 <= MAX_GET_URL)
            return request.method("GET").param("query", query);
        return request.method("POST").body(new StringRequestContent("application/sparql-query", query,
                StandardCharsets.UTF_8));
    }

    /** Waits for the answer; aborts the call when the query is cancelled (its time limit, or its client has gone). */
    private ContentResponse await(URI endpoint, Request request, CompletableFuture<ContentResponse> answer,
                                  AtomicBoolean cancelled) {
        while (true) {
            try {
                return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException waiting) {
                if (cancelled != null && cancelled.get() || Thread.currentThread().isInterrupted()) {
                    request.abort(new QueryCancelledException());
                    throw new QueryCancelledException();
                }
            } catch (InterruptedException e) {
                request.abort(e);
                Thread.currentThread().interrupt();
                throw new QueryCancelledException();
            } catch (ExecutionException e) {
                throw failure(endpoint, e.getCause());
            }
        }
    }

    /** What a failed call becomes: the refusal it carries, a time-out, or "could not be called" without details. */
    private RuntimeException failure(URI endpoint, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof FederationRefused r)
                return r;
            if (t instanceof TimeoutException || t instanceof QueryCancelledException)
                return new QueryCancelledException();
            if (t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).contains("Buffering capacity"))
                return tooLarge(endpoint);
        }
        return remote(endpoint, "could not be reached (" + cause.getClass().getSimpleName() + ")");
    }

    private static QueryExceptionHTTP tooLarge(URI endpoint) {
        return remote(endpoint, "answered more than " + MAX_RESULT_BYTES + " bytes, the limit of a SERVICE answer");
    }

    private static QueryExceptionHTTP remote(URI endpoint, String what) {
        return new QueryExceptionHTTP(502, "SERVICE <" + endpoint + "> " + what + "; its answer is not shown");
    }

    private static Lang resultLang(String mediaType) {
        if (mediaType == null)
            return null;
        Lang lang = RDFLanguages.contentTypeToLang(ContentType.create(mediaType).getContentTypeStr());
        return lang != null && RowSetReaderRegistry.isRegistered(lang) ? lang : null;
    }

    /** As Jena's own SERVICE executor: variables renamed for scoping are mapped back to the query's names. */
    private static Map<Var, Var> renaming(OpService op, Op restored) {
        if (restored.equals(op.getSubOp()))
            return null;
        Map<Var, Var> mapping = new HashMap<>();
        Set<Var> remoteVars = OpVars.visibleVars(restored);
        boolean renamed = false;
        for (Var v : OpVars.visibleVars(op)) {
            if (v.getName().contains("/")) {
                Var remote = Var.alloc(v.getName().substring(v.getName().lastIndexOf('/') + 1));
                if (remoteVars.contains(remote)) {
                    mapping.put(remote, v);
                    renamed = true;
                }
            } else if (remoteVars.contains(v)) {
                mapping.put(v, v);
            }
        }
        return renamed ? mapping : null;
    }

    /**
     * Resolves a host as usual, then refuses the call when an address is this server itself, or is loopback, private,
     * link-local or otherwise not public and the operator did not name this host and port. The connection is made
     * to the addresses checked here, so a name cannot resolve to one address when checked and another when used.
     */
    private void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        new SocketAddressResolver.Sync().resolve(host, port, context, Promise.from(addresses -> {
            for (InetSocketAddress a : addresses) {
                if (port == ownPort.getAsInt() && Addresses.isThisMachine(a.getAddress())) {
                    promise.failed(refuse(FederationRefused.Reason.SELF, selfMessage(hostPort(host, port))));
                    return;
                }
                var why = Addresses.restriction(a.getAddress());
                if (why.isPresent() && !policy.namesHost(host, port)) {
                    promise.failed(refuse(FederationRefused.Reason.ADDRESS, "SERVICE to " + hostPort(host, port)
                            + " is refused: it resolves to " + why.get() + ", which is called only when the operator "
                            + "names the endpoint with " + FederationPolicy.OPTION + " (for example "
                            + FederationPolicy.OPTION + " http://" + hostPort(host, port) + "/sparql)"));
                    return;
                }
            }
            promise.succeeded(addresses);
        }, promise::failed));
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (client == null)
            return;
        try {
            client.stop();
        } catch (Exception e) {
            // Stopping releases sockets and threads; nothing else depends on it.
        }
    }
}
