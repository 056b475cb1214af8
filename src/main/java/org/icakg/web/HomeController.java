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

    /**
     * The model of {@code home.mustache}. {@code counts} is null while the first counts after a start are being made,
     * {@code events} null while the first timeline is; {@code stale} when either is from before the latest write (and
     * being made again).
     */
    record Page(String title, Counts counts, List<ClassController.ClassRow> classes, List<Chronology.Item> events,
                boolean stale) implements PageHead {
        public boolean counting() { return counts == null; }

        public boolean preparingEvents() { return events == null; }
    }

    /** The totals of the graph. */
    record Counts(long triples, long subjects, int graphs) {}

    void page(Context ctx) {
        Stats.Latest latest = stats.latest();
        Stats.Snapshot s = latest.snapshot();
        var dated = chronology.dated();
        templates.html(ctx, "home", new Page("India–Central Asia knowledge graph",
                s == null ? null : new Counts(s.triples(), s.subjects(), s.graphs().size()),
                s == null ? List.of() : ClassController.rows(s, kb.vocab(), true),
                dated.value() == null ? null : Chronology.latest(dated.value(), LATEST_EVENTS),
                latest.stale() || dated.stale()));
    }
}
