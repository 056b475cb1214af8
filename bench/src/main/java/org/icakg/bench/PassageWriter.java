package org.icakg.bench;

import java.util.function.LongConsumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Writes statements into the named graph of the current passage, and describes each passage (quote, document,
 * position) and each document in the sources graph, as the curated data does. Counts what it writes.
 */
final class PassageWriter {

    private final StreamRDF out;
    private final LongConsumer progress;
    private final long every;
    private final int passagesPerDocument;
    private final java.util.Map<String, Integer> passagesOf = new java.util.HashMap<>();
    private Node graph;
    private long count;

    PassageWriter(StreamRDF out, LongConsumer progress, long every, int passagesPerDocument) {
        this.out = out;
        this.progress = progress;
        this.every = every;
        this.passagesPerDocument = passagesPerDocument;
    }

    long count() { return count; }

    /** Starts a new passage of the document {@code docSlug} (its next one), quoting {@code quote}. */
    void passage(String docSlug, String docTitle, String quote) {
        int position = passagesOf.merge(docSlug, 1, Integer::sum);
        int part = (position - 1) / passagesPerDocument;
        String slug = part == 0 ? docSlug : docSlug + "-part-" + part;
        Node document = Terms.entity("document", slug);
        Node sources = Terms.SOURCES_GRAPH;
        if ((position - 1) % passagesPerDocument == 0) {
            emit(sources, document, RDF.type.asNode(), Terms.SOURCE_DOCUMENT);
            Node title = Terms.text(docTitle + (part == 0 ? "" : ", part " + (part + 1)));
            emit(sources, document, RDFS.label.asNode(), title);
            emit(sources, document, Terms.TITLE, title);
            emit(sources, document, Terms.SOURCE_FILE, NodeFactory.createLiteralString("sources/synthetic-" + slug + ".txt"));
        }
        int number = (position - 1) % passagesPerDocument + 1;
        Node passage = Terms.entity("passage", String.format("%s-%02d", slug, number));
        emit(sources, passage, RDF.type.asNode(), Terms.PASSAGE);
        emit(sources, passage, RDFS.label.asNode(), Terms.text(docTitle + ", passage " + number));
        emit(sources, passage, Terms.QUOTE, Terms.text(quote));
        emit(sources, passage, Terms.IS_PART_OF, document);
        emit(sources, passage, Terms.POSITION, NodeFactory.createLiteralDT(Integer.toString(number), XSDDatatype.XSDinteger));
        graph = passage;
    }

    /** A type and a label for {@code entity} in the current passage. */
    void entity(Node entity, Node type, String label) {
        emit(graph, entity, RDF.type.asNode(), type);
        emit(graph, entity, RDFS.label.asNode(), Terms.text(label));
    }

    void link(Node s, Node p, Node o) { emit(graph, s, p, o); }

    void literal(Node s, Node p, String value) { emit(graph, s, p, NodeFactory.createLiteralString(value)); }

    void date(Node s, Node p, int year, int month, int day) {
        emit(graph, s, p, NodeFactory.createLiteralDT(String.format("%04d-%02d-%02d", year, month, day),
                XSDDatatype.XSDdate));
    }

    private void emit(Node g, Node s, Node p, Node o) {
        out.quad(Quad.create(g, s, p, o));
        if (++count % every == 0)
            progress.accept(count);
    }
}
