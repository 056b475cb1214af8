package org.icakg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.icakg.http.Negotiation;
import org.icakg.kb.KnowledgeBase;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code GET /search?q=}: entities by label, as a page for people or JSON for scripts ({@code format=json}). */
final class SearchController {

    /** Longest search text accepted, in characters. */
    static final int MAX_QUERY_CHARS = 200;
    /** Most hits returned. */
    static final int MAX_HITS = 50;
    /** A page for people unless the client prefers JSON. */
    static final List<String> OFFERS = List.of("text/html", "application/json");

    private final KnowledgeBase kb;
    private final SearchIndex index;
    private final Templates templates;

    SearchController(KnowledgeBase kb, SearchIndex index, Templates templates) {
        this.kb = kb;
        this.index = index;
        this.templates = templates;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        boolean json = wantsJson(ctx);
        String problem = problem(q);
        if (problem != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            if (json)
                ctx.json(Map.of("error", problem));
            else
                ctx.html(templates.render("search", Map.of("title", "Search", "q", q, "problem", problem)));
            return;
        }
        List<Map<String, String>> hits = describe(index.search(q, MAX_HITS));
        if (json) {
            ctx.json(Map.of("q", q, "hits", hits));
            return;
        }
        ctx.html(templates.render("search", Map.of("title", "Search: " + q, "q", q, "hits", hits,
                "count", hits.size(), "some", !hits.isEmpty(), "none", hits.isEmpty())));
    }

    /** What is wrong with the search text, or null. */
    static String problem(String q) {
        if (q.isEmpty())
            return "Type part of a name to search for, e.g. Kazakh.";
        if (q.length() > MAX_QUERY_CHARS)
            return "Search text is limited to " + MAX_QUERY_CHARS + " characters; got " + q.length() + ".";
        return null;
    }

    private static boolean wantsJson(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null)
            return format.equals("json");
        return Negotiation.choose(ctx.header("Accept"), OFFERS).filter("application/json"::equals).isPresent();
    }

    private List<Map<String, String>> describe(List<SearchIndex.Hit> hits) {
        Types types = new Types(kb.ontology());
        return Txn.calculateRead(kb.dataset(), () -> {
            Labels labels = new Labels(kb.dataset(), kb.prefixes());
            List<Map<String, String>> out = new ArrayList<>();
            for (SearchIndex.Hit h : hits) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("iri", h.entity().getURI());
                m.put("href", Links.href(kb.vocab(), h.entity().getURI()));
                m.put("label", labels.of(h.entity()));
                m.put("matched", h.label());
                m.put("match", h.rank().name().toLowerCase().replace('_', ' '));
                Node type = types.main(kb.dataset(), h.entity());
                m.put("class", type == null ? null : labels.of(type));
                m.put("classIri", type == null ? null : type.getURI());
                out.add(m);
            }
            return out;
        });
    }
}
