package org.icakg.kb;

import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import org.apache.jena.vocabulary.VOID;

/** The prefixes of the standard vocabularies, and the one way a term is shown as a prefixed name. */
public final class Prefixes {

    /**
     * Jena's standard prefixes ({@code rdf}, {@code rdfs}, {@code owl}, {@code xsd}, {@code dc}) and those of the
     * other vocabularies the data and its descriptions reuse, from Jena's vocabulary classes where Jena has one.
     */
    public static final Map<String, String> STANDARD = standard();

    private Prefixes() {}

    private static Map<String, String> standard() {
        PrefixMapping p = PrefixMapping.Factory.create().setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefix("skos", SKOS.uri)
                .setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("schema", SchemaDO.NS)
                .setNsPrefix("sh", SHACL.NS)
                .setNsPrefix("void", VOID.NS)
                .setNsPrefix("dcat", DCAT.NS)
                // No vocabulary class in Jena for these.
                .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
                .setNsPrefix("time", "http://www.w3.org/2006/time#")
                .setNsPrefix("wd", "http://www.wikidata.org/entity/");
        return Map.copyOf(new TreeMap<>(p.getNsPrefixMap()));
    }

    /** {@code prefix:local} when {@code prefixes} declares a prefix for the IRI, else the IRI itself. */
    public static String shortForm(PrefixMap prefixes, String iri) {
        String abbreviated = prefixes.abbreviate(iri);
        return abbreviated != null ? abbreviated : iri;
    }

    /** {@link #shortForm(PrefixMap, String)} of an IRI node; any other node as Jena writes it. */
    public static String shortForm(PrefixMap prefixes, Node term) {
        return term.isURI() ? shortForm(prefixes, term.getURI()) : term.toString();
    }
}
