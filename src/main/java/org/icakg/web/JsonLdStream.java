package org.icakg.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes statements as JSON-LD in expanded form (full IRIs, no {@code @context}) while reading them: one node object
 * per run of statements about the same subject, inside a {@code {"@id": graph, "@graph": [...]}} object for a named
 * graph. Only the statements of the current subject are held; Jena's own JSON-LD writer builds the whole document
 * first. A subject met again later (the store's order groups them, but need not) gets another node object with the
 * same {@code @id}, which JSON-LD processors merge.
 */
final class JsonLdStream {

    private static final JsonFactory JSON = JsonFactory.builder().build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final JsonGenerator json;
    private Node graph;
    private Node subject;
    private final Map<Node, List<Node>> values = new LinkedHashMap<>();

    private JsonLdStream(OutputStream out) throws IOException {
        json = JSON.createGenerator(out, JsonEncoding.UTF8);
    }

    /** Every quad, named graphs as graph objects, the default graph's statements at the top level. */
    static void quads(OutputStream out, Iterator<Quad> quads) {
        write(out, w -> {
            while (quads.hasNext()) {
                Quad q = quads.next();
                w.add(q.isDefaultGraph() ? null : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            }
        });
    }

    /** Statements of one graph, at the top level. */
    static void triples(OutputStream out, Iterator<Triple> triples) {
        write(out, w -> {
            while (triples.hasNext()) {
                Triple t = triples.next();
                w.add(null, t.getSubject(), t.getPredicate(), t.getObject());
            }
        });
    }

    private interface Body {
        void write(JsonLdStream w) throws IOException;
    }

    private static void write(OutputStream out, Body body) {
        try {
            JsonLdStream w = new JsonLdStream(out);
            w.json.writeStartArray();
            body.write(w);
            w.endSubject();
            w.endGraph();
            w.json.writeEndArray();
            w.json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Node g, Node s, Node p, Node o) throws IOException {
        if (!Objects.equals(g, graph)) {
            endSubject();
            endGraph();
            if (g != null) {
                json.writeStartObject();
                json.writeStringField("@id", id(g));
                json.writeArrayFieldStart("@graph");
            }
            graph = g;
        }
        if (!s.equals(subject)) {
            endSubject();
            subject = s;
        }
        values.computeIfAbsent(p, k -> new ArrayList<>()).add(o);
    }

    private void endGraph() throws IOException {
        if (graph != null) {
            json.writeEndArray();
            json.writeEndObject();
            graph = null;
        }
    }

    /** Writes the node object of the current subject, its values grouped by property. */
    private void endSubject() throws IOException {
        if (subject == null)
            return;
        json.writeStartObject();
        json.writeStringField("@id", id(subject));
        for (var property : values.entrySet()) {
            json.writeArrayFieldStart(property.getKey().getURI());
            for (Node o : property.getValue())
                value(o);
            json.writeEndArray();
        }
        json.writeEndObject();
        values.clear();
        subject = null;
    }

    private void value(Node o) throws IOException {
        json.writeStartObject();
        if (!o.isLiteral()) {
            json.writeStringField("@id", id(o));
        } else {
            json.writeStringField("@value", o.getLiteralLexicalForm());
            if (!o.getLiteralLanguage().isEmpty()) {
                json.writeStringField("@language", o.getLiteralLanguage());
                if (o.getLiteralBaseDirection() != null)
                    json.writeStringField("@direction", o.getLiteralBaseDirection().direction());
            } else if (!XSDDatatype.XSDstring.getURI().equals(o.getLiteralDatatypeURI())) {
                json.writeStringField("@type", o.getLiteralDatatypeURI());
            }
        }
        json.writeEndObject();
    }

    /** An IRI as it is; a blank node as a blank node identifier made of its label's safe characters. */
    private static String id(Node n) {
        if (n.isURI())
            return n.getURI();
        if (n.isBlank())
            return "_:" + NodeFmtLib.encodeBNodeLabel(n.getBlankNodeLabel());
        throw new IllegalArgumentException("not expressible in JSON-LD as a node: " + n);
    }
}
