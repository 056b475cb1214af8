package org.icakg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The statements of one maintainer's write in the write benchmark: exactly {@value #TRIPLES} new statements, a new
 * source document (described, dated) with one passage (in the sources graph) and, in the passage's graph, three new meetings of an
 * existing forum, held in existing cities with existing states taking part, and eight new commitments with existing
 * states as parties. So the write links new entities to hubs of the graph (forums, states, statuses, minerals gain
 * inverse statements), as real curation does. It conforms to the shapes.
 */
final class WritePayload {

    /** Statements in each write. */
    static final int TRIPLES = 100;

    private static final int[] COMMITMENTS_PER_MEETING = {2, 2, 4};
    private static final int PARTICIPANTS = 3;

    private final Population population;

    WritePayload(Population population) {
        this.population = population;
    }

    /** The {@code n}th write of a run (the same {@code n} and seed give the same statements). */
    List<Quad> quads(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + n);
        List<Quad> out = new ArrayList<>();
        String slug = "maintainer-write-" + n;
        Node document = Terms.entity("document", slug), passage = Terms.entity("passage", slug + "-01");
        Node sources = Terms.SOURCES_GRAPH;
        out.add(Quad.create(sources, document, RDF.type.asNode(), Terms.SOURCE_DOCUMENT));
        out.add(Quad.create(sources, document, RDFS.label.asNode(), Terms.text("Maintainer's record " + n)));
        out.add(Quad.create(sources, document, Terms.TITLE, Terms.text("Maintainer's record " + n)));
        out.add(Quad.create(sources, document, Terms.SOURCE_FILE, NodeFactory.createLiteralString("sources/" + slug + ".txt")));
        out.add(Quad.create(sources, document, DCTerms.description.asNode(), Terms.text("Minutes kept by a maintainer.")));
        out.add(Quad.create(sources, document, DCTerms.issued.asNode(), NodeFactory.createLiteralDT("2025",
                XSDDatatype.XSDgYear)));
        out.add(Quad.create(sources, passage, RDF.type.asNode(), Terms.PASSAGE));
        out.add(Quad.create(sources, passage, RDFS.label.asNode(), Terms.text("Maintainer's record " + n + ", passage 1")));
        out.add(Quad.create(sources, passage, Terms.QUOTE, Terms.text("Three meetings were held.")));
        out.add(Quad.create(sources, passage, Terms.IS_PART_OF, document));
        out.add(Quad.create(sources, passage, Terms.POSITION, NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger)));
        for (int m = 0; m < COMMITMENTS_PER_MEETING.length; m++)
            meeting(out, passage, slug + "-" + m, COMMITMENTS_PER_MEETING[m], random);
        if (out.size() != TRIPLES)
            throw new IllegalStateException("a benchmark write must hold " + TRIPLES + " statements, built " + out.size());
        return out;
    }

    /** The write as a SPARQL Update {@code INSERT DATA} request. */
    String update(int n, long seed) {
        QuadDataAcc data = new QuadDataAcc();
        quads(n, seed).forEach(data::addQuad);
        UpdateRequest request = new UpdateRequest(new UpdateDataInsert(data));
        Terms.prefixes().forEach(request::setPrefix);
        return request.toString();
    }

    private void meeting(List<Quad> out, Node g, String slug, int commitments, SplittableRandom random) {
        Node meeting = Terms.entity("meeting", slug);
        List<Node> states = states(random);
        add(out, g, meeting, RDF.type.asNode(), Terms.MEETING);
        add(out, g, meeting, RDFS.label.asNode(), Terms.text("Meeting " + slug));
        add(out, g, meeting, SKOS.altLabel.asNode(), Terms.text("Session " + slug));
        add(out, g, meeting, Terms.MEETING_OF, Terms.entity("forum", "forum-" + random.nextInt(population.forums)));
        add(out, g, meeting, Terms.DATE, NodeFactory.createLiteralDT("2025-0" + (1 + random.nextInt(9)) + "-1"
                + random.nextInt(10), XSDDatatype.XSDdate));
        add(out, g, meeting, Terms.HELD_IN, Terms.entity("city", Population.citySlug(random.nextInt(population.states),
                random.nextInt(8), 1 + random.nextInt(5))));
        add(out, g, meeting, Terms.HOSTED_BY, states.get(0));
        for (Node state : states)
            add(out, g, meeting, Terms.PARTICIPANT, state);
        add(out, g, meeting, Terms.DISCUSSED, mineral(random));
        for (int c = 0; c < commitments; c++) {
            Node commitment = Terms.entity("commitment", slug + "-" + c);
            add(out, g, commitment, RDF.type.asNode(), Terms.COMMITMENT);
            add(out, g, commitment, RDFS.label.asNode(), Terms.text("Commitment " + slug + "-" + c));
            add(out, g, commitment, Terms.MADE_AT, meeting);
            add(out, g, commitment, Terms.PARTY, states.get(0));
            add(out, g, commitment, Terms.PARTY, states.get(1 + c % (PARTICIPANTS - 1)));
            add(out, g, commitment, Terms.STATUS, Terms.STATUSES.get(random.nextInt(Terms.STATUSES.size())));
            add(out, g, commitment, Terms.CONCERNS, mineral(random));
        }
    }

    private List<Node> states(SplittableRandom random) {
        List<Node> out = new ArrayList<>();
        int first = random.nextInt(population.states), step = 1 + random.nextInt(population.states - 1);
        for (int i = 0; out.size() < PARTICIPANTS; i++) {
            Node state = Terms.entity("state", Population.stateSlug((first + i * step) % population.states));
            if (!out.contains(state))
                out.add(state);
            else
                first++;
        }
        return out;
    }

    private Node mineral(SplittableRandom random) {
        return Terms.entity("mineral", "mineral-" + random.nextInt(population.minerals));
    }

    private static void add(List<Quad> out, Node g, Node s, Node p, Node o) {
        out.add(Quad.create(g, s, p, o));
    }
}
