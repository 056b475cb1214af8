package org.icakg.web;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.icakg.kb.KnowledgeBase;

import io.javalin.http.Context;

/** {@code /ontology} and {@code /shapes}: the files as RDF for tools and as pages for people. */
final class VocabularyController {

    static final List<RdfFormat> FORMATS = List.of(RdfFormat.HTML, RdfFormat.TURTLE, RdfFormat.JSONLD,
            RdfFormat.NTRIPLES, RdfFormat.RDFXML);

    private final KnowledgeBase kb;
    private final VocabularyPages pages;

    VocabularyController(KnowledgeBase kb, VocabularyPages pages) {
        this.kb = kb;
        this.pages = pages;
    }

    void ontology(Context ctx) {
        serve(ctx, kb.ontology(), () -> pages.ontology());
    }

    void shapes(Context ctx) {
        serve(ctx, kb.shapes().getGraph(), () -> pages.shapes());
    }

    private void serve(Context ctx, Graph graph, java.util.function.Supplier<String> html) {
        RdfFormat format = RdfResponses.negotiate(ctx, FORMATS);
        VaryHeader.add(ctx.res(), "Accept");
        if (format == RdfFormat.HTML)
            ctx.html(html.get());
        else
            RdfResponses.send(ctx, graph, format, kb.prefixes());
    }

}
