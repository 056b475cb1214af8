package org.icakg.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.icakg.sparql.QueryLibrary;
import org.icakg.sparql.Stats;
import org.icakg.sparql.Tdb2Totals;
import org.icakg.store.MemoryStore;

/**
 * Search over labels and alternative labels, case- and accent-insensitive, ranked exact, then prefix (of the
 * label or of one of its words), then contains. The index lives in memory and is rebuilt after the data changes.
 */
final class SearchIndex {

    /** How a label matched, best first. */
    enum Rank { EXACT, PREFIX, WORD_PREFIX, CONTAINS }

    /** One label of one entity. */
    record Entry(Node entity, String label, String folded, boolean alternative) {}

    /** The best match of an entity. */
    record Hit(Node entity, String label, boolean alternative, Rank rank) {}

    /** Best rank first; labels before alternative labels; shorter labels first. */
    private static final Comparator<Hit> ORDER = Comparator.comparing(Hit::rank)
            .thenComparing(Hit::alternative)
            .thenComparingInt(h -> h.label().length())
            .thenComparing(Hit::label)
            .thenComparing(h -> h.entity().getURI());

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final SnapshotCache<List<Entry>> entries;

    SearchIndex(QueryLibrary queries, Stats stats) {
        this.entries = new SnapshotCache<>(stats, () -> {
            DatasetGraph dsg = queries.dataset();
            if (dsg instanceof MemoryStore)
                return Txn.calculateRead(dsg, () -> build(dsg.getUnionGraph()::find));
            return Tdb2Totals.of(dsg, stats::closing).map(t -> Txn.calculateRead(dsg, () -> build(t::statements)))
                    .orElseGet(() -> build(queries));
        });
    }

    /** Lower-case, without accents (NFD, marks removed), spaces collapsed. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /**
     * What a search found: the hits; {@code building} when the index is not made yet (no hits then), {@code stale} when
     * it was made before the latest write and is being made again.
     */
    record Found(List<Hit> hits, boolean building, boolean stale) {}

    /** The entities whose labels match, best first, at most {@code limit}; none while the index is first built. */
    List<Hit> search(String text, int limit) {
        return find(text, limit).hits();
    }

    /** {@link #search}, saying whether the index is being built or rebuilt. */
    Found find(String text, int limit) {
        return searcher().find(text, limit);
    }

    /**
     * The index as it is now (the current one if it is made within a moment): for a page that searches many names,
     * waiting at most once.
     */
    Searcher searcher() {
        SnapshotCache.Latest<List<Entry>> index = entries.latest();
        return new Searcher(index.value(), index.stale());
    }

    /** The entries of one version of the index (null while the first is made), and whether a write came after it. */
    record Searcher(List<Entry> entries, boolean stale) {

        /** The entities whose labels match, best first, at most {@code limit}. */
        List<Hit> search(String text, int limit) {
            return find(text, limit).hits();
        }

        Found find(String text, int limit) {
            if (entries == null)
                return new Found(List.of(), true, false);
            String q = fold(text);
            Map<Node, Hit> best = new LinkedHashMap<>();
            for (Entry e : entries) {
                Rank rank = rank(e.folded(), q);
                if (rank == null)
                    continue;
                Hit hit = new Hit(e.entity(), e.label(), e.alternative(), rank);
                best.merge(e.entity(), hit, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
            }
            List<Hit> hits = new ArrayList<>(best.values());
            hits.sort(ORDER);
            return new Found(hits.size() > limit ? hits.subList(0, limit) : hits, false, stale);
        }
    }

    private static Rank rank(String label, String q) {
        if (label.equals(q))
            return Rank.EXACT;
        if (label.startsWith(q))
            return Rank.PREFIX;
        int at = label.indexOf(q);
        if (at < 0)
            return null;
        return label.contains(" " + q) || label.contains("-" + q) || label.contains("(" + q) ? Rank.WORD_PREFIX : Rank.CONTAINS;
    }

    /** The statements of a predicate, given to a consumer of subject and object. */
    private interface Statements {
        void each(Node predicate, BiConsumer<Node, Node> each);
    }

    /**
     * The entries from the labels and alternative labels of the store's indexes (as the query {@code labels}
     * finds them, without a query's decoding and de-duplicating of every copy of a statement).
     */
    private static List<Entry> build(Statements statements) {
        Map<Entry, Boolean> out = new LinkedHashMap<>();
        for (boolean alternative : new boolean[] {false, true})
            statements.each(alternative ? SKOS.altLabel.asNode() : RDFS.label.asNode(), (s, o) -> {
                if (s.isURI() && o.isLiteral()) {
                    String label = o.getLiteralLexicalForm();
                    out.putIfAbsent(new Entry(s, label, fold(label), alternative), Boolean.TRUE);
                }
            });
        return List.copyOf(out.keySet());
    }

    /** {@link #build(Statements)} from a graph's {@code find}. */
    private interface Finder {
        ExtendedIterator<Triple> find(Node s, Node p, Node o);
    }

    private static List<Entry> build(Finder graph) {
        return build((p, each) -> graph.find(Node.ANY, p, Node.ANY)
                .forEachRemaining(t -> each.accept(t.getSubject(), t.getObject())));
    }

    private static List<Entry> build(QueryLibrary queries) {
        List<Entry> out = new ArrayList<>();
        queries.select("labels").forEach(b -> {
            String label = b.get("label").getLiteralLexicalForm();
            boolean alternative = Boolean.parseBoolean(b.get("alternative").getLiteralLexicalForm());
            out.add(new Entry(b.get("entity"), label, fold(label), alternative));
        });
        return List.copyOf(out);
    }
}
