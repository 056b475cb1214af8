package org.icakg.web;

import java.util.function.Predicate;

/**
 * The route table: every HTTP path of the one port, who answers it, how it is admitted and whether its answers are
 * kept, read top to bottom. A request takes the first row whose method, path and condition it matches;
 * {@link #of} is that choice, a pure function of the request's method, path, content type and parameter names.
 * <p>
 * Rows answered by {@link Answerer#SPARQL} go to the SPARQL query engine; rows answered by {@link Answerer#APP} go to
 * the controller {@link WebApp} binds to the row (an exhaustive {@code switch}, so a new row cannot go unbound).
 * A request no row takes is {@link #OTHER}: the app answers it with 404, or 405 naming the methods its path takes.
 * The filters around every request ({@code server/IcaServer} lists them in order) read the row they act on.
 */
public enum Route {
    //                     method  path                    answered by  admission         answer cache
    /** SPARQL query: GET with {@code query=}. */
    SPARQL_QUERY          ("GET",    "/sparql",            Answerer.SPARQL, Admit.READ,  Cache.KEEP),
    /** SPARQL query: POST of {@code application/sparql-query}, or a form with {@code query=} and no {@code update=}. */
    SPARQL_QUERY_POST     ("POST",   "/sparql",            Answerer.SPARQL, Admit.READ,  Cache.KEEP),
    /** {@code SparqlController.describe}: the Service Description (browsers are sent to {@code /query}). */
    SPARQL_DESCRIPTION    ("GET",    "/sparql",            Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code SparqlController.post}: refuses updates and bodies without a query, naming what to send. */
    SPARQL_REFUSAL        ("POST",   "/sparql",            Answerer.APP,    Admit.WRITE, Cache.NONE),
    /** {@code QueryEditorController.page}: the query editor. */
    QUERY_EDITOR          ("GET",    "/query",             Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code QueryEditorController.examples}: the competency questions, for the editor's tabs. */
    QUERY_EXAMPLES        ("GET",    "/query/examples.json", Answerer.APP,  Admit.READ,  Cache.NONE),
    /** {@code QueryEditorController.prefixes}: the prefixes the editor completes. */
    QUERY_PREFIXES        ("GET",    "/query/prefixes.json", Answerer.APP,  Admit.READ,  Cache.NONE),
    /** {@code HomeController.page}. */
    HOME                  ("GET",    "/",                  Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code EntityController.get}: an entity, ontology term or graph, as a page or RDF. */
    ENTITY                ("GET",    "/id/<path>",         Answerer.APP,    Admit.READ,  Cache.KEEP),
    /** {@code NeighbourhoodController.get}: an entity's neighbours, for the graph drawing. */
    NEIGHBOURHOOD         ("GET",    "/graph.json",        Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code SearchController.search}. */
    SEARCH                ("GET",    "/search",            Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code ClassController.index}: every class with its count. */
    CLASSES               ("GET",    "/classes",           Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code ClassController.get}: one class's members. */
    CLASS                 ("GET",    "/class",             Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code TimelineController.timeline}. */
    TIMELINE              ("GET",    "/timeline",          Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code MapController.page}. */
    MAP                   ("GET",    "/map",               Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code VocabularyController.ontology}. */
    ONTOLOGY              ("GET",    "/ontology",          Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code VocabularyController.shapes}. */
    SHAPES                ("GET",    "/shapes",            Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code DatasetController.voidDescription}: the VoID description. */
    VOID                  ("GET",    "/void",              Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code DatasetController.dump}: a whole-data dump. */
    DUMP                  ("GET",    "/dumps/{file}",      Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code DatasetController.read}: Graph Store Protocol, read. */
    GRAPH_STORE_READ      ("GET",    "/data",              Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code GraphStoreController.put}: replace a graph (credentials). */
    GRAPH_STORE_PUT       ("PUT",    "/data",              Answerer.APP,    Admit.WRITE, Cache.NONE),
    /** {@code GraphStoreController.post}: add to a graph (credentials). */
    GRAPH_STORE_POST      ("POST",   "/data",              Answerer.APP,    Admit.WRITE, Cache.NONE),
    /** {@code GraphStoreController.delete}: delete a graph (credentials). */
    GRAPH_STORE_DELETE    ("DELETE", "/data",              Answerer.APP,    Admit.WRITE, Cache.NONE),
    /** {@code UpdateController.post}: SPARQL Update (credentials). */
    UPDATE                ("POST",   "/update",            Answerer.APP,    Admit.WRITE, Cache.NONE),
    /** {@code ValidateController.page}: the validation form. */
    VALIDATE_PAGE         ("GET",    "/validate",          Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code ValidateController.check}: validate a change without applying it. */
    VALIDATE              ("POST",   "/validate",          Answerer.APP,    Admit.WRITE, Cache.NONE),
    /** {@code AuditController.list}: the audit log (credentials). */
    AUDIT                 ("GET",    "/audit",             Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code AuditController.patch}: one change of the audit log as an RDF patch (credentials). */
    AUDIT_ENTRY           ("GET",    "/audit/{id}",        Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code server/EarlyAnswers}: answered ahead of the servlet context, so it never waits for anything. */
    HEALTH                ("GET",    "/health",            Answerer.SERVER, Admit.NEVER_WAIT, Cache.NONE),
    /** {@code MetricsController.metrics}: Prometheus text; never waits for admission. */
    METRICS               ("GET",    "/metrics",           Answerer.APP,    Admit.NEVER_WAIT, Cache.NONE),
    /** {@code Assets.get}: the site's own scripts, styles and fonts. */
    ASSET                 ("GET",    "/assets/{name}",     Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code Workbench}: the maintainers' workbench home (credentials). */
    WORKBENCH             ("GET",    "/workbench",         Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code Workbench}: the form registering a source document. */
    WORKBENCH_SOURCE_FORM ("GET",    "/workbench/sources/new", Answerer.APP, Admit.READ, Cache.NONE),
    /** {@code Workbench}: registers a source document and its passages (one gated write). */
    WORKBENCH_SOURCES     ("POST",   "/workbench/sources", Answerer.APP,    Admit.WRITE, Cache.NONE),
    /** {@code Workbench}: one source document and its passages. */
    WORKBENCH_SOURCE      ("GET",    "/workbench/source",  Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code Workbench}: one accepted change, in plain words. */
    WORKBENCH_CHANGE      ("GET",    "/workbench/changes/{id}", Answerer.APP, Admit.READ, Cache.NONE),
    /** {@code Workbench}: the workbench's script and style. */
    WORKBENCH_ASSET       ("GET",    "/workbench/assets/{name}", Answerer.APP, Admit.READ, Cache.NONE),
    /** {@code Workbench}: a passage, its statements, and the way to a statement form. */
    WORKBENCH_PASSAGE     ("GET",    "/workbench/passage", Answerer.APP,    Admit.READ,  Cache.NONE),
    /** {@code Workbench}: the statement form generated from the shapes. */
    WORKBENCH_STATEMENT_FORM ("GET", "/workbench/statements", Answerer.APP, Admit.READ,  Cache.NONE),
    /** {@code Workbench}: checks (dry run) or writes a statement form (one gated write). */
    WORKBENCH_STATEMENTS  ("POST",   "/workbench/statements", Answerer.APP, Admit.WRITE, Cache.NONE),
    /** {@code Workbench}: entities of a class by name, for autocompletion. */
    WORKBENCH_ENTITIES    ("GET",    "/workbench/entities.json", Answerer.APP, Admit.READ, Cache.NONE),
    /** No row: the app answers 404, or 405 naming the methods the path takes. */
    OTHER                 (null,     null,                 Answerer.APP,    Admit.BY_METHOD, Cache.NONE);

    /** Who writes the answer. */
    public enum Answerer {
        /**
         * The SPARQL query engine: plain SELECT and ASK queries asking for JSON, XML, CSV or TSV are answered directly
         * ({@code server/SmallQueries}: by GET in Jetty's own request handling, {@code server/EarlyQueries}, ahead of
         * the servlet context; by form POST at the end of the servlet chain), every other query by Fuseki's query
         * endpoint.
         */
        SPARQL,
        /** The controller {@link WebApp} binds to the row. */
        APP,
        /**
         * The server itself, in Jetty's request handling ahead of the servlet context ({@code server/EarlyAnswers}):
         * only the safety headers, the request log and the metrics apply, none of the other filters.
         */
        SERVER
    }

    /** How a request is admitted (see {@code server/Admission}). */
    public enum Admit {
        /** Takes a slot; once long, may be held back at checkpoints to share the processors. */
        READ,
        /** Takes a slot; never held back (a write holds the store's single writer). */
        WRITE,
        /** Never waits: answered however busy the server is. */
        NEVER_WAIT,
        /** GET as {@link #READ}, any other method as {@link #WRITE}. */
        BY_METHOD
    }

    /** Whether answers are kept in the answer cache (with an ETag) while the data is unchanged. */
    public enum Cache { KEEP, NONE }

    /** Metrics label of requests whose path is no route. */
    public static final String OTHER_LABEL = "other";

    private final String method;
    private final String path;
    private final Answerer answerer;
    private final Admit admit;
    private final Cache cache;

    Route(String method, String path, Answerer answerer, Admit admit, Cache cache) {
        this.method = method;
        this.path = path;
        this.answerer = answerer;
        this.admit = admit;
        this.cache = cache;
    }

    /**
     * The row a request takes. {@code hasParameter} tells whether the request names a parameter (in its query string,
     * or in its form body for a form POST).
     */
    public static Route of(String method, String path, String contentType, Predicate<String> hasParameter) {
        for (Route r : values())
            if (r != OTHER && r.method.equals(method) && matches(r.path, path) && r.condition(contentType, hasParameter))
                return r;
        return OTHER;
    }

    /** The extra condition of a row beyond method and path (only the SPARQL rows have one). */
    private boolean condition(String contentType, Predicate<String> hasParameter) {
        return switch (this) {
            case SPARQL_QUERY -> hasParameter.test("query");
            case SPARQL_QUERY_POST -> switch (baseType(contentType)) {
                case "application/sparql-query" -> true;
                case "application/x-www-form-urlencoded" -> hasParameter.test("query") && !hasParameter.test("update");
                default -> false;
            };
            default -> true;
        };
    }

    /**
     * The metrics label of a request's path: the template of the first row whose path it matches, whatever the method;
     * otherwise {@value #OTHER_LABEL}. Never the path itself, so that labels stay few.
     */
    public static String label(String path) {
        for (Route r : values())
            if (r != OTHER && matches(r.path, path))
                return r.path;
        return OTHER_LABEL;
    }

    /**
     * Whether {@code path} matches a template: {@code {name}} stands for one non-empty segment, {@code <name>} for the
     * non-empty rest of the path; a trailing slash is ignored (as the app's router does).
     */
    static boolean matches(String template, String path) {
        if (path == null)
            return false;
        if (path.length() > 1 && path.endsWith("/"))
            path = path.substring(0, path.length() - 1);
        int brace = template.indexOf('{'), angle = template.indexOf('<');
        if (brace < 0 && angle < 0)
            return template.equals(path);
        int at = Math.max(brace, angle);
        String prefix = template.substring(0, at);
        if (!path.startsWith(prefix) || path.length() == prefix.length())
            return false;
        return angle >= 0 || path.indexOf('/', prefix.length()) < 0;
    }

    /** The media type of a {@code Content-Type} value, without parameters, in lower case ("" when absent). */
    public static String baseType(String contentType) {
        if (contentType == null)
            return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The method of the row; null for {@link #OTHER}. */
    public String method() { return method; }

    /** The path template of the row, as the app's router reads it; null for {@link #OTHER}. */
    public String path() { return path; }

    public Answerer answerer() { return answerer; }

    /** How a request of this row with {@code method} is admitted. */
    public Admit admit(String requestMethod) {
        if (admit != Admit.BY_METHOD)
            return admit;
        return "GET".equals(requestMethod) ? Admit.READ : Admit.WRITE;
    }

    public boolean cached() { return cache == Cache.KEEP; }
}
