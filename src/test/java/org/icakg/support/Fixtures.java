package org.icakg.support;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;

/** The small ontology, shapes and data under {@code fixtures/maintain/} that the write-path tests run on. */
public final class Fixtures {

    public static final Path DIR = Path.of("src/test/resources/fixtures/maintain");

    private Fixtures() {}

    /** Ontology, shapes and data of the fixture. */
    public static Bundle bundle() {
        return bundle(List.of(DIR.resolve("data.trig")));
    }

    /** The fixture's ontology and shapes with other data. */
    public static Bundle bundle(List<Path> data) {
        return new Bundle(Bundle.readAll(List.of(DIR.resolve("ontology.ttl"))),
                Bundle.readAll(List.of(DIR.resolve("shapes.ttl"))), Bundle.readAll(data));
    }

    /** The fixture loaded into a fresh in-memory store. */
    public static KnowledgeBase inMemory() {
        return KnowledgeBase.open(bundle(), Vocab.DEFAULT, Stores.inMemory());
    }

    /** The fixture loaded into (or reopened from) a TDB2 store in {@code dir}. */
    public static KnowledgeBase tdb2(Path dir) {
        return KnowledgeBase.open(bundle(), Vocab.DEFAULT, Stores.tdb2(dir));
    }

    /** Every quad of a store, copied into memory. */
    public static DatasetGraph copy(DatasetGraph store) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        Txn.executeRead(store, () -> store.find().forEachRemaining(out::add));
        return out;
    }
}
