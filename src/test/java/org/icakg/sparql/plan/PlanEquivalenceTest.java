package org.icakg.sparql.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.icakg.bench.QueryMix;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.sparql.QueryLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's answers equal those of the unoptimised plan: for every competency question over the bundled data,
 * and for a sample of every query class of the benchmark over a generated graph.
 */
class PlanEquivalenceTest {

    static final Path QUERIES = Path.of("queries");
    static final int SAMPLES_PER_CLASS = 12;

    static Stream<Path> competencyQuestions() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(p -> p.toString().endsWith(".rq")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("competencyQuestions")
    void a_competency_question_gets_the_same_answers_from_the_planner(Path file) throws IOException {
        KnowledgeBase kb = Bundled.KB;
        Query query = QueryFactory.create(kb.vocab().rebaseText(Files.readString(file)));
        Answers.assertSame(kb.dataset(), query, file.getFileName().toString());
    }

    @Test
    void every_benchmark_class_gets_the_same_answers_from_the_planner() {
        SyntheticStore store = SyntheticStore.of(20_000);
        for (QueryMix.QueryClass c : QueryMix.CLASSES) {
            if (c.isPage())
                continue;
            Query template = QueryFactory.create(QueryLibrary.text("bench/" + c.query() + ".rq"));
            SplittableRandom random = new SplittableRandom(c.name().hashCode());
            for (int i = 0; i < SAMPLES_PER_CLASS; i++) {
                Query query = QueryMix.bind(template, c.parameters().apply(random, store.graph().population()));
                Answers.assertSame(store.dataset(), query, c.name() + " " + i + ":\n" + query);
            }
        }
    }

    /** The bundled knowledge base, loaded once for all the competency questions. */
    private static final class Bundled {
        static final KnowledgeBase KB = KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT);
    }
}
