package org.icakg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.kb.Vocab;

/**
 * Where a statement comes from, told by the name of the graph that holds it: a passage of a source document
 * (with the document's title and the quoted text), a curator's interpretation of passages (with why it is made
 * and the passages it reads), the inferences, the ontology, or an external source.
 * One instance serves one request and is used inside a read transaction.
 */
final class Provenance {

    private final DatasetGraph dsg;
    private final Vocab vocab;
    private final Labels labels;
    private final Node quote;
    private final Node interpretation;
    private final Node derivedFrom = org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private final Map<Node, Map<String, Object>> cache = new HashMap<>();

    Provenance(DatasetGraph dsg, Vocab vocab, Labels labels) {
        this.dsg = dsg;
        this.vocab = vocab;
        this.labels = labels;
        this.quote = vocab.termNode("quote");
        this.interpretation = vocab.termNode("Interpretation");
    }

    /**
     * A template model of the source named by a graph: {@code kind} is passage, interpretation, inferred, ontology
     * or external.
     */
    Map<String, Object> of(Node graph) {
        // Not computeIfAbsent: describing an interpretation or an inferred graph describes its passages too.
        Map<String, Object> known = cache.get(graph);
        if (known == null) {
            known = describe(graph);
            cache.put(graph, known);
        }
        return known;
    }

    /** True when the graph holds entailments rather than statements someone made. */
    boolean isInferred(Node graph) {
        return vocab.isInferred(graph);
    }

    private Map<String, Object> describe(Node graph) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (isInferred(graph)) {
            // What the inferred graph is entailed by: its passages, interpretations or external sources.
            List<Map<String, Object>> from = passages(graph);
            m.put("inferred", true);
            m.put("from", from);
            m.put("hasFrom", !from.isEmpty());
            return m;
        }
        if (graph.equals(vocab.ontologyGraph())) {
            m.put("ontology", true);
            return m;
        }
        if (dsg.contains(Node.ANY, graph, RDF.type.asNode(), interpretation))
            return interpretation(graph, m);
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

    private Map<String, Object> interpretation(Node graph, Map<String, Object> m) {
        m.put("interpretation", true);
        m.put("label", labels.of(graph));
        m.put("note", literal(graph, SKOS.scopeNote.asNode()));
        m.put("statementsHref", "/data?graph=" + URLEncoder.encode(graph.getURI(), StandardCharsets.UTF_8));
        m.put("passages", passages(graph));
        return m;
    }

    /** The passages a graph was derived from (prov:wasDerivedFrom), each with its quote, in document order. */
    List<Map<String, Object>> passages(Node graph) {
        List<Node> from = new ArrayList<>();
        dsg.find(Node.ANY, graph, derivedFrom, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI() && !from.contains(q.getObject()))
                from.add(q.getObject());
        });
        from.sort(Comparator.comparing(Node::getURI));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node p : from)
            out.add(of(p));
        return out;
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
