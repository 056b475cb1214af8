package org.icakg.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.icakg.kb.SyntaxError;

/**
 * The outcome of validating a knowledge base: syntax errors (nothing else is checked then)
 * or the SHACL and ontology findings. Warnings and infos do not stop a graph from conforming.
 */
public record Report(List<SyntaxError> syntaxErrors, List<Finding> findings, ValidationReport shacl, long triples) {

    public Report {
        syntaxErrors = List.copyOf(syntaxErrors);
        findings = List.copyOf(findings);
    }

    /** A report for input that could not be parsed. */
    public static Report unreadable(List<SyntaxError> errors) {
        return new Report(errors, List.of(), ValidationReport.reportConformsTrue(), 0);
    }

    /** True when the input parsed and no finding is a violation. */
    public boolean conforms() {
        return syntaxErrors.isEmpty() && findings.stream().noneMatch(Finding::isViolation);
    }

    public long violations() { return findings.stream().filter(Finding::isViolation).count(); }

    public long warnings() { return findings.size() - violations(); }

    /** Findings grouped by focus node, violations first, in a stable order. */
    public Map<Node, List<Finding>> byFocusNode() {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((Finding f) -> !f.isViolation())
                .thenComparing(f -> String.valueOf(f.location()))
                .thenComparing(f -> f.focusNode().toString())
                .thenComparing(f -> f.entry().message() == null ? "" : f.entry().message()));
        Map<Node, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : sorted)
            groups.computeIfAbsent(f.focusNode(), k -> new ArrayList<>()).add(f);
        return groups;
    }

    /** The SHACL report entries, including the ontology checks expressed as SHACL results. */
    public List<ReportEntry> entries() {
        return findings.stream().map(Finding::entry).toList();
    }
}
