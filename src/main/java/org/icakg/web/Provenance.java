package org.icakg.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.icakg.kb.Vocab;

/**
 * Where a statement comes from, told by the name of the graph that holds it: a passage of a source document
 * (with the document's title and the quoted text), the inferences, the ontology, or an external source.
 * One instance serves one request and is used inside a read transaction.
 */
final class Provenance {

    private final DatasetGraph dsg;
    private final Vocab vocab;
    private final Labels labels;
    private final Node quote;
    private final Map<Node, Map<String, Object>> cache = new HashMap<>();

    Provenance(DatasetGraph dsg, Vocab vocab, Labels labels) {
        this.dsg = dsg;
        this.vocab = vocab;
        this.labels = labels;
        this.quote = vocab.termNode("quote");
    }

    /** A template model of the source named by a graph: {@code kind} is passage, inferred, ontology or external. */
    Map<String, Object> of(Node graph) {
        return cache.computeIfAbsent(graph, this::describe);
    }

    /** True when the graph holds entailments rather than statements someone made. */
    boolean isInferred(Node graph) {
        return graph.equals(vocab.inferredGraph());
    }

    private Map<String, Object> describe(Node graph) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (isInferred(graph)) {
            m.put("inferred", true);
            return m;
        }
        if (graph.equals(vocab.ontologyGraph())) {
            m.put("ontology", true);
            return m;
        }
        String quoted = literal(graph, quote);
        Node document = object(graph, DCTerms.isPartOf.asNode());
        m.put(quoted != null || document != null ? "passage" : "external", true);
        m.put("href", Links.href(vocab, graph.getURI()));
        m.put("label", labels.of(graph));
        m.put("quote", quoted);
        if (document != null) {
            m.put("document", labels.of(document));
            m.put("documentHref", document.isURI() ? Links.href(vocab, document.getURI()) : null);
        }
        return m;
    }

    private Node object(Node s, Node p) {
        var it = dsg.find(Node.ANY, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private String literal(Node s, Node p) {
        Node o = object(s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
