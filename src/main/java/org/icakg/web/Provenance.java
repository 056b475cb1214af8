package org.icakg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final Map<Node, Source> cache = new HashMap<>();

    Provenance(DatasetGraph dsg, Vocab vocab, Labels labels) {
        this.dsg = dsg;
        this.vocab = vocab;
        this.labels = labels;
        this.quote = vocab.termNode("quote");
        this.interpretation = vocab.termNode("Interpretation");
    }

    /**
     * The source of a statement, told by its graph: exactly one of a passage, an interpretation, the inferences,
     * the ontology or an external source.
     */
    record Source(Passage passage, Interpretation interpretation, Inferred inferred, boolean ontology,
                  Passage external) {}

    /**
     * A passage of a source document (or an external source, without quote or document): its page, label, the
     * quoted text, and the document's title and page.
     */
    record Passage(String href, String label, String quote, String document, String documentHref) {}

    /** A curator's reading of passages: its label, why it is made, its statements and the passages it reads. */
    record Interpretation(String label, String note, String statementsHref, List<Source> passages) {}

    /** Statements entailed by the ontology, and the sources they are entailed from. */
    record Inferred(List<Source> from) {
        public boolean hasFrom() { return !from.isEmpty(); }
    }

    /** The source named by a graph. */
    Source of(Node graph) {
        // Not computeIfAbsent: describing an interpretation or an inferred graph describes its passages too.
        Source known = cache.get(graph);
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

    private Source describe(Node graph) {
        if (isInferred(graph)) // what the inferred graph is entailed by: its passages, interpretations or external sources
            return new Source(null, null, new Inferred(passages(graph)), false, null);
        if (graph.equals(vocab.ontologyGraph()))
            return new Source(null, null, null, true, null);
        if (dsg.contains(Node.ANY, graph, RDF.type.asNode(), interpretation))
            return new Source(null, new Interpretation(labels.of(graph), literal(graph, SKOS.scopeNote.asNode()),
                    "/data?graph=" + URLEncoder.encode(graph.getURI(), StandardCharsets.UTF_8), passages(graph)),
                    null, false, null);
        String quoted = literal(graph, quote);
        Node document = object(graph, DCTerms.isPartOf.asNode());
        Passage p = new Passage(Links.href(vocab, graph.getURI()), labels.of(graph), quoted,
                document == null ? null : labels.of(document),
                document != null && document.isURI() ? Links.href(vocab, document.getURI()) : null);
        return quoted != null || document != null ? new Source(p, null, null, false, null)
                : new Source(null, null, null, false, p);
    }

    /** The sources a graph was derived from (prov:wasDerivedFrom), in the order of their IRIs. */
    List<Source> passages(Node graph) {
        List<Node> from = new ArrayList<>();
        dsg.find(Node.ANY, graph, derivedFrom, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI() && !from.contains(q.getObject()))
                from.add(q.getObject());
        });
        from.sort(Comparator.comparing(Node::getURI));
        List<Source> out = new ArrayList<>();
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
