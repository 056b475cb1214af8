package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.icakg.kb.Vocab;
import org.junit.jupiter.api.Test;

/** The shapes page says each constraint in words a maintainer can read. */
class ShapeWordsTest {

    @Test
    void constraints_read_as_words_with_severity_and_message() {
        Graph shapes = RDFParser.source("src/test/resources/fixtures/browse-shapes.ttl").toGraph();
        PrefixMap prefixes = PrefixMapFactory.create(shapes.getPrefixMapping());
        var words = new ShapeWords(shapes, new Terms(GraphFactory.createDefaultGraph(), Vocab.DEFAULT, prefixes));
        ShapeWords.ShapeView meeting = words.shapes().get(0);
        assertEquals("every ica:Meeting", meeting.targets());
        Map<String, String> byPath = new java.util.TreeMap<>();
        meeting.constraints().forEach(c -> byPath.put(c.path(), c.text() + " | " + c.severity() + " | " + c.message()));
        assertEquals(Map.of(
                "rdfs:label", "at least 1, a language-tagged string | Violation | A meeting needs a label in a language.",
                "dcterms:date", "at most 1, an xsd:date or xsd:gYearMonth or xsd:gYear | Warning | null",
                "^ica:madeAt", "an instance of ica:Commitment | Violation | null"), byPath);
        assertEquals(List.of("^ica:madeAt", "dcterms:date", "rdfs:label"),
                meeting.constraints().stream().map(ShapeWords.ConstraintView::path).toList(), "in the order of their paths");
    }
}
