package org.icakg.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.shared.JenaException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.icakg.federation.ClientWatch;
import org.icakg.sparql.JsonResults;
import org.icakg.sparql.QueryShape;
import org.icakg.web.Route;

/**
 * Answers the plain SPARQL queries that make up most traffic (a SELECT or ASK, sent with {@code query=} only, asking
 * for JSON, XML, CSV or TSV results) without Fuseki's per-request action: parse, run under the same time limit, and
 * write with Jena's result writers, as Fuseki would, with the same headers (JSON with {@link JsonResults}, the same
 * bytes as Jena's); a query whose client hangs up is
 * cancelled ({@link ClientWatch}). The query comes as {@code query=} (the only parameter of a GET or a form POST) or
 * as the body of a POST of {@code application/sparql-query} (no parameter in the URL, no {@code Content-Encoding},
 * read as UTF-8 as Fuseki reads it). Anything else — another parameter (graphs, a format name, a time-out), another
 * query form, another result format, {@code SERVICE}, a body that is not UTF-8, a query that does not parse or is over
 * the shape limits — is left to Fuseki, which answers it (and its errors) as before; a body read here goes on to
 * Fuseki as it came ({@link ReadBody}).
 * <p>
 * Two paths use it: a GET is answered by {@link EarlyAnswers} in Jetty's own request handling when it can be sent
 * whole; a POST, and a GET whose run failed there, by {@link #answer} at the end of the servlet chain, whose
 * filters turn a failure into the client's error ({@link TimeLimitGuard}).
 */
final class SmallQueries implements AutoCloseable {

    /** Fuseki's base for relative IRIs in a query, kept so both paths read a query alike. */
    static final String BASE = "http://server/unset-base/";
    /** Longest query text taken here; longer ones go to Fuseki. */
    static final int MAX_CHARS = 16 * 1024;
    /** Fuseki's {@code Vary} for query answers ({@code ServletBase.setVaryHeader}), the answer cache's {@code Accept} included. */
    static final String VARY = "Accept, Accept-Encoding, Accept-Charset, Origin, Access-Control-Request-Method, "
            + "Access-Control-Request-Headers";
    /** Fuseki's {@code Cache-Control} for query answers ({@code ServletOps.setNoCache}), with {@code Pragma: no-cache}. */
    static final String NO_CACHE = "must-revalidate,no-cache,no-store";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String QUERY_BODY = "application/sparql-query";
    /**
     * Longest query body read here, in bytes: a longer one cannot be a text of at most {@link #MAX_CHARS} characters
     * (UTF-8 writes a character of Java's in at most three bytes), so it goes to Fuseki unread.
     */
    static final int MAX_BODY_BYTES = 3 * MAX_CHARS;
    /** Request attribute: the text of a query read here from a request's body, for the slow-query log. */
    static final String BODY_TEXT = SmallQueries.class.getName() + ".bodyText";
    /** Request attribute: how running a query in {@link EarlyAnswers} failed, for {@link #answer} to send. */
    static final String FAILURE = SmallQueries.class.getName() + ".failure";
    private static final byte[] CANCELLED = ("\n" + BufferedResponse.CANCELLED_MARKER + "\n").getBytes(StandardCharsets.UTF_8);

    /** A query answered here: its text, what to run, and the result format chosen for it. */
    record Plan(String text, Query query, Lang lang, String mediaType) {
        /** The {@code Content-Type} of the answer: as Fuseki, XML declares its own encoding, the others say UTF-8. */
        String contentType() {
            return lang == ResultSetLang.RS_XML ? mediaType : mediaType + "; charset=utf-8";
        }
    }

    /** How a run ended without a whole answer: cut off by the time limit, or refused by the engine (with its words). */
    record Failure(boolean cancelled, String message) {}

    private final DatasetGraph dataset;
    private final long timeoutMillis;
    /** The time {@code NOW()} answers, made once per millisecond. */
    private final SmallQueryExec.Clock clock = new SmallQueryExec.Clock();
    /** Parses with a lexer and base resolver kept per thread, so a plan runs on the thread that made it. */
    private final QueryParsing parsing = new QueryParsing(IRIx.create(BASE));
    /** The formats chosen for the {@code Accept} headers seen most (clients send the same one every time), per form. */
    private final Map<String, Format> askFormats = new ConcurrentHashMap<>(), selectFormats = new ConcurrentHashMap<>();
    private static final int MOST_FORMATS = 64;
    /** Watches the time limit of each running query. */
    private final TimeLimits limits = new TimeLimits();
    /** Watches the connection of each running query, to cancel it when its client hangs up. */
    private final ClientWatch.Watches watches = new ClientWatch.Watches();

    SmallQueries(DatasetGraph dataset, Duration queryTimeout) {
        this.dataset = dataset;
        this.timeoutMillis = queryTimeout.toMillis();
    }

    /**
     * The plan for a query text asked with an {@code Accept} header (null when absent), or null when the query is left
     * to Fuseki. The plan is run on the thread that made it ({@link QueryParsing}).
     */
    Plan plan(String text, String accept) {
        if (text.isBlank() || text.length() > MAX_CHARS || text.toUpperCase(Locale.ROOT).contains("SERVICE")
                || QueryShape.of(text).problem().isPresent())
            return null;
        Query query;
        try {
            query = parsing.parse(text);
        } catch (JenaException | StackOverflowError e) {
            // Fuseki parses it again and answers with its own error.
            return null;
        }
        if (!query.isSelectType() && !query.isAskType())
            return null;
        Format format = format(accept, query.isAskType());
        return format.lang() == null ? null : new Plan(text, query, format.lang(), format.mediaType());
    }

    /** A result format chosen for an {@code Accept} header: {@code lang} null when Fuseki is to answer. */
    private record Format(Lang lang, String mediaType) {}

    private Format format(String accept, boolean ask) {
        Map<String, Format> known = ask ? askFormats : selectFormats;
        String key = accept == null ? "" : accept;
        Format format = known.get(key);
        if (format != null)
            return format;
        MediaType chosen = choose(accept, ask ? DEF.rsOfferBoolean : DEF.rsOfferTable, DEF.acceptResultSetXML);
        Lang lang = chosen == null ? null : lang(chosen.getContentTypeStr());
        format = new Format(lang, lang == null ? null : chosen.getContentTypeStr());
        if (known.size() < MOST_FORMATS)
            known.putIfAbsent(key, format);
        return format;
    }

    /** Fuseki's choice of a media type ({@code ConNeg.chooseContentType}): the default when nothing is asked or matches. */
    private static MediaType choose(String accept, AcceptList offer, MediaType byDefault) {
        if (accept == null)
            return byDefault;
        MediaType m = AcceptList.match(new AcceptList(accept), offer);
        return m == null ? byDefault : m;
    }

    /** The result format of a media type answered here; null for the others (Fuseki answers those). */
    static Lang lang(String contentType) {
        return switch (contentType) {
            case "application/sparql-results+json" -> ResultSetLang.RS_JSON;
            case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
            case "text/csv" -> ResultSetLang.RS_CSV;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            default -> null;
        };
    }

    /** An ASK answer in each format, as Jena's writers write it: the same two answers need not be written per request. */
    private static final Map<Lang, byte[][]> BOOLEAN_ANSWERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] booleanAnswer(Lang lang, boolean value) {
        return BOOLEAN_ANSWERS.computeIfAbsent(lang, l -> new byte[][] {written(l, false), written(l, true)})[value ? 1 : 0];
    }

    private static byte[] written(Lang lang, boolean value) {
        var bytes = new java.io.ByteArrayOutputStream();
        ResultsWriter.create().lang(lang).build().write(bytes, value);
        return bytes.toByteArray();
    }

    /**
     * Runs a plan, writing its answer to {@code out}; returns null when the answer is whole, or how it failed (what was
     * written is then not an answer). Cancelled when its client hangs up.
     */
    Failure run(Plan plan, OutputStream out, Request request) throws IOException {
        dataset.begin(TxnType.READ);
        try (SmallQueryExec exec = new SmallQueryExec(plan.query(), dataset, timeoutMillis, limits, clock);
             ClientWatch watch = request == null ? null : ClientWatch.start(watches, request, exec::abort)) {
            if (plan.query().isAskType())
                out.write(booleanAnswer(plan.lang(), exec.ask()));
            else if (plan.lang() == ResultSetLang.RS_JSON)
                JsonResults.write(out, exec.select()); // Jena's JSON, written without its per-character cost
            else
                ResultsWriter.create().lang(plan.lang()).build().write(out, exec.select());
            return null;
        } catch (QueryCancelledException e) {
            return new Failure(true, null);
        } catch (QueryException e) {
            return new Failure(false, e.getMessage());
        } finally {
            dataset.end();
        }
    }

    /**
     * At the end of the servlet chain: answers {@code req} and returns null, or returns the request for Fuseki to
     * answer, having written nothing: {@code req} itself, or, when its body was read here, {@code req} with its body
     * to be read again ({@link ReadBody}). A GET whose run failed in {@link EarlyAnswers} is not run again: its
     * failure is sent.
     */
    HttpServletRequest answer(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String method = req.getMethod();
        if (!"POST".equals(method) && !"GET".equals(method))
            return req;
        String type = Route.baseType(req.getContentType());
        HttpServletRequest onward = req;
        String text;
        if ("GET".equals(method) || FORM.equals(type)) {
            Map<String, String[]> params = req.getParameterMap();
            String[] texts = params.get("query");
            if (params.size() != 1 || texts == null || texts.length != 1)
                return req;
            text = texts[0];
        } else if (QUERY_BODY.equals(type)) {
            // Parameters in the URL (graphs, a time-out, a format) are Fuseki's to read; the body is read only here.
            String inUrl = req.getQueryString();
            long length = req.getContentLengthLong();
            if (inUrl != null && !inUrl.isEmpty() || req.getHeader("Content-Encoding") != null || length < 0
                    || length > MAX_BODY_BYTES)
                return req;
            ReadBody body = new ReadBody(req, req.getInputStream().readNBytes((int) length));
            onward = body;
            text = body.utf8();
            if (text == null)
                return onward;
            req.setAttribute(BODY_TEXT, text);
        } else {
            return req;
        }
        Plan plan = plan(text, req.getHeader("Accept"));
        if (plan == null)
            return onward;
        res.setHeader("Vary", VARY);
        res.setHeader("Cache-Control", NO_CACHE);
        res.setHeader("Pragma", "no-cache");
        res.setContentType(plan.contentType());
        OutputStream out = res.getOutputStream();
        Failure failure = req.getAttribute(FAILURE) instanceof Failure early ? early
                : run(plan, out, ServletContextRequest.getServletContextRequest(req));
        if (failure == null)
            return null;
        if (failure.cancelled()) {
            // What Fuseki writes on a time-out: the time-limit guard turns it into a 503, or breaks the connection
            // when results have already gone out.
            out.write(CANCELLED);
        } else {
            res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            res.setContentType("text/plain;charset=utf-8");
            out.write(("Query failed: " + failure.message() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** A request whose body was read here: its bytes, to be read again by whoever answers it. */
    static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;
        /** What the body was asked as, once asked: as a servlet request, bytes and characters are not both given. */
        private ServletInputStream stream;
        private java.io.BufferedReader reader;

        ReadBody(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        /** The body as UTF-8, strictly (as Fuseki's reader decodes it); null when it is not UTF-8. */
        String utf8() {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return null;
            }
        }

        @Override
        public ServletInputStream getInputStream() {
            if (reader != null)
                throw new IllegalStateException("the request's body was asked for as characters already");
            if (stream == null) {
                java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
                stream = new ServletInputStream() {
                    @Override
                    public int read() { return in.read(); }

                    @Override
                    public int read(byte[] into, int offset, int length) { return in.read(into, offset, length); }

                    @Override
                    public boolean isFinished() { return in.available() == 0; }

                    @Override
                    public boolean isReady() { return true; }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new IllegalStateException("the body is already in memory: read it, no listener needed");
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws java.io.UnsupportedEncodingException {
            if (stream != null)
                throw new IllegalStateException("the request's body was asked for as bytes already");
            if (reader == null) {
                String charset = getCharacterEncoding();
                java.nio.charset.Charset decoding;
                try {
                    decoding = charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset);
                } catch (IllegalArgumentException e) { // as the servlet API says it: a charset this JVM does not know
                    throw new java.io.UnsupportedEncodingException(charset);
                }
                reader = new java.io.BufferedReader(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(body),
                        decoding));
            }
            return reader;
        }
    }

    /** Stops watching time limits (the server stops). */
    @Override
    public void close() {
        limits.close();
    }
}
