package org.icakg.sparql.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's answers equal those of the unoptimised plan for every competency question over the bundled data
 * (the benchmark's classes are checked in the bench module, over its generated graph).
 */
class PlanEquivalenceTest {

    static final Path QUERIES = Path.of("queries");

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

    /** The bundled knowledge base, loaded once for all the competency questions. */
    private static final class Bundled {
        static final KnowledgeBase KB = KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT);
    }
}
