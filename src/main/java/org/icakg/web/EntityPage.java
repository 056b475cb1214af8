package org.icakg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.icakg.kb.KnowledgeBase;

import io.javalin.http.Context;

/** The HTML view of an entity: label, outgoing and incoming statements, each with the graph that states it. */
final class EntityPage {

    private final KnowledgeBase kb;
    private final Templates templates;

    EntityPage(KnowledgeBase kb, Templates templates) {
        this.kb = kb;
        this.templates = templates;
    }

    String render(Node entity, Context ctx) {
        DatasetGraph dsg = kb.dataset();
        Map<String, Object> model = new LinkedHashMap<>();
        Txn.executeRead(dsg, () -> {
            model.put("iri", entity.getURI());
            model.put("label", label(dsg, entity));
            List<Map<String, String>> out = new ArrayList<>(), in = new ArrayList<>();
            dsg.find(Node.ANY, entity, Node.ANY, Node.ANY).forEachRemaining(q -> out.add(row(dsg, q, q.getObject())));
            dsg.find(Node.ANY, Node.ANY, Node.ANY, entity).forEachRemaining(q -> in.add(row(dsg, q, q.getSubject())));
            model.put("outgoing", out);
            model.put("incoming", in);
        });
        return templates.render("entity", model);
    }

    private Map<String, String> row(DatasetGraph dsg, Quad q, Node other) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("property", label(dsg, q.getPredicate()));
        r.put("propertyIri", q.getPredicate().getURI());
        r.put("value", other.isLiteral() ? other.getLiteralLexicalForm() : label(dsg, other));
        r.put("href", other.isURI() ? Links.local(kb.vocab(), other.getURI()) : null);
        r.put("graph", q.getGraph().getURI());
        return r;
    }

    static String label(DatasetGraph dsg, Node n) {
        if (!n.isURI())
            return n.toString();
        var it = dsg.find(Node.ANY, n, RDFS.label.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : n.getLocalName().isEmpty() ? n.getURI() : n.getLocalName();
    }
}
