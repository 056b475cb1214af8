package org.icakg.web;

import org.icakg.http.Negotiation;
import org.icakg.http.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.riot.system.Prefixes;
import org.icakg.validate.Finding;
import org.icakg.validate.Report;
import org.icakg.validate.ReportWriter;
import org.icakg.write.WriteGate;

import io.javalin.http.Context;

/**
 * Sends a validation report in the form the client asks for: the SHACL report as Turtle or JSON-LD, the plain JSON
 * summary ({@code Accept: application/json}), or an HTML page for browsers.
 */
final class ReportResponses {

    static final String TURTLE = "text/turtle", JSONLD = "application/ld+json", JSON = "application/json",
            HTML = "text/html";

    /** In order of preference when the client accepts anything. */
    static final List<String> OFFERS = List.of(TURTLE, JSONLD, JSON, HTML);

    private final ReportWriter writer;
    private final PrefixMap prefixes;
    private final Templates templates;

    ReportResponses(PrefixMap prefixes, Templates templates) {
        this.writer = new ReportWriter(prefixes);
        this.prefixes = prefixes;
        this.templates = templates;
    }

    /** The media type the request prefers among {@link #OFFERS}; 406 when none is acceptable. */
    static String negotiate(Context ctx) {
        return Negotiation.choose(ctx.header("Accept"), OFFERS).orElseThrow(() -> Problem.notAcceptable(OFFERS));
    }

    /** Writes the report with {@code status}; HTML pages are headed by {@code title}. */
    void send(Context ctx, int status, Report report, String title) {
        send(ctx, status, report, title, negotiate(ctx));
    }

    private void send(Context ctx, int status, Report report, String title, String type) {
        ctx.status(status);
        VaryHeader.add(ctx.res(), "Accept");
        switch (type) {
            case JSON -> ctx.contentType(JSON + ";charset=utf-8").result(writer.json(report));
            case JSONLD -> ctx.contentType(JSONLD + ";charset=utf-8").result(writer.rdf(report, Lang.JSONLD));
            case HTML -> ctx.contentType(HTML + ";charset=utf-8").result(page(title, report, false, null));
            default -> ctx.contentType(TURTLE + ";charset=utf-8").result(writer.rdf(report, Lang.TURTLE));
        }
    }

    /**
     * Answers a write: {@code successStatus} with a JSON summary (what changed, the audit entry) when it committed,
     * 422 with the report when it was refused: in Turtle when the client accepts none of {@link #OFFERS} (rdflib, for
     * one, asks for SPARQL results), since a refusal must not turn into a 406 that hides why.
     */
    void sendOutcome(Context ctx, WriteGate.Outcome outcome, int successStatus) {
        if (!outcome.committed()) {
            String type = Negotiation.choose(ctx.header("Accept"), OFFERS).orElse(TURTLE);
            send(ctx, 422, outcome.report(), "Change refused: it does not conform", type);
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("committed", true);
        summary.put("added", outcome.change().added().size());
        summary.put("removed", outcome.change().removed().size());
        summary.put("warnings", outcome.report().warnings());
        summary.put("audit", outcome.audit().id());
        summary.put("millis", Math.round(outcome.millis() * 10) / 10.0);
        ctx.status(successStatus).json(summary);
    }

    /**
     * The model of {@code validate.mustache}: the form (when {@code showForm}) with {@code data} in it, then a problem
     * that stopped validation (such as a syntax error) or the report (either may be null).
     */
    record Page(String title, boolean showForm, String data, String problem, Summary report) implements PageHead {}

    /** A report as shown: whether the data conforms, the summary line and a row per result. */
    record Summary(boolean conforms, String summary, List<Row> results) {
        public boolean hasResults() { return !results.isEmpty(); }
    }

    /** A validation result: its severity, focus node, path, value, message and where the focus node is written. */
    record Row(String severity, String focus, String path, String value, String message, String location) {}

    /** The validation page: the form (with {@code data} in it) and, when given, the report below it. */
    String page(String title, Report report, boolean showForm, String data) {
        return templates.render("validate", new Page(title, showForm, data == null ? "" : data, null,
                report == null ? null : summary(report)));
    }

    /** The validation page showing a problem (such as a syntax error) instead of a report. */
    String problemPage(String title, String data, String problem) {
        return templates.render("validate", new Page(title, true, data, problem, null));
    }

    private Summary summary(Report report) {
        List<Row> results = new ArrayList<>();
        report.byFocusNode().values().forEach(group -> group.forEach(f -> results.add(row(f))));
        return new Summary(report.conforms(), ReportWriter.summary(report), results);
    }

    private Row row(Finding f) {
        ReportEntry e = f.entry();
        return new Row(f.severityName(), node(e.focusNode()),
                e.resultPath() == null ? "" : PathWriter.asString(e.resultPath(), new Prologue(Prefixes.adapt(prefixes))),
                e.value() == null ? "" : node(e.value()), e.message(), f.location() == null ? "" : f.location());
    }

    private String node(Node n) {
        String abbrev = n.isURI() ? prefixes.abbreviate(n.getURI()) : null;
        return abbrev != null ? abbrev : ShLib.displayStr(n);
    }
}
