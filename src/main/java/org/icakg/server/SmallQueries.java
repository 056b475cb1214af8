package org.icakg.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.ServletBase;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.icakg.federation.ClientWatch;
import org.icakg.sparql.QueryShape;
import org.icakg.web.Route;

/**
 * Answers the plain SPARQL queries that make up most traffic (a SELECT or ASK, sent with {@code query=} only, asking
 * for JSON, XML, CSV or TSV results) without Fuseki's per-request action: parse, run under the same time limit, and
 * write with Jena's result writers, as Fuseki would, with the same headers; a query whose client hangs up is
 * cancelled ({@link ClientWatch}). Anything else — another parameter (graphs,
 * a format name, a time-out), another query form, another result format, {@code SERVICE}, a body of
 * {@code application/sparql-query}, a query that does not parse or is over the shape limits — is left to Fuseki, which
 * answers it (and its errors) as before.
 */
final class SmallQueries {

    /** Fuseki's base for relative IRIs in a query, kept so both paths read a query alike. */
    static final String BASE = "http://server/unset-base/";
    /** Longest query text taken here; longer ones go to Fuseki. */
    static final int MAX_CHARS = 16 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final byte[] CANCELLED = ("\n" + BufferedResponse.CANCELLED_MARKER + "\n").getBytes(StandardCharsets.UTF_8);

    private final DatasetGraph dataset;
    private final long timeoutMillis;
    /** Watches the connection of each running query, to cancel it when its client hangs up. */
    private final ScheduledThreadPoolExecutor watches = ClientWatch.timer();

    SmallQueries(DatasetGraph dataset, Duration queryTimeout) {
        this.dataset = dataset;
        this.timeoutMillis = queryTimeout.toMillis();
    }

    /** Answers {@code req} and returns true, or returns false having written nothing (Fuseki answers it). */
    boolean answer(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String method = req.getMethod();
        if (!"GET".equals(method) && !("POST".equals(method) && FORM.equals(Route.baseType(req.getContentType()))))
            return false;
        Map<String, String[]> params = req.getParameterMap();
        String[] texts = params.get("query");
        if (params.size() != 1 || texts == null || texts.length != 1)
            return false;
        String text = texts[0];
        if (text.isBlank() || text.length() > MAX_CHARS || text.toUpperCase(Locale.ROOT).contains("SERVICE")
                || QueryShape.of(text).problem().isPresent())
            return false;
        Query query;
        try {
            query = QueryFactory.create(text, BASE, Syntax.syntaxARQ);
        } catch (QueryParseException | StackOverflowError e) {
            return false;
        }
        if (!query.isSelectType() && !query.isAskType())
            return false;
        MediaType chosen = ConNeg.chooseContentType(req, query.isAskType() ? DEF.rsOfferBoolean : DEF.rsOfferTable,
                DEF.acceptResultSetXML);
        Lang lang = chosen == null ? null : lang(chosen.getContentTypeStr());
        if (lang == null)
            return false;
        run(query, lang, chosen.getContentTypeStr(), req, res);
        return true;
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

    private void run(Query query, Lang lang, String contentType, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        ServletBase.setVaryHeader(res); // as Fuseki: Accept, Accept-Encoding, Accept-Charset and the CORS request headers
        ServletOps.setNoCache(res);
        // As Fuseki: XML declares its own encoding, the other formats say UTF-8 in the header.
        res.setContentType(lang == ResultSetLang.RS_XML ? contentType : contentType + "; charset=utf-8");
        OutputStream out = res.getOutputStream();
        dataset.begin(TxnType.READ);
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build();
             ClientWatch watch = ClientWatch.start(watches, req, exec::abort)) {
            ResultsWriter writer = ResultsWriter.create().lang(lang).build();
            if (query.isAskType())
                writer.write(out, exec.ask());
            else
                writer.write(out, exec.select());
        } catch (QueryCancelledException e) {
            // What Fuseki writes on a time-out: the time-limit guard turns it into a 503, or breaks the connection
            // when results have already gone out.
            out.write(CANCELLED);
        } catch (QueryException e) {
            res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            res.setContentType("text/plain;charset=utf-8");
            out.write(("Query failed: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        } finally {
            dataset.end();
        }
    }
}
