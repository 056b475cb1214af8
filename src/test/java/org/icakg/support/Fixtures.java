package org.icakg.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Data files and queries shared by tests. */
public final class Fixtures {

    /** The small curated-looking data set (two states, one passage). */
    public static final Path TINY = Path.of("src/test/resources/fixtures/tiny.trig");

    /** Every pair of the statements of {@link #manyStatements}: millions of rows, far more than a second's work. */
    public static final String CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";

    /** Counting every triple of statements: runs until a time limit stops it. */
    public static final String COUNT_CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private Fixtures() {}

    /** Writes 3,000 labelled things in one passage graph to {@code dir/many.trig}. */
    public static Path manyStatements(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("<https://w3id.org/ica-kg/id/passage/load-01> {\n");
        for (int i = 0; i < 3000; i++)
            b.append("<https://w3id.org/ica-kg/id/thing/t").append(i)
                    .append("> <http://www.w3.org/2000/01/rdf-schema#label> \"thing ").append(i).append("\" .\n");
        Path file = dir.resolve("many.trig");
        Files.writeString(file, b.append("}\n").toString());
        return file;
    }
}
