package org.icakg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.icakg.http.Negotiation;
import org.icakg.kb.KnowledgeBase;

import com.fasterxml.jackson.annotation.JsonProperty;

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
                templates.html(ctx, "search", new Page("Search", q, problem, List.of(), false));
            return;
        }
        SearchIndex.Found found = index.find(q, MAX_HITS);
        if (found.building()) { // the first index after a start is not made yet: say so, not "nothing found"
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            ctx.header("Retry-After", "5");
            String building = "The search index is being made (a large graph takes some seconds after a start); "
                    + "search again in a moment.";
            if (json)
                ctx.json(Map.of("error", building));
            else
                templates.html(ctx, "search", new Page("Search: " + q, q, building, List.of(), false));
            return;
        }
        List<Hit> hits = describe(found.hits());
        if (json) {
            ctx.json(Map.of("q", q, "hits", hits));
            return;
        }
        templates.html(ctx, "search", new Page("Search: " + q, q, null, hits, found.stale()));
    }

    /**
     * The model of {@code search.mustache}: the search text, what is wrong with it (or null), the hits, and whether
     * the index is from before the latest write (being made again).
     */
    record Page(String title, String q, String problem, List<Hit> hits, boolean stale) implements PageHead {
        public int count() { return hits.size(); }

        public boolean some() { return !hits.isEmpty(); }

        /** A search that was made and found nothing. */
        public boolean none() { return problem == null && hits.isEmpty(); }
    }

    /**
     * One hit, on the page and in JSON: the entity, its page (null when it is not under this server's base), its
     * label, the label that matched and how, and its main class.
     */
    record Hit(String iri, String href, String label, String matched, String match,
               @JsonProperty("class") String className, String classIri) {}

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

    private List<Hit> describe(List<SearchIndex.Hit> hits) {
        Types types = new Types(kb.ontology());
        return Txn.calculateRead(kb.dataset(), () -> {
            Labels labels = new Labels(kb.dataset(), kb.prefixes());
            List<Hit> out = new ArrayList<>();
            for (SearchIndex.Hit h : hits) {
                Node type = types.main(kb.dataset(), h.entity());
                out.add(new Hit(h.entity().getURI(), Links.href(kb.vocab(), h.entity().getURI()), labels.of(h.entity()),
                        h.label(), h.rank().name().toLowerCase().replace('_', ' '),
                        type == null ? null : labels.of(type), type == null ? null : type.getURI()));
            }
            return out;
        });
    }
}
