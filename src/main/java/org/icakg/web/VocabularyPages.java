package org.icakg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.icakg.kb.KnowledgeBase;

/** HTML pages generated from the ontology and the shapes. */
final class VocabularyPages {

    private final KnowledgeBase kb;
    private final Templates templates;

    VocabularyPages(KnowledgeBase kb, Templates templates) {
        this.kb = kb;
        this.templates = templates;
    }

    String ontology() {
        Graph g = kb.ontology();
        List<Map<String, String>> terms = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI())
                terms.add(Map.of("iri", s.getURI(), "type", t.getObject().getLocalName(), "label", literal(g, s, RDFS.label.asNode())));
        });
        terms.sort(java.util.Comparator.comparing(m -> m.get("iri")));
        return templates.render("vocabulary", Map.of("title", "Ontology", "terms", terms));
    }

    String shapes() {
        Graph g = kb.shapes().getGraph();
        List<Map<String, String>> terms = new ArrayList<>();
        kb.shapes().getTargetShapes().forEach(shape -> {
            Node s = shape.getShapeNode();
            terms.add(Map.of("iri", s.isURI() ? s.getURI() : s.toString(), "type", "Shape",
                    "label", shape.getTargets().toString()));
        });
        return templates.render("vocabulary", Map.of("title", "Shapes", "terms", terms, "graph", g.size()));
    }

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : "";
    }
}
