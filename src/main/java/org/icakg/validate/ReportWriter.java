package org.icakg.validate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.icakg.kb.SyntaxError;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a validation report for people (text), for scripts (JSON) and for RDF tools (a SHACL report graph). */
public final class ReportWriter {

    /** Made at the first JSON report, not when a server starts: making it initialises some 400 classes of Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrefixMap prefixes;

    public ReportWriter(PrefixMap prefixes) {
        this.prefixes = prefixes;
    }

    /** Plain text, grouped by focus node, each group headed by where the node is written. */
    public String text(Report report) {
        StringBuilder out = new StringBuilder();
        for (SyntaxError e : report.syntaxErrors())
            out.append("Syntax error: ").append(e).append('\n');
        report.byFocusNode().forEach((focus, findings) -> {
            String where = findings.get(0).location();
            out.append(where == null ? "(location unknown)" : where).append("  ").append(node(focus)).append('\n');
            for (Finding f : findings) {
                ReportEntry e = f.entry();
                out.append("  ").append(String.format("%-9s", f.severityName()))
                        .append(" path ").append(path(e))
                        .append(e.value() == null ? "" : "  value " + node(e.value()))
                        .append('\n').append("            ").append(e.message())
                        .append("  [").append(f.component()).append(']').append('\n');
            }
        });
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    /** One line: conforms or not, and the counts. */
    public static String summary(Report report) {
        if (!report.syntaxErrors().isEmpty())
            return "Unreadable: " + report.syntaxErrors().size() + " syntax error(s); nothing was validated.";
        return (report.conforms() ? "Conforms" : "Does not conform") + ": " + report.violations()
                + " violation(s), " + report.warnings() + " warning(s) over " + report.triples() + " triples.";
    }

    /** A plain JSON summary: conforms, counts and each result. */
    public String json(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("conforms", report.conforms());
        root.put("violations", report.violations());
        root.put("warnings", report.warnings());
        root.put("triples", report.triples());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (SyntaxError e : report.syntaxErrors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", e.file());
            m.put("line", e.line());
            m.put("column", e.column());
            m.put("message", e.message());
            errors.add(m);
        }
        root.put("syntaxErrors", errors);
        List<Map<String, Object>> results = new ArrayList<>();
        report.byFocusNode().values().forEach(group -> group.forEach(f -> {
            ReportEntry e = f.entry();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severityName());
            m.put("focusNode", NodeFmtLib.strNT(e.focusNode()));
            m.put("path", path(e));
            m.put("value", e.value() == null ? null : NodeFmtLib.strNT(e.value()));
            m.put("message", e.message());
            m.put("component", f.component());
            m.put("shape", e.source() == null ? null : NodeFmtLib.strNT(e.source()));
            m.put("location", f.location());
            results.add(m);
        }));
        root.put("results", results);
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standard SHACL validation report as RDF. */
    public void rdf(Report report, Lang lang, OutputStream out) {
        ValidationReport.Builder b = ValidationReport.create();
        report.entries().forEach(b::addReportEntry);
        var model = b.build().getModel();
        model.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        prefixes.forEach(model::setNsPrefix);
        RDFDataMgr.write(out, model, lang);
    }

    public String rdf(Report report, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rdf(report, lang, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String path(ReportEntry e) {
        return e.resultPath() == null ? "-"
                : org.apache.jena.sparql.path.PathWriter.asString(e.resultPath(),
                        new org.apache.jena.sparql.core.Prologue(org.apache.jena.riot.system.Prefixes.adapt(prefixes)));
    }

    private String node(Node n) {
        if (n.isURI()) {
            String abbrev = prefixes.abbreviate(n.getURI());
            if (abbrev != null)
                return abbrev;
        }
        return ShLib.displayStr(n);
    }
}
