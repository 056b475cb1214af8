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

    /** The validation page: the form (with {@code data} in it) and, when given, the report below it. */
    String page(String title, Report report, boolean showForm, String data) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("title", title);
        scope.put("showForm", showForm);
        scope.put("data", data == null ? "" : data);
        if (report != null)
            scope.put("report", reportScope(report));
        return templates.render("validate", scope);
    }

    /** The validation page showing a problem (such as a syntax error) instead of a report. */
    String problemPage(String title, String data, String problem) {
        return templates.render("validate", Map.of("title", title, "showForm", true, "data", data, "problem", problem));
    }

    private Map<String, Object> reportScope(Report report) {
        List<Map<String, String>> results = new ArrayList<>();
        report.byFocusNode().values().forEach(group -> group.forEach(f -> results.add(row(f))));
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("conforms", report.conforms());
        scope.put("summary", ReportWriter.summary(report));
        scope.put("hasResults", !results.isEmpty());
        scope.put("results", results);
        return scope;
    }

    private Map<String, String> row(Finding f) {
        ReportEntry e = f.entry();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("severity", f.severityName());
        row.put("focus", node(e.focusNode()));
        row.put("path", e.resultPath() == null ? "" : PathWriter.asString(e.resultPath(), new Prologue(Prefixes.adapt(prefixes))));
        row.put("value", e.value() == null ? "" : node(e.value()));
        row.put("message", e.message());
        row.put("location", f.location() == null ? "" : f.location());
        return row;
    }

    private String node(Node n) {
        String abbrev = n.isURI() ? prefixes.abbreviate(n.getURI()) : null;
        return abbrev != null ? abbrev : ShLib.displayStr(n);
    }
}
