package org.icakg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.javalin.http.Context;

/** {@code GET /timeline}: every dated event and commitment as a chart (one lane per class) and a list by year. */
final class TimelineController {

    private final Chronology chronology;
    private final Templates templates;

    TimelineController(Chronology chronology, Templates templates) {
        this.chronology = chronology;
        this.templates = templates;
    }

    /** The page, oldest first. */
    void timeline(Context ctx) {
        var latest = chronology.dated();
        List<Chronology.Item> items = new ArrayList<>(latest.value() == null ? List.of() : latest.value().items());
        Collections.reverse(items);
        Map<String, List<Chronology.Item>> byYear = new TreeMap<>();
        items.forEach(i -> byYear.computeIfAbsent(i.year(), y -> new ArrayList<>()).add(i));
        List<Year> years = new ArrayList<>();
        byYear.forEach((year, list) -> years.add(new Year(year, list)));
        templates.html(ctx, "timeline", new Page("Timeline", TimelineChart.layout(items), years, items.size(),
                latest.value() != null && latest.value().more() ? OLDER : null, latest.value() == null, latest.stale()));
    }

    /** Where the dated things older than the timeline's are listed: all of them, as a query. */
    static final String OLDER = "/sparql?query=" + URLEncoder.encode(
            "PREFIX ica: <https://w3id.org/ica-kg/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "SELECT ?entity ?start ?label WHERE { ?entity ica:startsOn ?start OPTIONAL { ?entity rdfs:label ?label } }\n"
            + "ORDER BY DESC(?start) ?entity", StandardCharsets.UTF_8);

    /**
     * The model of {@code timeline.mustache}: the chart, and the events and commitments year by year; {@code older}
     * links to the older ones when the graph dates more than {@link Chronology#MAX_ITEMS} things (else null);
     * {@code building} while the timeline is first made (after a start), {@code stale} while it is made again after a
     * write.
     */
    record Page(String title, TimelineChart.Chart chart, List<Year> years, int count, String older, boolean building,
                boolean stale) implements PageHead {
        /** Nothing dated in the graph. */
        public boolean none() { return count == 0 && !building; }
    }

    /** The events and commitments of one year, oldest first. */
    record Year(String year, List<Chronology.Item> items) {}
}
