package org.icakg.web;

import org.icakg.server.VaryHeader;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.icakg.kb.KnowledgeBase;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * {@code GET /id/...}: an entity IRI answered directly (200, no redirect) with HTML for browsers and RDF for
 * tools, by {@code Accept} or {@code ?format=}; {@code Vary: Accept} and {@code Content-Location} say which.
 */
final class EntityController {

    static final List<RdfFormat> FORMATS = List.of(RdfFormat.HTML, RdfFormat.TURTLE, RdfFormat.JSONLD,
            RdfFormat.NTRIPLES, RdfFormat.RDFXML, RdfFormat.TRIG, RdfFormat.NQUADS);

    private final KnowledgeBase kb;
    private final Describer describer;
    private final EntityPage page;

    EntityController(KnowledgeBase kb, EntityPage page) {
        this.kb = kb;
        this.describer = new Describer(kb.dataset());
        this.page = page;
    }

    void get(Context ctx) {
        String path = ctx.pathParam("path");
        Node entity = NodeFactory.createURI(kb.vocab().entityNs() + path);
        if (!describer.exists(entity))
            throw new NotFoundResponse("Nothing is known about " + entity.getURI());
        RdfFormat format = RdfResponses.negotiate(ctx, FORMATS);
        VaryHeader.add(ctx.res(), "Accept");
        ctx.header("Content-Location", "/id/" + path + "?format=" + format.param());
        ctx.header("Link", alternates(path));
        if (format == RdfFormat.HTML) {
            ctx.html(page.render(entity, pageNumber(ctx)));
            return;
        }
        RdfResponses.send(ctx, describer.describe(entity), format, kb.prefixes());
    }

    /** The {@code ?page=} parameter, from 1 (the default). */
    static int pageNumber(Context ctx) {
        String p = ctx.queryParam("page");
        if (p == null)
            return 1;
        if (p.matches("[1-9]\\d{0,8}"))
            return Integer.parseInt(p);
        throw new BadRequestResponse("page must be a whole number from 1, got '" + p + "'");
    }

    private static String alternates(String path) {
        StringBuilder b = new StringBuilder();
        for (RdfFormat f : FORMATS) {
            if (b.length() > 0)
                b.append(", ");
            b.append("</id/").append(path).append("?format=").append(f.param())
                    .append(">; rel=\"alternate\"; type=\"").append(f.mediaType()).append('"');
        }
        return b.toString();
    }
}
