package org.icakg.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.icakg.kb.KnowledgeBase;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.Stats;

/**
 * The dated things of the graph (meetings, events, periods: anything with comparable bounds {@code ica:startsOn} /
 * {@code ica:endsOn}), latest first, each with its date as precise as the source, its class and the entities that
 * point to it; kept until the data changes.
 */
final class Chronology {

    /** Most dated things kept for the timeline (the inner {@code LIMIT} of {@code dated.rq}). */
    static final int MAX_ITEMS = 500;
    /** Most linked entities listed under one item. */
    static final int MAX_LINKED = 12;

    /**
     * One dated thing: what; when, as the source says it ({@code date}: "2025-06", "1947 – 1991") and as the first
     * and last possible day ({@code start}, {@code end}, ISO dates); of which class; and what points to it.
     */
    record Item(Node entity, String href, String label, String date, String start, String end, String type,
                String typeIri, List<Linked> linked) {

        /** The year it starts in. */
        String year() { return start.substring(0, 4); }
    }

    /** An entity that points to a dated thing: its label, page (or null) and main class (or null). */
    record Linked(String label, String href, String kind) {}

    private final KnowledgeBase kb;
    /** The latest dated things, and whether there are older ones than these. */
    record Dated(List<Item> items, boolean more) {}

    private final SnapshotCache<Dated> items;

    Chronology(KnowledgeBase kb, QueryLibrary queries, Stats stats) {
        this.kb = kb;
        this.items = new SnapshotCache<>(stats, () -> build(queries));
    }

    /**
     * The latest {@link #MAX_ITEMS} dated things, latest first, and whether there are more: of the current data, or
     * the previous ones while they are made again, or none while they are first made.
     */
    SnapshotCache.Latest<Dated> dated() {
        return items.latest();
    }

    /** The {@code n} latest of {@code dated}. */
    static List<Item> latest(Dated dated, int n) {
        List<Item> all = dated.items();
        return all.subList(0, Math.min(n, all.size()));
    }

    private Dated build(QueryLibrary queries) {
        var all = queries.selectPage("dated", Map.of(), MAX_ITEMS + 1, 0);
        var rows = all.subList(0, Math.min(MAX_ITEMS, all.size()));
        Types types = new Types(kb.ontology());
        return Txn.calculateRead(kb.dataset(), () -> {
            Labels labels = new Labels(kb.dataset(), kb.prefixes());
            // The same few entities (the states, the forums) point to many dated things, and finding the class of
            // one whose type is stated in thousands of graphs reads them all: each is looked up once.
            Map<Node, Optional<Node>> mainTypes = new HashMap<>();
            Function<Node, Node> mainType = n -> mainTypes.computeIfAbsent(n,
                    x -> Optional.ofNullable(types.main(kb.dataset(), x))).orElse(null);
            List<Item> out = new ArrayList<>();
            rows.forEach(b -> {
                Node e = b.get("entity");
                Node type = mainType.apply(e);
                String start = b.get("start").getLiteralLexicalForm();
                Node end = b.get("end");
                out.add(new Item(e, Links.href(kb.vocab(), e.getURI()), labels.of(e), asSaid(b), start,
                        end == null ? null : end.getLiteralLexicalForm(),
                        type == null ? null : labels.of(type), type == null ? null : type.getURI(),
                        linked(labels, mainType, e)));
            });
            return new Dated(List.copyOf(out), all.size() > MAX_ITEMS);
        });
    }

    /** The date as the source gives it: the date, or the period "from – to" (either side may be open). */
    private static String asSaid(org.apache.jena.sparql.engine.binding.Binding b) {
        Node date = b.get("date"), from = b.get("from"), to = b.get("to");
        if (date != null)
            return date.getLiteralLexicalForm();
        return (from == null ? "…" : from.getLiteralLexicalForm()) + " – " + (to == null ? "…" : to.getLiteralLexicalForm());
    }

    /** Entities that point to {@code e} (e.g. commitments made at a meeting), with their class. */
    private List<Linked> linked(Labels labels, Function<Node, Node> mainType, Node e) {
        Map<Node, Linked> out = new LinkedHashMap<>();
        var it = kb.dataset().find(Node.ANY, Node.ANY, Node.ANY, e);
        while (it.hasNext() && out.size() < MAX_LINKED) {
            Node s = it.next().getSubject();
            if (!s.isURI() || out.containsKey(s))
                continue;
            Node type = mainType.apply(s);
            out.put(s, new Linked(labels.of(s), Links.href(kb.vocab(), s.getURI()), type == null ? null : labels.of(type)));
        }
        return List.copyOf(out.values());
    }
}
