package org.icakg.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.system.Txn;
import org.icakg.kb.KnowledgeBase;

/** Validation of a whole knowledge base: every statement against the shapes and the ontology, findings located in their files. */
public final class WholeGraph {

    private WholeGraph() {}

    /** Validates everything {@code kb} holds. */
    public static Report validate(KnowledgeBase kb) {
        return validate(kb, null);
    }

    /**
     * Validates everything {@code kb} holds and, when {@code texts} is given (the text of a file of the sources folder
     * by name, empty when missing), that each document's text exists and each passage quotes it ({@link QuotedTexts}).
     */
    public static Report validate(KnowledgeBase kb, Function<String, Optional<String>> texts) {
        Validator validator = Validator.of(kb);
        var dataset = kb.dataset();
        return Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            var report = validator.validate(union, kb.assertedTriples());
            LineIndex lines = new LineIndex(kb.dataSources(), kb.vocab());
            List<ReportEntry> entries = new ArrayList<>(report.getEntries());
            if (texts != null)
                entries.addAll(new QuotedTexts(kb.vocab()).check(union, texts));
            List<Finding> findings = entries.stream().map(e -> new Finding(e, lines.locate(e.focusNode()))).toList();
            return new Report(List.of(), findings, report, union.size());
        });
    }
}
