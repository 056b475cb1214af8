package org.icakg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.icakg.kb.KnowledgeBase;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * {@code GET /graph.json?iri=}: an entity and the entities linked to it in either direction, as nodes and
 * edges for the neighbourhood picture of its page (Cytoscape.js element JSON).
 */
final class NeighbourhoodController {

    /** Most neighbours drawn; the page's tables list them all. */
    static final int MAX_NEIGHBOURS = 40;

    private final KnowledgeBase kb;

    NeighbourhoodController(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The path of the neighbourhood of an entity. */
    static String path(Node entity) {
        return "/graph.json?iri=" + URLEncoder.encode(entity.getURI(), StandardCharsets.UTF_8);
    }

    void get(Context ctx) {
        String iri = ctx.queryParam("iri");
        if (iri == null || iri.isBlank())
            throw new BadRequestResponse("Give the entity as ?iri=");
        Node entity = NodeFactory.createURI(iri);
        ctx.json(Txn.calculateRead(kb.dataset(), () -> elements(kb.dataset(), entity)));
    }

    private Map<String, Object> elements(DatasetGraph dsg, Node entity) {
        Labels labels = new Labels(dsg, kb.prefixes());
        Map<Node, Map<String, Object>> nodes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> edges = new LinkedHashMap<>();
        nodes.put(entity, node(dsg, labels, entity, true));
        List<Quad> links = new ArrayList<>();
        dsg.find(Node.ANY, entity, Node.ANY, Node.ANY).forEachRemaining(links::add);
        dsg.find(Node.ANY, Node.ANY, Node.ANY, entity).forEachRemaining(links::add);
        if (links.isEmpty())
            throw new NotFoundResponse("Nothing is known about " + entity.getURI());
        boolean truncated = false;
        for (Quad q : links) {
            Node other = q.getSubject().equals(entity) ? q.getObject() : q.getSubject();
            if (!isNeighbour(q, other))
                continue;
            if (!nodes.containsKey(other) && nodes.size() > MAX_NEIGHBOURS) {
                truncated = true;
                continue;
            }
            nodes.computeIfAbsent(other, n -> node(dsg, labels, n, false));
            String id = q.getSubject().getURI() + " " + q.getPredicate().getURI() + " " + q.getObject().getURI();
            edges.computeIfAbsent(id, k -> Map.of("data", Map.of("id", k, "source", q.getSubject().getURI(),
                    "target", q.getObject().getURI(), "label", labels.of(q.getPredicate()))));
        }
        return Map.of("nodes", List.copyOf(nodes.values()), "edges", List.copyOf(edges.values()),
                "truncated", truncated);
    }

    /** Entities of this graph linked by a property other than {@code rdf:type}. */
    private boolean isNeighbour(Quad q, Node other) {
        return other.isURI() && !q.getPredicate().equals(RDF.type.asNode())
                && other.getURI().startsWith(kb.vocab().entityNs()) && !q.getSubject().equals(q.getObject());
    }

    private Map<String, Object> node(DatasetGraph dsg, Labels labels, Node n, boolean focus) {
        Node type = new Types(kb.ontology()).main(dsg, n);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", n.getURI());
        data.put("label", labels.of(n));
        data.put("href", Links.href(kb.vocab(), n.getURI()));
        data.put("type", type == null ? "" : labels.of(type));
        data.put("focus", focus);
        return Map.of("data", data);
    }
}
