package org.icakg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.icakg.kb.KnowledgeBase;
import org.icakg.sparql.Stats;
import org.icakg.sparql.Tdb2Totals;

/**
 * The instances of a class (asserted or inferred, IRIs only) ordered by label (case-insensitive; those without a label
 * first) then IRI, as the class page lists them: listed and sorted once and kept until the data changes, so that every
 * page of a class with a hundred thousand instances is a slice of the same list rather than a new sort of all of them.
 * The lists of the {@link #KEPT} classes asked most recently are kept; two requests for the same class share one
 * listing.
 */
final class ClassInstances {

    /** Classes whose lists are kept. */
    static final int KEPT = 8;

    /** An instance, its label (or null) and the label as sorted. */
    private record Row(Node entity, String label, String key) {}

    private record Entry(long version, CompletableFuture<List<ClassController.Link>> list) {}

    private final KnowledgeBase kb;
    private final Stats stats;
    private final Map<Node, Entry> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, Entry> eldest) {
            return size() > KEPT;
        }
    };

    ClassInstances(KnowledgeBase kb, Stats stats) {
        this.kb = kb;
        this.stats = stats;
    }

    /** The instances of {@code type} in the current data, in page order. */
    List<ClassController.Link> of(Node type) {
        long version = stats.version();
        CompletableFuture<List<ClassController.Link>> list;
        boolean mine = false;
        synchronized (kept) {
            Entry e = kept.get(type);
            if (e == null || e.version() != version || e.list().isCompletedExceptionally()) {
                e = new Entry(version, new CompletableFuture<>());
                kept.put(type, e);
                mine = true;
            }
            list = e.list();
        }
        if (mine) {
            try {
                list.complete(list(type));
            } catch (RuntimeException ex) {
                list.completeExceptionally(ex);
                throw ex;
            }
        }
        return list.join();
    }

    private static Row row(Node entity, String label) {
        return new Row(entity, label, label == null ? null : label.toLowerCase());
    }

    private List<ClassController.Link> list(Node type) {
        DatasetGraph dsg = kb.dataset();
        return Txn.calculateRead(dsg, () -> {
            List<Row> rows = new ArrayList<>();
            Optional<Tdb2Totals> tdb2 = Tdb2Totals.of(dsg);
            if (tdb2.isPresent()) { // one scan of the type's statements, one of the labels
                tdb2.get().instancesWithLabels(type).forEach((e, label) -> rows.add(row(e, label)));
            } else {
                Set<Node> entities = new LinkedHashSet<>();
                dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), type).forEachRemaining(q -> {
                    if (q.getSubject().isURI())
                        entities.add(q.getSubject());
                });
                for (Node e : entities)
                    rows.add(row(e, Stats.labelOf(dsg, e)));
            }
            Comparator<Row> byLabel = Comparator.comparing(Row::key, Comparator.nullsFirst(Comparator.naturalOrder()));
            rows.sort(byLabel.thenComparing((Row r) -> r.entity().getURI()));
            List<ClassController.Link> out = new ArrayList<>(rows.size());
            for (Row r : rows)
                out.add(new ClassController.Link(r.label() == null ? r.entity().getURI() : r.label(),
                        Links.href(kb.vocab(), r.entity().getURI())));
            return List.copyOf(out);
        });
    }
}
