package org.icakg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.UnreadableInputException;
import org.icakg.kb.Vocab;

/** {@code query FILE.rq}: runs a SELECT or ASK over the bundled data (with inferences) and prints TSV. */
final class QueryCommand {

    static final String USAGE = "query FILE.rq                                      answer a query over the bundled data, as TSV";

    private QueryCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, Set.of(), Set.of());
        if (args.positional().size() != 1)
            throw new Args.UsageException("query needs exactly one .rq file");
        String text;
        try {
            text = Files.readString(Path.of(args.positional().get(0)));
        } catch (IOException e) {
            throw new UnreadableInputException(args.positional().get(0) + ": cannot read: " + e.getMessage());
        }
        KnowledgeBase kb = KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT);
        var query = QueryFactory.create(text);
        Txn.executeRead(kb.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(kb.dataset())).query(query).build()) {
                if (query.isAskType())
                    out.println(qe.execAsk());
                else
                    ResultSetFormatter.outputAsTSV(out, qe.execSelect());
            }
        });
        return 0;
    }
}
