package org.icakg.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.icakg.kb.Vocab;

/** The ontology terms and IRIs the synthetic graph is written with, all under the default base. */
final class Terms {

    private Terms() {}

    static final Vocab VOCAB = Vocab.DEFAULT;
    static final String DCTERMS = "http://purl.org/dc/terms/";

    static final Node STATE = term("State"), REGION = term("Region"), CITY = term("City"), PORT = term("Port"),
            CORRIDOR = term("Corridor"), MINERAL = term("Mineral"), THREAT = term("Threat"), FORUM = term("Forum"),
            MEETING = term("Meeting"), COMMITMENT = term("Commitment"), PASSAGE = term("Passage"),
            SOURCE_DOCUMENT = term("SourceDocument");

    static final Node LOCATED_IN = term("locatedIn"), ISO_CODE = term("iso3166Alpha2"), RUNS_THROUGH = term("runsThrough"),
            CONNECTS = term("connects"), MEETING_OF = term("meetingOf"), DATE = term("date"),
            HELD_IN = term("heldIn"), HOSTED_BY = term("hostedBy"), PARTICIPANT = term("hadParticipant"),
            DISCUSSED = term("discussed"), MADE_AT = term("madeAt"), PARTY = term("party"), STATUS = term("status"),
            CONCERNS = term("concerns"), QUOTE = term("quote"), POSITION = term("position"),
            SOURCE_FILE = term("sourceFile");

    static final Node IS_PART_OF = NodeFactory.createURI(DCTERMS + "isPartOf"),
            TITLE = NodeFactory.createURI(DCTERMS + "title");

    /** The statuses a commitment can have (concepts of the ontology's commitment-status scheme). */
    static final List<Node> STATUSES = List.of(status("desired"), status("proposed"), status("called-for"),
            status("agreed"), status("ongoing"), status("fulfilled"));

    static final Node SOURCES_GRAPH = VOCAB.sourcesGraph();

    static Node term(String local) { return VOCAB.termNode(local); }

    static Node entity(String kind, String slug) { return NodeFactory.createURI(VOCAB.entityNs() + kind + "/" + slug); }

    static Node status(String slug) { return entity("status", slug); }

    static Node text(String english) { return NodeFactory.createLiteralLang(english, "en"); }

    /** Prefixes written at the top of a generated file. */
    static Map<String, String> prefixes() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ica", VOCAB.ontologyNs());
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.put("dcterms", DCTERMS);
        for (String kind : List.of("state", "region", "city", "port", "corridor", "mineral", "threat", "forum",
                "meeting", "commitment", "passage", "document", "status"))
            p.put(kind, VOCAB.entityNs() + kind + "/");
        return p;
    }
}
