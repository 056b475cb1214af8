package org.icakg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL2;
import org.icakg.kb.KnowledgeBase;
import org.icakg.sparql.Stats;

import io.javalin.http.Context;

/**
 * {@code GET /map}: the states and corridors as an SVG drawn on the server from the shipped geometry. A country
 * links to the entity that is {@code owl:sameAs} its Wikidata item (or has its name as label); a port or
 * corridor links to the entity its name finds.
 */
final class MapController {

    static final String WIKIDATA = "http://www.wikidata.org/entity/";

    private final KnowledgeBase kb;
    private final SearchIndex index;
    private final Templates templates;
    /** The map's outlines and places, read from their JSON files at the first map asked for (not at start-up). */
    private volatile Geography geo;

    private final Stats stats;
    /** The page as made for the data after {@code version} writes; made again after a write. */
    private record Made(long version, String html) {}
    private volatile Made made;

    MapController(KnowledgeBase kb, SearchIndex index, Stats stats, Templates templates) {
        this.kb = kb;
        this.index = index;
        this.stats = stats;
        this.templates = templates;
    }

    /** The model of {@code map.mustache}: the frame's size and source, the countries, places and routes. */
    record Page(String title, double width, double height, String source, List<Country> countries,
                List<Point> points, List<Line> lines) implements PageHead {}

    /** A country's outline; {@code focus} for the states of the partnership, which are named and linked. */
    record Country(String name, String path, boolean focus, double labelX, double labelY, String href) {}

    /** A city or a port ({@code port}), where it is drawn and its page (or null). */
    record Point(String name, boolean port, String x, String y, String href) {}

    /** A corridor as a path through its stops, and its page (or null). */
    record Line(String name, String path, String href) {}

    private Geography geo() {
        Geography g = geo;
        if (g == null)
            geo = g = Geography.load(); // the same files, should two requests read them
        return g;
    }

    void page(Context ctx) {
        // Each name is looked for in the whole search index (a second or more on a large graph): the page is kept
        // until the data changes.
        long version = stats.version();
        Made m = made;
        if (m != null && m.version() == version) {
            ctx.html(m.html());
            return;
        }
        Geography.Frame f = geo().frame();
        SearchIndex.Searcher names = index.searcher(); // waits at most once for the index, not once per name
        String html = templates.render("map", new Page("Map", f.width(), f.height(), f.source(),
                Txn.calculateRead(kb.dataset(), () -> countries(kb.dataset(), names)), points(names), lines(names)));
        if (names.entries() != null && !names.stale())
            made = new Made(version, html);
        ctx.html(html);
    }

    private List<Country> countries(DatasetGraph dsg, SearchIndex.Searcher names) {
        List<Country> out = new ArrayList<>();
        for (Geography.Country c : geo().frame().countries())
            out.add(new Country(c.name(), c.path(), c.wikidata() != null, c.labelAt()[0], c.labelAt()[1],
                    c.wikidata() == null ? null : entity(dsg, c, names)));
        return out;
    }

    /** The page of the entity standing for a country: same as its Wikidata item, else labelled with its name. */
    private String entity(DatasetGraph dsg, Geography.Country c, SearchIndex.Searcher names) {
        var it = dsg.find(Node.ANY, Node.ANY, OWL2.sameAs.asNode(), NodeFactory.createURI(WIKIDATA + c.wikidata()));
        while (it.hasNext()) {
            Node s = it.next().getSubject();
            if (s.isURI() && s.getURI().startsWith(kb.vocab().entityNs()))
                return Links.href(kb.vocab(), s.getURI());
        }
        return found(names, c.name(), SearchIndex.Rank.EXACT);
    }

    /** The page of the best match of a name, if it matches at least as well as {@code worst}. */
    private String found(SearchIndex.Searcher names, String name, SearchIndex.Rank worst) {
        List<SearchIndex.Hit> hits = names.search(name, 1);
        if (hits.isEmpty() || hits.get(0).rank().compareTo(worst) > 0)
            return null;
        return Links.href(kb.vocab(), hits.get(0).entity().getURI());
    }

    private List<Point> points(SearchIndex.Searcher names) {
        List<Point> out = new ArrayList<>();
        for (Geography.Place p : geo().points()) {
            double[] xy = geo().project(p.lon(), p.lat());
            out.add(new Point(p.name(), p.kind().equals("port"), fmt(xy[0]), fmt(xy[1]),
                    found(names, p.name(), SearchIndex.Rank.WORD_PREFIX)));
        }
        return out;
    }

    private List<Line> lines(SearchIndex.Searcher names) {
        List<Line> out = new ArrayList<>();
        for (Geography.Route r : geo().lines()) {
            StringBuilder d = new StringBuilder();
            for (String stop : r.via()) {
                Geography.Place at = geo().place(stop);
                double[] xy = geo().project(at.lon(), at.lat());
                d.append(d.length() == 0 ? 'M' : 'L').append(fmt(xy[0])).append(',').append(fmt(xy[1]));
            }
            String href = found(names, r.name(), SearchIndex.Rank.EXACT);
            out.add(new Line(r.name(), d.toString(), href != null ? href : found(names, r.shortName(), SearchIndex.Rank.EXACT)));
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
