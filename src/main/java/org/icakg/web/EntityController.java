package org.icakg.web;

import java.util.ArrayList;
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
        Node entity = entity(ctx);
        RdfFormat format = RdfResponses.negotiate(ctx, FORMATS);
        String path = Links.href(kb.vocab(), entity.getURI());
        VaryHeader.add(ctx.res(), "Accept");
        ctx.header("Content-Location", path + "?format=" + format.param());
        ctx.header("Link", alternates(path));
        if (format == RdfFormat.HTML) {
            String property = ctx.queryParam("property");
            if (property != null && property.isBlank())
                throw new BadRequestResponse("property must be the IRI of one of the entity's properties");
            Templates.send(ctx, page.render(entity, pageNumber(ctx), property == null ? null : NodeFactory.createURI(property)));
            return;
        }
        RdfResponses.send(ctx, describer.describe(entity), format, kb.prefixes());
    }

    /**
     * The entity a request names. The site's links percent-encode what an IRI holds beyond a plain path ({@code %},
     * {@code ?}, {@code #}, spaces, non-ASCII), so the decoded path is tried first; a client that dereferences an IRI
     * as it is written sends {@code %XX} and {@code ?} literally, so the path as sent, then with its query string,
     * come next.
     */
    private Node entity(Context ctx) {
        String raw = ctx.req().getRequestURI().substring("/id/".length());
        String decoded = Links.decodePath(raw);
        List<String> candidates = new ArrayList<>();
        if (decoded != null)
            candidates.add(decoded);
        candidates.add(raw);
        if (ctx.queryString() != null)
            candidates.add(raw + "?" + ctx.queryString());
        for (String local : candidates) {
            Node entity = NodeFactory.createURI(kb.vocab().entityNs() + local);
            if (describer.exists(entity))
                return entity;
        }
        throw new NotFoundResponse("Nothing is known about " + kb.vocab().entityNs() + (decoded != null ? decoded : raw));
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
            b.append('<').append(path).append("?format=").append(f.param())
                    .append(">; rel=\"alternate\"; type=\"").append(f.mediaType()).append('"');
        }
        return b.toString();
    }
}
