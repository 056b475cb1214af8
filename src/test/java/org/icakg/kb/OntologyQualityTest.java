package org.icakg.kb;

import org.icakg.validate.WholeGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.validate.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ontology and the curated data meet the rules of the knowledge base (SPEC section 3). */
class OntologyQualityTest {

    static final List<Node> TERM_TYPES = List.of(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(),
            OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode());

    static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT);
    }

    @Test
    void the_core_classes_of_the_mission_are_declared() {
        for (String c : List.of("State", "Forum", "Corridor", "Mineral", "Threat", "Commitment"))
            assertTrue(kb.ontology().contains(kb.vocab().termNode(c), RDF.type.asNode(), OWL2.Class.asNode()), c);
    }

    @Test
    void every_class_and_property_has_a_label_and_a_definition() {
        Graph o = kb.ontology();
        Set<String> missing = new TreeSet<>();
        for (Node type : TERM_TYPES)
            o.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                Node term = t.getSubject();
                if (!term.isURI())
                    return;
                if (!o.contains(term, RDFS.label.asNode(), Node.ANY))
                    missing.add(term.getURI() + " has no rdfs:label");
                if (!o.contains(term, SKOS.definition.asNode(), Node.ANY) && !o.contains(term, RDFS.comment.asNode(), Node.ANY))
                    missing.add(term.getURI() + " has no definition");
            });
        assertEquals(Set.of(), missing);
    }

    @Test
    void the_ontology_describes_itself() {
        Node ontology = org.apache.jena.graph.NodeFactory.createURI(kb.vocab().ontologyIri());
        Graph o = kb.ontology();
        assertTrue(o.contains(ontology, RDF.type.asNode(), OWL2.Ontology.asNode()));
        for (String p : List.of("title", "license", "creator"))
            assertTrue(o.contains(ontology, org.apache.jena.graph.NodeFactory.createURI("http://purl.org/dc/terms/" + p), Node.ANY), p);
        assertTrue(o.contains(ontology, OWL2.versionInfo.asNode(), Node.ANY) || o.contains(ontology, OWL2.versionIRI.asNode(), Node.ANY));
    }

    @Test
    void the_bundled_data_conforms_uses_only_declared_terms_and_no_disjoint_classes_meet() {
        Report report = WholeGraph.validate(kb);
        assertTrue(report.conforms(), () -> report.findings().stream().filter(f -> f.isViolation())
                .map(f -> f.focusNode() + ": " + f.entry().message()).toList().toString());
    }

    @Test
    void every_entity_has_a_label() {
        Set<String> unlabelled = new TreeSet<>();
        Txn.executeRead(kb.dataset(), () -> {
            Graph union = kb.dataset().getUnionGraph();
            union.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(kb.vocab().entityNs()) && !union.contains(s, RDFS.label.asNode(), Node.ANY))
                    unlabelled.add(s.getURI());
            });
        });
        assertEquals(Set.of(), unlabelled);
    }

    @Test
    void every_statement_is_in_a_graph_that_names_its_source() {
        Set<String> unsourced = new TreeSet<>();
        Node passage = kb.vocab().termNode("Passage");
        Node external = kb.vocab().termNode("ExternalSource");
        Node interpretation = kb.vocab().termNode("Interpretation");
        Txn.executeRead(kb.dataset(), () -> {
            Graph sources = kb.dataset().getGraph(kb.vocab().sourcesGraph());
            kb.dataset().listGraphNodes().forEachRemaining(g -> {
                if (g.equals(kb.vocab().ontologyGraph()) || kb.vocab().isInferred(g)
                        || g.equals(kb.vocab().sourcesGraph()))
                    return;
                boolean described = sources.contains(g, RDF.type.asNode(), passage)
                        || sources.contains(g, RDF.type.asNode(), external)
                        || sources.contains(g, RDF.type.asNode(), interpretation);
                if (!described)
                    unsourced.add(g.getURI());
            });
            assertTrue(kb.dataset().find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).hasNext() == false);
        });
        assertEquals(Set.of(), unsourced);
    }

    @Test
    void the_wikidata_ids_of_the_states_are_linked() {
        Txn.executeRead(kb.dataset(), () -> {
            Graph union = kb.dataset().getUnionGraph();
            for (String[] s : new String[][] {{"india", "Q668"}, {"kazakhstan", "Q232"}, {"kyrgyzstan", "Q813"},
                    {"tajikistan", "Q863"}, {"turkmenistan", "Q874"}, {"uzbekistan", "Q265"}})
                assertTrue(union.contains(org.apache.jena.graph.NodeFactory.createURI(kb.vocab().entityNs() + "state/" + s[0]),
                        OWL2.sameAs.asNode(), org.apache.jena.graph.NodeFactory.createURI("http://www.wikidata.org/entity/" + s[1])), s[0]);
        });
    }
}
