package org.icakg.web;

import java.util.List;

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
    record Page(String title, long triples, long subjects, int graphs, List<ClassController.ClassRow> classes,
                List<Chronology.Item> events) implements PageHead {}

    void page(Context ctx) {
        Stats.Snapshot s = stats.get();
        ctx.html(templates.render("home", new Page("India–Central Asia knowledge graph", s.triples(), s.subjects(),
                s.graphs().size(), ClassController.rows(s, kb.vocab(), true), chronology.latest(LATEST_EVENTS))));
    }
}
