package org.icakg.web;


import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code /sparql} requests that are not queries (queries go straight to Fuseki): the Service Description,
 * and clear refusals of updates and of requests without a query.
 */
final class SparqlController {

    static final java.util.List<RdfFormat> TRIPLE_FORMATS =
            RdfFormat.rdf().stream().filter(f -> !f.isQuads()).toList();

    private final ServiceDescription description;
    private final org.icakg.kb.KnowledgeBase kb;

    SparqlController(ServiceDescription description, org.icakg.kb.KnowledgeBase kb) {
        this.description = description;
        this.kb = kb;
    }

    /** {@code GET /sparql} without a query: the Service Description (browsers are sent to the editor). */
    void describe(Context ctx) {
        if (ctx.queryParam("update") != null)
            refuseUpdate(ctx);
        java.util.List<RdfFormat> offered = new java.util.ArrayList<>(TRIPLE_FORMATS);
        offered.add(1, RdfFormat.HTML);
        RdfFormat format = RdfResponses.negotiate(ctx, offered);
        if (format == RdfFormat.HTML) {
            ctx.redirect("/query", HttpStatus.SEE_OTHER);
            return;
        }
        RdfResponses.send(ctx, description.service(), format, kb.prefixes());
    }

    /** {@code POST /sparql} that is not a query. */
    void post(Context ctx) {
        String type = Route.baseType(ctx.contentType());
        if (type.equals("application/sparql-update") || ctx.formParam("update") != null)
            refuseUpdate(ctx);
        if (!type.equals("application/x-www-form-urlencoded") && !type.equals("application/sparql-query")) {
            throw new io.javalin.http.HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Unsupported media type '" + type + "' at /sparql: send application/sparql-query, "
                            + "or a form (application/x-www-form-urlencoded) with query=");
        }
        throw new BadRequestResponse("No query: send query=... (GET or form POST) or an application/sparql-query body");
    }

    private static void refuseUpdate(Context ctx) {
        throw new BadRequestResponse("SPARQL Update is not accepted at /sparql, which is read-only. "
                + "Send updates to /update with credentials (see the README).");
    }

}
