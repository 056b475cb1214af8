package org.icakg.support;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;
import org.icakg.kb.KnowledgeBase;
import org.icakg.store.Stores;

/** The reference a gated write is checked against: the whole store recomputed from scratch after the write. */
public final class RecomputedCopy {

    private RecomputedCopy() {}

    /**
     * An in-memory copy of {@code kb}'s asserted quads with {@code update} applied (none when blank) and every
     * inference recomputed.
     */
    public static DatasetGraph after(KnowledgeBase kb, String update) {
        DatasetGraph copy = Stores.inMemory();
        DatasetGraph store = kb.dataset();
        Txn.executeWrite(copy, () -> {
            Txn.executeRead(store, () -> store.find().forEachRemaining(q -> {
                if (!kb.vocab().isInferred(q.getGraph()))
                    copy.add(q);
            }));
            if (!update.isBlank())
                UpdateExec.dataset(copy).update(UpdateFactory.create(update)).execute();
            kb.inference().materialize(copy, kb.vocab());
        });
        return copy;
    }
}
