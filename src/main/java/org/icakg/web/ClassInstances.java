package org.icakg.web;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.icakg.kb.Vocab;
import org.icakg.sparql.Stats;
import org.icakg.sparql.Tdb2Totals;

/**
 * The instances of a class (asserted or inferred, IRIs only) ordered by label (case-insensitive; those without a label
 * first) then IRI, as the class page lists them: listed and sorted once and kept until the data changes, so that every
 * page of a class with a hundred thousand instances is a slice of the same list rather than a new sort of all of them.
 * Only the page shown is turned into links. The lists of the {@link #KEPT} classes asked most recently are kept; two
 * requests for the same class share one listing.
 */
final class ClassInstances {

    /** Classes whose lists are kept. */
    static final int KEPT = 8;

    /** An instance: its IRI, its label (or null) and the label as sorted (lower case, or null). */
    record Row(String iri, String label, String key) implements Comparable<Row> {
        Row(String iri, String label) {
            this(iri, label, label == null ? null : label.toLowerCase());
        }

        /** By label as sorted, those without one first, then by IRI. */
        @Override
        public int compareTo(Row o) {
            if (key != o.key) {
                if (key == null)
                    return -1;
                if (o.key == null)
                    return 1;
                int c = key.compareTo(o.key);
                if (c != 0)
                    return c;
            }
            return iri.compareTo(o.iri);
        }

        /** The instance as the class page lists it: by its label, else its IRI, with its page. */
        ClassController.Link link(Vocab vocab) {
            return new ClassController.Link(label == null ? iri : label, Links.href(vocab, iri));
        }
    }

    private record Entry(long version, CompletableFuture<List<Row>> list) {}

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
    List<Row> of(Node type) {
        long version = stats.version();
        CompletableFuture<List<Row>> list;
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

    private List<Row> list(Node type) {
        DatasetGraph dsg = kb.dataset();
        return Txn.calculateRead(dsg, () -> {
            List<Row> rows = new ArrayList<>();
            Optional<Tdb2Totals> tdb2 = Tdb2Totals.of(dsg);
            if (tdb2.isPresent()) { // one scan of the type's statements, one of the labels
                for (Tdb2Totals.Instance i : tdb2.get().instancesWithLabels(type))
                    rows.add(new Row(i.iri(), i.label()));
            } else {
                Set<Node> entities = new LinkedHashSet<>();
                dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), type).forEachRemaining(q -> {
                    if (q.getSubject().isURI())
                        entities.add(q.getSubject());
                });
                for (Node e : entities)
                    rows.add(new Row(e.getURI(), Stats.labelOf(dsg, e)));
            }
            Row[] sorted = rows.toArray(Row[]::new);
            Arrays.sort(sorted);
            return List.of(sorted);
        });
    }
}
