package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each competency question in queries/ gives the expected answer written by hand in
 * src/test/resources/competency/, over the bundled data, both in process and through /sparql.
 */
class CompetencyQuestionsTest {

    static final Path QUERIES = Path.of("queries");
    static final Path EXPECTED = Path.of("src/test/resources/competency");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.bundled();

    /** The served knowledge base, queried in process. */
    static KnowledgeBase kb() { return server.server().knowledgeBase(); }

    static Stream<String> questions() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList().stream();
        }
    }

    @Test
    void there_are_eighteen_competency_questions_each_with_an_expected_answer() throws IOException {
        assertEquals(18, questions().count());
        for (String q : questions().toList())
            assertFalse(expected(q).isBlank(), "expected answer for " + q);
    }

    @ParameterizedTest
    @MethodSource("questions")
    void the_question_gets_its_expected_answer(String file) throws IOException {
        String query = Files.readString(QUERIES.resolve(file));
        String actual = Txn.calculateRead(kb().dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(kb().dataset())).query(QueryFactory.create(query)).build()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ResultSetFormatter.outputAsTSV(out, qe.execSelect());
                return out.toString(StandardCharsets.UTF_8);
            }
        });
        assertEquals(expected(file), normalise(actual), file);
    }

    @ParameterizedTest
    @MethodSource("questions")
    void the_question_gets_the_same_answer_through_the_endpoint(String file) throws IOException {
        String query = Files.readString(QUERIES.resolve(file));
        var r = server.post("/sparql", "application/sparql-query", query, "Accept", "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected(file), normalise(r.body()), file);
    }

    static String expected(String rq) throws IOException {
        return normalise(Files.readString(EXPECTED.resolve(rq.replace(".rq", ".tsv"))));
    }

    static String normalise(String tsv) {
        return tsv.replace("\r\n", "\n").strip();
    }
}
