package org.icakg.kb;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The IRIs the project mints, all derived from one base. */
public record Vocab(String base) {

    /** The base every IRI of the bundled files is written with. */
    public static final String DEFAULT_BASE = "https://w3id.org/ica-kg/";

    public static final Vocab DEFAULT = new Vocab(DEFAULT_BASE);

    public Vocab {
        if (base == null || !base.matches("^https?://.+/$"))
            throw new IllegalArgumentException("base must be an http(s) IRI ending in '/', got: " + base);
    }

    /** Namespace of ontology terms: {@code {base}ontology#}. */
    public String ontologyNs() { return base + "ontology#"; }

    /** The ontology's own IRI. */
    public String ontologyIri() { return base + "ontology"; }

    /** Prefix of every entity IRI: {@code {base}id/}. */
    public String entityNs() { return base + "id/"; }

    public String term(String localName) { return ontologyNs() + localName; }

    public Node termNode(String localName) { return NodeFactory.createURI(term(localName)); }

    /** Named graph holding the ontology. */
    public Node ontologyGraph() { return graph("ontology"); }

    /** Named graph holding the SHACL shapes. */
    public Node shapesGraph() { return graph("shapes"); }

    /** Named graph holding the statements entailed by the ontology (never asserted). */
    public Node inferredGraph() { return graph("inferred"); }

    /** Named graph describing the source documents and their passages. */
    public Node sourcesGraph() { return graph("sources"); }

    /** Named graph holding statements written without a graph (uploads, updates to the default graph). */
    public Node unattributedGraph() { return graph("unattributed"); }

    public Node graph(String name) { return NodeFactory.createURI(base + "graph/" + name); }

    /** Rewrites an IRI written under the default base to this base. */
    public String rebase(String iri) {
        if (base.equals(DEFAULT_BASE) || !iri.startsWith(DEFAULT_BASE))
            return iri;
        return base + iri.substring(DEFAULT_BASE.length());
    }

    /** Rewrites text (a query, a template) written with the default base to this base. */
    public String rebaseText(String text) {
        return base.equals(DEFAULT_BASE) ? text : text.replace(DEFAULT_BASE, base);
    }
}
