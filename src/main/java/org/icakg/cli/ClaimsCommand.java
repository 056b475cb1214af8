package org.icakg.cli;

import java.io.PrintStream;

import org.icakg.kb.Bundle;
import org.icakg.kb.ClaimsListing;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;

/** {@code claims}: prints every passage of the bundled data with its statements in plain words (data/CLAIMS.md). */
final class ClaimsCommand {

    static final String USAGE = "claims                      print every passage with its statements in words (> data/CLAIMS.md)";

    private ClaimsCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0)
            throw new Args.UsageException("claims takes no arguments, got '" + args[0] + "'");
        KnowledgeBase kb = KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT);
        out.print(new ClaimsListing(kb).render());
        out.flush();
        return 0;
    }
}
