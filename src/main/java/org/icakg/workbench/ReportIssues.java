package org.icakg.workbench;

import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.validation.ReportEntry;
import org.icakg.validate.Finding;
import org.icakg.validate.Report;

/** The findings of a validation report, put beside the fields they are about. */
final class ReportIssues {

    private ReportIssues() {}

    /**
     * Adds each finding of {@code report} to {@code issues} under the field {@code fieldOf} names (or
     * {@link Issues#GENERAL}); values are shown by their labels in {@code graph}.
     */
    static void add(Report report, Issues issues, Function<Finding, String> fieldOf, Words words, Graph graph) {
        for (Finding f : report.findings()) {
            ReportEntry e = f.entry();
            String field = fieldOf.apply(f);
            Node value = e.value();
            String message = e.message() == null ? f.component() : e.message();
            if (Issues.GENERAL.equals(field))
                message = words.label(graph, f.focusNode()) + ": " + message;
            issues.add(field == null ? Issues.GENERAL : field, message, f.severityName(),
                    value == null ? "" : words.label(graph, value));
        }
    }

    /** The path of a finding when it is one property, else null. */
    static Node property(Finding f) {
        if (f.entry().resultPath() instanceof org.apache.jena.sparql.path.P_Link link)
            return link.getNode();
        return null;
    }
}
