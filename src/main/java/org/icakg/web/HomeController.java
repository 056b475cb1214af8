package org.icakg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.icakg.kb.KnowledgeBase;
import org.icakg.sparql.Stats;

import io.javalin.http.Context;

/** {@code GET /}: what the graph is, counts per class, the latest dated events, and where to go next. */
final class HomeController {

    /** Dated events listed on the home page. */
    static final int LATEST_EVENTS = 8;

    private final KnowledgeBase kb;
    private final Stats stats;
    private final Chronology chronology;
    private final Templates templates;

    HomeController(KnowledgeBase kb, Stats stats, Chronology chronology, Templates templates) {
        this.kb = kb;
        this.stats = stats;
        this.chronology = chronology;
        this.templates = templates;
    }

    void page(Context ctx) {
        Stats.Snapshot s = stats.get();
        List<Map<String, Object>> classes = new ArrayList<>();
        s.classes().forEach((c, n) -> {
            if (c.getURI().startsWith(kb.vocab().ontologyNs()))
                classes.add(Map.of("label", s.classLabels().get(c), "href", ClassController.path(c), "count", n));
        });
        classes.sort(Comparator.comparing(m -> m.get("label").toString().toLowerCase()));
        ctx.html(templates.render("home", Map.of("title", "India–Central Asia knowledge graph",
                "triples", s.triples(), "subjects", s.subjects(), "graphs", s.graphs().size(),
                "classes", classes, "events", chronology.latest(LATEST_EVENTS))));
    }
}
