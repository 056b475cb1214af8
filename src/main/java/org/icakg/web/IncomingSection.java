package org.icakg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

import io.javalin.http.BadRequestResponse;

/** The incoming statements of an entity page: a count per property, and one page of the statements. */
final class IncomingSection {

    private final EntityPage.View view;
    private final Statements in;
    private final int pageSize;

    IncomingSection(EntityPage.View view, Statements in, int pageSize) {
        this.view = view;
        this.in = in;
        this.pageSize = pageSize;
    }

    /** Adds {@code incomingCounts}, {@code incoming} (page {@code page}, from 1) and the paging links to a model. */
    void addTo(Map<String, Object> model, int page) {
        List<Statements.Statement> all = in.all(view.propertyOrder, view.byLabel);
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        if (page > pages)
            throw new BadRequestResponse("page " + page + " is past the last page of incoming statements (" + pages + ")");
        List<Map<String, Object>> counts = new ArrayList<>();
        for (Node p : in.properties(view.propertyOrder))
            counts.add(Map.of("property", view.node(p), "count", in.count(p)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Statements.Statement s : all.subList((page - 1) * pageSize, Math.min(all.size(), page * pageSize))) {
            Map<String, Object> row = view.statement(s);
            row.put("property", view.node(s.property()));
            rows.add(row);
        }
        model.put("incomingTotal", all.size());
        EntityPage.list(model, "incomingCounts", counts);
        model.put("incoming", rows);
        if (pages > 1)
            model.put("paging", paging(page, pages));
    }

    private static Map<String, Object> paging(int page, int pages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", page);
        m.put("pages", pages);
        m.put("previous", page > 1 ? "?page=" + (page - 1) : null);
        m.put("next", page < pages ? "?page=" + (page + 1) : null);
        return m;
    }
}
