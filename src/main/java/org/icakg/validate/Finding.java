package org.icakg.validate;

import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/** One validation result, with the place in the input files where its focus node is written, when known. */
public record Finding(ReportEntry entry, String location) {

    public Finding {
        Objects.requireNonNull(entry, "entry");
    }

    public Node focusNode() { return entry.focusNode(); }

    public boolean isViolation() { return Severity.Violation.equals(entry.severity()); }

    /** "Violation", "Warning" or "Info". */
    public String severityName() { return entry.severity().level().getLocalName(); }

    /** Short name of the constraint component, e.g. "MinCountConstraintComponent". */
    public String component() {
        Node c = entry.sourceConstraintComponent();
        return c == null ? "" : c.getLocalName();
    }
}
