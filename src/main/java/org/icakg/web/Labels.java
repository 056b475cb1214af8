package org.icakg.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.kb.Prefixes;

/**
 * Names for nodes as people read them: the English (or untagged) {@code rdfs:label}, else another naming
 * property, else a prefixed name. One instance serves one request (it caches) and is used inside a read
 * transaction.
 */
final class Labels {

    /** Properties that name a thing, in order of preference. */
    static final List<Node> NAMING = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), DCTerms.title.asNode(),
            NodeFactory.createURI("https://schema.org/name"));

    /** Words for standard terms the ontology does not label itself. */
    static final Map<Node, String> WELL_KNOWN = Map.of(
            RDF.type.asNode(), "type",
            RDFS.label.asNode(), "label",
            RDFS.comment.asNode(), "comment",
            RDFS.seeAlso.asNode(), "see also",
            SKOS.altLabel.asNode(), "alternative label",
            SKOS.definition.asNode(), "definition",
            DCTerms.description.asNode(), "description",
            OWL2.sameAs.asNode(), "same as");

    private final DatasetGraph dsg;
    private final PrefixMap prefixes;
    private final Map<Node, String> cache = new HashMap<>();

    Labels(DatasetGraph dsg, PrefixMap prefixes) {
        this.dsg = dsg;
        this.prefixes = prefixes;
    }

    /** The label of a node; literals give their lexical form. */
    String of(Node n) {
        if (n.isLiteral())
            return n.getLiteralLexicalForm();
        return cache.computeIfAbsent(n, this::lookUp);
    }

    private String lookUp(Node n) {
        if (!n.isURI())
            return n.isBlank() ? "(anonymous)" : n.toString();
        for (Node p : NAMING) {
            String l = preferred(n, p);
            if (l != null)
                return l;
        }
        String known = WELL_KNOWN.get(n);
        return known != null ? known : shortName(n.getURI());
    }

    /** The English or untagged value of a property, else any value, else null. */
    private String preferred(Node n, Node property) {
        String any = null;
        // The union, not every quad: a hub's label is stated in thousands of passages, and one copy is enough here.
        var it = dsg.getUnionGraph().find(n, property, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (!o.isLiteral())
                continue;
            String lang = o.getLiteralLanguage();
            if (lang.isEmpty() || lang.regionMatches(true, 0, "en", 0, 2)) // language tags are ASCII
                return o.getLiteralLexicalForm();
            any = any == null ? o.getLiteralLexicalForm() : any;
        }
        return any;
    }

    /** {@code prefix:local} when a prefix is declared for the IRI, else the IRI. */
    String shortName(String iri) {
        return Prefixes.shortForm(prefixes, iri);
    }
}
