package org.icakg.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;

/**
 * Data files and queries shared by tests, and the small ontology, shapes and data under {@code fixtures/maintain/}
 * that the write-path tests run on.
 */
public final class Fixtures {

    /** The small curated-looking data set (two states, one passage). */
    public static final Path TINY = Path.of("src/test/resources/fixtures/tiny.trig");

    /** Folder of the write-path fixture: {@code ontology.ttl}, {@code shapes.ttl}, {@code data.trig}. */
    public static final Path DIR = Path.of("src/test/resources/fixtures/maintain");

    /** Every pair of the statements of {@link #manyStatements}: millions of rows, far more than a second's work. */
    public static final String CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";

    /** Counting every triple of statements: runs until a time limit stops it. */
    public static final String COUNT_CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private Fixtures() {}

    /** Writes 3,000 labelled things in one passage graph to {@code dir/many.trig}. */
    public static Path manyStatements(Path dir) {
        StringBuilder b = new StringBuilder("<https://w3id.org/ica-kg/id/passage/load-01> {\n");
        for (int i = 0; i < 3000; i++)
            b.append("<https://w3id.org/ica-kg/id/thing/t").append(i)
                    .append("> <http://www.w3.org/2000/01/rdf-schema#label> \"thing ").append(i).append("\" .\n");
        Path file = dir.resolve("many.trig");
        try {
            return Files.writeString(file, b.append("}\n").toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ontology, shapes and data of the write-path fixture. */
    public static Bundle bundle() {
        return bundle(List.of(DIR.resolve("data.trig")));
    }

    /** The write-path fixture's ontology and shapes with other data. */
    public static Bundle bundle(List<Path> data) {
        return new Bundle(Bundle.readAll(List.of(DIR.resolve("ontology.ttl"))),
                Bundle.readAll(List.of(DIR.resolve("shapes.ttl"))), Bundle.readAll(data));
    }

    /** The write-path fixture loaded into a fresh in-memory store. */
    public static KnowledgeBase inMemory() {
        return KnowledgeBase.open(bundle(), Vocab.DEFAULT, Stores.inMemory());
    }

    /** The write-path fixture loaded into (or reopened from) a TDB2 store in {@code dir}. */
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
