package org.icakg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL2;
import org.icakg.kb.KnowledgeBase;

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
    private final Geography geo = Geography.load();

    MapController(KnowledgeBase kb, SearchIndex index, Templates templates) {
        this.kb = kb;
        this.index = index;
        this.templates = templates;
    }

    void page(Context ctx) {
        Geography.Frame f = geo.frame();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Map");
        model.put("width", f.width());
        model.put("height", f.height());
        model.put("source", f.source());
        model.put("countries", Txn.calculateRead(kb.dataset(), () -> countries(kb.dataset())));
        model.put("points", points());
        model.put("lines", lines());
        ctx.html(templates.render("map", model));
    }

    private List<Map<String, Object>> countries(DatasetGraph dsg) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Geography.Country c : geo.frame().countries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("path", c.path());
            m.put("focus", c.wikidata() != null);
            m.put("labelX", c.labelAt()[0]);
            m.put("labelY", c.labelAt()[1]);
            m.put("href", c.wikidata() == null ? null : entity(dsg, c));
            out.add(m);
        }
        return out;
    }

    /** The page of the entity standing for a country: same as its Wikidata item, else labelled with its name. */
    private String entity(DatasetGraph dsg, Geography.Country c) {
        var it = dsg.find(Node.ANY, Node.ANY, OWL2.sameAs.asNode(), NodeFactory.createURI(WIKIDATA + c.wikidata()));
        while (it.hasNext()) {
            Node s = it.next().getSubject();
            if (s.isURI() && s.getURI().startsWith(kb.vocab().entityNs()))
                return Links.href(kb.vocab(), s.getURI());
        }
        return found(c.name(), SearchIndex.Rank.EXACT);
    }

    /** The page of the best match of a name, if it matches at least as well as {@code worst}. */
    private String found(String name, SearchIndex.Rank worst) {
        List<SearchIndex.Hit> hits = index.search(name, 1);
        if (hits.isEmpty() || hits.get(0).rank().compareTo(worst) > 0)
            return null;
        return Links.href(kb.vocab(), hits.get(0).entity().getURI());
    }

    private List<Map<String, Object>> points() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Geography.Place p : geo.points()) {
            double[] xy = geo.project(p.lon(), p.lat());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("port", p.kind().equals("port"));
            m.put("x", fmt(xy[0]));
            m.put("y", fmt(xy[1]));
            m.put("href", found(p.name(), SearchIndex.Rank.WORD_PREFIX));
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> lines() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Geography.Route r : geo.lines()) {
            StringBuilder d = new StringBuilder();
            for (String stop : r.via()) {
                double[] xy = geo.project(geo.place(stop).lon(), geo.place(stop).lat());
                d.append(d.length() == 0 ? 'M' : 'L').append(fmt(xy[0])).append(',').append(fmt(xy[1]));
            }
            String href = found(r.name(), SearchIndex.Rank.EXACT);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("path", d.toString());
            m.put("href", href != null ? href : found(r.shortName(), SearchIndex.Rank.EXACT));
            out.add(m);
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
