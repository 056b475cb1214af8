package org.icakg.web;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.icakg.kb.Vocab;
import org.icakg.sparql.Stats;

/** The SPARQL 1.1 Service Description of {@code /sparql} and the VoID / DCAT description of the data set. */
final class ServiceDescription {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    /** Most named graphs the service description lists (by name), with their sizes. */
    static final int MAX_NAMED_GRAPHS = 1000;

    /** Said instead of the counts while the first ones after a start are being made. */
    private static final Node COUNTING = NodeFactory.createLiteralLang(
            "The counts are being made (a large graph takes some seconds after a start); ask again in a moment.", "en");

    private final Vocab vocab;
    private final Stats stats;

    ServiceDescription(Vocab vocab, Stats stats) {
        this.vocab = vocab;
        this.stats = stats;
    }

    /**
     * The service description. Its IRIs are under the configured base, where the service is published (the server
     * answers at the base's paths), never under the {@code Host} a request names, which anyone can set.
     */
    Graph service() {
        String server = server();
        Graph g = graph();
        Node svc = iri(server + "/sparql");
        add(g, svc, RDF.type.asNode(), iri(SD + "Service"));
        add(g, svc, iri(SD + "endpoint"), svc);
        add(g, svc, iri(SD + "supportedLanguage"), iri(SD + "SPARQL11Query"));
        add(g, svc, iri(SD + "feature"), iri(SD + "UnionDefaultGraph"));
        add(g, svc, iri(SD + "feature"), iri(SD + "BasicFederatedQuery"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples", "RDF_XML", "TriG"})
            add(g, svc, iri(SD + "resultFormat"), iri(FORMATS + f));
        Node ds = NodeFactory.createBlankNode();
        add(g, svc, iri(SD + "defaultDataset"), ds);
        add(g, ds, RDF.type.asNode(), iri(SD + "Dataset"));
        add(g, ds, VOID.sparqlEndpoint.asNode(), svc);
        Node dg = NodeFactory.createBlankNode();
        add(g, ds, iri(SD + "defaultGraph"), dg);
        add(g, dg, RDF.type.asNode(), iri(SD + "Graph"));
        add(g, dg, RDFS.comment.asNode(), NodeFactory.createLiteralLang("The union of all named graphs", "en"));
        Stats.Snapshot s = stats.latest().snapshot();
        if (s == null) { // the first counts after a start are being made
            add(g, dg, RDFS.comment.asNode(), COUNTING);
            return g;
        }
        add(g, dg, VOID.triples.asNode(), count(s.triples()));
        // A graph per passage: a large store has tens of thousands, and the description would be megabytes.
        s.graphs().entrySet().stream().limit(MAX_NAMED_GRAPHS).forEach(e -> {
            Node ng = NodeFactory.createBlankNode(), gg = NodeFactory.createBlankNode();
            add(g, ds, iri(SD + "namedGraph"), ng);
            add(g, ng, iri(SD + "name"), e.getKey());
            add(g, ng, iri(SD + "graph"), gg);
            add(g, gg, VOID.triples.asNode(), count(e.getValue()));
        });
        if (s.graphs().size() > MAX_NAMED_GRAPHS)
            add(g, ds, RDFS.comment.asNode(), NodeFactory.createLiteralLang(s.graphs().size() + " named graphs; the first "
                    + MAX_NAMED_GRAPHS + " by name are described here. All of them: SELECT ?g (COUNT(*) AS ?triples) "
                    + "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "en"));
        return g;
    }

    /** VoID and DCAT: title, licence, live counts, endpoint and dumps. */
    Graph dataset() {
        String server = server();
        Graph g = graph();
        Node ds = iri(vocab.base() + "void#ica-kg");
        Stats.Snapshot s = stats.latest().snapshot();
        add(g, ds, RDF.type.asNode(), VOID.Dataset.asNode());
        add(g, ds, RDF.type.asNode(), DCAT.Dataset.asNode());
        add(g, ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("India–Central Asia knowledge graph", "en"));
        add(g, ds, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "States, forums, corridors, minerals, threats and commitments of the India–Central Asia partnership, "
                        + "each statement traced to the passage of the source document that supports it.", "en"));
        add(g, ds, DCTerms.license.asNode(), iri(LICENSE));
        add(g, ds, VOID.sparqlEndpoint.asNode(), iri(server + "/sparql"));
        add(g, ds, VOID.uriSpace.asNode(), NodeFactory.createLiteralString(vocab.entityNs()));
        add(g, ds, VOID.vocabulary.asNode(), iri(vocab.ontologyIri()));
        if (s == null) {
            add(g, ds, RDFS.comment.asNode(), COUNTING);
        } else {
            add(g, ds, VOID.triples.asNode(), count(s.triples()));
            add(g, ds, VOID.distinctSubjects.asNode(), count(s.subjects()));
            add(g, ds, VOID.classes.asNode(), count(s.classes().size()));
            s.classes().forEach((c, n) -> {
                Node part = NodeFactory.createBlankNode();
                add(g, ds, VOID.classPartition.asNode(), part);
                add(g, part, VOID._class.asNode(), c);
                add(g, part, VOID.entities.asNode(), count(n));
            });
        }
        for (RdfFormat f : RdfFormat.rdf()) {
            Node dump = iri(server + "/dumps/ica-kg." + f.extension());
            add(g, ds, VOID.dataDump.asNode(), dump);
            Node dist = NodeFactory.createBlankNode();
            add(g, ds, DCAT.distribution.asNode(), dist);
            add(g, dist, RDF.type.asNode(), DCAT.Distribution.asNode());
            add(g, dist, DCAT.downloadURL.asNode(), dump);
            add(g, dist, DCAT.mediaType.asNode(), iri("https://www.iana.org/assignments/media-types/" + f.mediaType()));
            add(g, dist, DCTerms.license.asNode(), iri(LICENSE));
        }
        Node endpoint = NodeFactory.createBlankNode();
        add(g, ds, DCAT.distribution.asNode(), endpoint);
        add(g, endpoint, RDF.type.asNode(), DCAT.DataService.asNode());
        add(g, endpoint, DCAT.endpointURL.asNode(), iri(server + "/sparql"));
        add(g, endpoint, DCAT.endpointDescription.asNode(), iri(server + "/sparql"));
        return g;
    }

    /** The base without its final {@code /}: the root the endpoint and dumps are published under. */
    private String server() {
        return vocab.base().substring(0, vocab.base().length() - 1);
    }

    private static Graph graph() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS)
                .setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("rdfs", RDFS.uri);
        return g;
    }

    private static void add(Graph g, Node s, Node p, Node o) { g.add(Triple.create(s, p, o)); }

    private static Node iri(String iri) { return NodeFactory.createURI(iri); }

    private static Node count(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }
}
