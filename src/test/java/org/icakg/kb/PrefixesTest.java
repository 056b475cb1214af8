package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.junit.jupiter.api.Test;

/** The standard prefixes and the one prefixed-name renderer. */
class PrefixesTest {

    @Test
    void the_standard_prefixes_name_the_vocabularies_the_data_and_its_descriptions_reuse() {
        assertEquals("http://www.w3.org/1999/02/22-rdf-syntax-ns#", Prefixes.STANDARD.get("rdf"));
        assertEquals("http://www.w3.org/2002/07/owl#", Prefixes.STANDARD.get("owl"));
        assertEquals("http://www.w3.org/2004/02/skos/core#", Prefixes.STANDARD.get("skos"));
        assertEquals("http://purl.org/dc/terms/", Prefixes.STANDARD.get("dcterms"));
        assertEquals("https://schema.org/", Prefixes.STANDARD.get("schema"));
        assertEquals("http://www.w3.org/ns/shacl#", Prefixes.STANDARD.get("sh"));
        assertEquals("http://rdfs.org/ns/void#", Prefixes.STANDARD.get("void"));
        assertEquals("http://www.w3.org/ns/dcat#", Prefixes.STANDARD.get("dcat"));
        assertEquals("http://www.w3.org/ns/prov#", Prefixes.STANDARD.get("prov"));
    }

    @Test
    void a_term_with_a_declared_prefix_is_shown_prefixed_and_any_other_as_its_iri() {
        PrefixMap p = PrefixMapFactory.create(java.util.Map.of("ica", "https://w3id.org/ica-kg/ontology#"));
        assertEquals("ica:Meeting", Prefixes.shortForm(p, "https://w3id.org/ica-kg/ontology#Meeting"));
        assertEquals("https://example.org/x", Prefixes.shortForm(p, "https://example.org/x"));
        assertEquals("ica:State", Prefixes.shortForm(p, NodeFactory.createURI("https://w3id.org/ica-kg/ontology#State")));
        assertEquals("\"plain\"", Prefixes.shortForm(p, NodeFactory.createLiteralString("plain")));
    }
}
