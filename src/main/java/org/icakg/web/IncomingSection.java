package org.icakg.web;

import java.util.List;


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

    /** The section: how many statements, how many per property, one page of them, and links to the others. */
    record Incoming(int total, List<Count> counts, List<Row> rows, Paging paging) {
        public boolean hasCounts() { return !counts.isEmpty(); }
    }

    /** How many incoming statements have this property. */
    record Count(EntityPage.Term property, int count) {}

    /** An incoming statement: its subject ({@code value}), its property and its sources. */
    record Row(EntityPage.Term value, EntityPage.Term property, List<Provenance.Source> sources, String moreSources) {}

    /** Page {@code page} of {@code pages}, and the links to the pages before and after (null at either end). */
    record Paging(int page, int pages, String previous, String next) {}

    /** Page {@code page} (from 1) of the section; null paging when everything fits on one page. */
    Incoming page(int page) {
        List<Statements.Statement> all = in.all(view.propertyOrder, view.byLabel);
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        if (page > pages)
            throw new BadRequestResponse("page " + page + " is past the last page of incoming statements (" + pages + ")");
        List<Count> counts = in.properties(view.propertyOrder).stream()
                .map(p -> new Count(view.node(p), in.count(p))).toList();
        List<Row> rows = all.subList((page - 1) * pageSize, Math.min(all.size(), page * pageSize)).stream()
                .map(s -> {
                    EntityPage.Statement shown = view.statement(s);
                    return new Row(shown.value(), view.node(s.property()), shown.sources(), shown.moreSources());
                }).toList();
        Paging paging = pages == 1 ? null : new Paging(page, pages, page > 1 ? "?page=" + (page - 1) : null,
                page < pages ? "?page=" + (page + 1) : null);
        return new Incoming(all.size(), counts, rows, paging);
    }
}
