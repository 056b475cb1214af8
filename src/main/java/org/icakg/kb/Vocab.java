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

    /** What follows the base in {@link #ontologyNs()} and in {@link #entityNs()}. */
    public static final String TERMS_PATH = "ontology#", ENTITIES_PATH = "id/";

    /** Namespace of ontology terms: {@code {base}ontology#}. */
    public String ontologyNs() { return base + TERMS_PATH; }

    /** The ontology's own IRI. */
    public String ontologyIri() { return base + "ontology"; }

    /** Prefix of every entity IRI: {@code {base}id/}. */
    public String entityNs() { return base + ENTITIES_PATH; }

    public String term(String localName) { return ontologyNs() + localName; }

    public Node termNode(String localName) { return NodeFactory.createURI(term(localName)); }

    /** Named graph holding the ontology. */
    public Node ontologyGraph() { return graph("ontology"); }

    /** Named graph holding the SHACL shapes. */
    public Node shapesGraph() { return graph("shapes"); }

    /**
     * Named graph describing the inferred graphs: {@code <inferred graph> prov:wasDerivedFrom <graph>} for each
     * graph whose statements entail those of the inferred graph.
     */
    public Node inferredGraph() { return NodeFactory.createURI(base + INFERRED); }

    /** Prefix of the graphs holding entailed statements, one per set of graphs that entails them. */
    public String inferredGraphPrefix() { return base + INFERRED + "/"; }

    /** True for the graphs the inference writes: the inferred graphs and the graph that describes them. */
    public boolean isInferred(Node graph) {
        // Asked for every quad a load or a write reads: compared in place, without building the names.
        if (!graph.isURI())
            return false;
        String iri = graph.getURI();
        int end = base.length() + INFERRED.length();
        return iri.startsWith(base) && iri.startsWith(INFERRED, base.length())
                && (iri.length() == end || iri.charAt(end) == '/');
    }

    /** The inferred graph's name under the base. */
    private static final String INFERRED = "graph/inferred";

    /**
     * The inferred graph for statements entailed by {@code support} (with the ontology):
     * {@code {base}graph/inferred/} and the support's graphs by their short names, joined by {@code +}
     * (a passage by its slug, a graph of the project by its path under {@code graph/}).
     */
    public Node inferredGraphFor(java.util.List<Node> support) {
        StringBuilder name = new StringBuilder(inferredGraphPrefix());
        for (int i = 0; i < support.size(); i++)
            name.append(i == 0 ? "" : "+").append(shortName(support.get(i)));
        return NodeFactory.createURI(name.toString());
    }

    private String shortName(Node graph) {
        String iri = graph.getURI(), passages = entityNs() + "passage/", graphs = base + "graph/";
        if (iri.startsWith(passages))
            return iri.substring(passages.length());
        if (iri.startsWith(graphs))
            return iri.substring(graphs.length());
        return java.net.URLEncoder.encode(iri, java.nio.charset.StandardCharsets.UTF_8);
    }

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
