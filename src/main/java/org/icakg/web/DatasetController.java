package org.icakg.web;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.icakg.kb.KnowledgeBase;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** The data set as a whole: {@code /void} (VoID + DCAT), {@code /dumps/ica-kg.EXT} and Graph Store reads at {@code /data}. */
final class DatasetController {

    private final KnowledgeBase kb;
    private final ServiceDescription description;

    DatasetController(KnowledgeBase kb, ServiceDescription description) {
        this.kb = kb;
        this.description = description;
    }

    /** {@code GET /void}. */
    void voidDescription(Context ctx) {
        RdfFormat format = RdfResponses.negotiate(ctx, SparqlController.TRIPLE_FORMATS);
        RdfResponses.send(ctx, description.dataset(), format, kb.prefixes());
    }

    /** {@code GET /dumps/ica-kg.EXT}: the whole data set; triple formats get the union of its graphs. */
    void dump(Context ctx) {
        String file = ctx.pathParam("file");
        String ext = file.startsWith("ica-kg.") ? file.substring("ica-kg.".length()) : "";
        RdfFormat format = RdfFormat.rdf().stream().filter(f -> f.extension().equals(ext)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("No dump " + file + "; available: "
                        + String.join(", ", RdfFormat.rdf().stream().map(f -> "ica-kg." + f.extension()).toList())));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        StoreStreams.dataset(ctx, kb.dataset(), format, kb.prefixes());
    }

    /** {@code GET /data}: Graph Store Protocol reads: {@code ?default}, {@code ?graph=IRI}, or the whole data set. */
    void read(Context ctx) {
        DatasetGraph dsg = kb.dataset();
        String graph = ctx.queryParam("graph");
        boolean dflt = ctx.queryParamMap().containsKey("default");
        if (graph != null && dflt)
            throw new BadRequestResponse("Give either ?default or ?graph=IRI, not both");
        if (graph == null && !dflt) {
            RdfFormat format = RdfResponses.negotiate(ctx, List.of(RdfFormat.TRIG, RdfFormat.NQUADS, RdfFormat.JSONLD));
            StoreStreams.dataset(ctx, dsg, format, kb.prefixes());
            return;
        }
        RdfFormat format = RdfResponses.negotiate(ctx, SparqlController.TRIPLE_FORMATS);
        if (dflt) {
            StoreStreams.graph(ctx, dsg, null, format, kb.prefixes());
            return;
        }
        Node name = parseIri(graph);
        if (!Txn.calculateRead(dsg, () -> dsg.find(name, Node.ANY, Node.ANY, Node.ANY).hasNext()))
            throw new NotFoundResponse("No graph named " + graph);
        StoreStreams.graph(ctx, dsg, name, format, kb.prefixes());
    }

    static Node parseIri(String iri) {
        try {
            java.net.URI u = new java.net.URI(iri);
            if (!u.isAbsolute())
                throw new BadRequestResponse("Graph name must be an absolute IRI, got '" + iri + "'");
            return NodeFactory.createURI(iri);
        } catch (java.net.URISyntaxException e) {
            throw new BadRequestResponse("Graph name is not a valid IRI: " + e.getMessage());
        }
    }
}
