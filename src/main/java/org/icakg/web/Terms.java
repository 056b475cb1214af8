package org.icakg.web;

import java.util.List;

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

    /** A term as the ontology page shows it: anchor, label, kind, IRI, prefixed name and definition (may be null). */
    record Term(String anchor, String label, String kind, String iri, String name, String definition) {}

    /** A link to a term: its prefixed name, and where it leads. */
    record Link(String text, String href) {}

    /** A term's anchor, label, kind, IRI, prefixed name and definition. */
    Term describe(Node term, String kind) {
        Node definition = VocabularyPages.definition(ontology, term);
        return new Term(anchor(term), label(term), kind, term.getURI(), name(term),
                definition == null || !definition.isLiteral() ? null : definition.getLiteralLexicalForm());
    }

    /**
     * Links to terms: into the ontology page for the ontology's own terms, to the IRI for others; by name, so a page
     * lists them in the same order whatever order the store reads them in.
     */
    List<Link> links(List<Node> terms) {
        return terms.stream().filter(Node::isURI).distinct().map(this::link)
                .sorted(java.util.Comparator.comparing(Link::text)).toList();
    }

    /** One link to a term. */
    Link link(Node term) {
        return new Link(name(term),
                term.getURI().startsWith(vocab.ontologyNs()) ? "/ontology#" + anchor(term) : Links.href(vocab, term.getURI()));
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
