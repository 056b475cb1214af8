package org.icakg.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.vocabulary.RDFS;
import org.icakg.kb.Prefixes;
import org.icakg.kb.Vocab;

/** Ontology terms as the vocabulary pages show them: label, prefixed name, anchor and link. */
final class Terms {

    private final Graph ontology;
    private final Vocab vocab;
    private final PrefixMap prefixes;

    Terms(Graph ontology, Vocab vocab, PrefixMap prefixes) {
        this.ontology = ontology;
        this.vocab = vocab;
        this.prefixes = prefixes;
    }

    /** The prefixes terms are shown with. */
    PrefixMap prefixes() { return prefixes; }

    /** A term's anchor, label, kind, IRI, prefixed name and definition. */
    Map<String, Object> describe(Node term, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anchor", anchor(term));
        m.put("label", label(term));
        m.put("kind", kind);
        m.put("iri", term.getURI());
        m.put("name", name(term));
        Node definition = VocabularyPages.definition(ontology, term);
        m.put("definition", definition == null || !definition.isLiteral() ? null : definition.getLiteralLexicalForm());
        return m;
    }

    /** Links to terms: into the ontology page for the ontology's own terms, to the IRI for others. */
    List<Map<String, Object>> links(List<Node> terms) {
        return terms.stream().filter(Node::isURI).distinct().map(this::link).toList();
    }

    /** One link to a term. */
    Map<String, Object> link(Node term) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", name(term));
        m.put("href", term.getURI().startsWith(vocab.ontologyNs()) ? "/ontology#" + anchor(term) : Links.href(vocab, term.getURI()));
        return m;
    }

    /** The label in the ontology, else the prefixed name. */
    String label(Node term) {
        var it = ontology.find(term, RDFS.label.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node l = it.next().getObject();
            if (l.isLiteral() && (l.getLiteralLanguage().isEmpty() || l.getLiteralLanguage().startsWith("en")))
                return l.getLiteralLexicalForm();
        }
        return name(term);
    }

    /** {@code prefix:local} where a prefix is declared, else the IRI. */
    String name(Node term) {
        return Prefixes.shortForm(prefixes, term);
    }

    /** The fragment a term is anchored at on the ontology page: its local name. */
    static String anchor(Node term) {
        String iri = term.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(cut + 1);
    }
}
