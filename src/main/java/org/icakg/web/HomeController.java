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

    /** The model of {@code home.mustache}. */
    record Page(String title, long triples, long subjects, int graphs, List<ClassCount> classes,
                List<Chronology.Item> events) {}

    /** One row of the class counts: a class of the ontology, its page and how many entities it has. */
    record ClassCount(String label, String href, long count) {}

    void page(Context ctx) {
        Stats.Snapshot s = stats.get();
        List<ClassCount> classes = new ArrayList<>();
        s.classes().forEach((c, n) -> {
            if (c.getURI().startsWith(kb.vocab().ontologyNs()))
                classes.add(new ClassCount(s.classLabels().get(c), ClassController.path(c), n));
        });
        classes.sort(Comparator.comparing(c -> c.label().toLowerCase()));
        ctx.html(templates.render("home", new Page("India–Central Asia knowledge graph", s.triples(), s.subjects(),
                s.graphs().size(), classes, chronology.latest(LATEST_EVENTS))));
    }
}
