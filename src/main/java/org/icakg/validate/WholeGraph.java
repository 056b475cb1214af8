package org.icakg.validate;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.system.Txn;
import org.icakg.kb.KnowledgeBase;

/** Validation of a whole knowledge base: every statement against the shapes and the ontology, findings located in their files. */
public final class WholeGraph {

    private WholeGraph() {}

    /** Validates everything {@code kb} holds. */
    public static Report validate(KnowledgeBase kb) {
        Validator validator = Validator.of(kb);
        var dataset = kb.dataset();
        return Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            var report = validator.validate(union, kb.assertedTriples());
            LineIndex lines = new LineIndex(kb.dataSources(), kb.vocab());
            List<Finding> findings = report.getEntries().stream()
                    .map(e -> new Finding(e, lines.locate(e.focusNode()))).toList();
            return new Report(List.of(), findings, report, union.size());
        });
    }
}
