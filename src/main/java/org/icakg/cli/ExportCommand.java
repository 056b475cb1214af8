package org.icakg.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.icakg.kb.Bundle;
import org.icakg.kb.Loader;
import org.icakg.kb.RdfSource;
import org.icakg.kb.Vocab;
import org.icakg.kb.Export;
import org.icakg.store.Stores;

/**
 * {@code export --store DIR --out DIR [--sources DIR]}: writes a TDB2 store back to the project's layout,
 * {@code OUT/data/} (TriG, one file per source document) and {@code OUT/sources/} (the documents' texts).
 */
final class ExportCommand {

    static final String USAGE = "export --store DIR --out DIR [--base IRI] [--sources DIR]\n"
            + "        write the store back as OUT/data/ (TriG, one file per document) and OUT/sources/ (the texts,\n"
            + "        copied from --sources, default sources/)";

    private ExportCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, Set.of("store", "out", "base", "sources"), Set.of());
        if (!args.has("store") || !args.has("out") || !args.positional().isEmpty())
            throw new Args.UsageException("export needs --store DIR and --out DIR");
        Path store = Path.of(args.get("store", null));
        Path target = Path.of(args.get("out", null));
        Vocab vocab;
        try {
            vocab = new Vocab(args.get("base", Vocab.DEFAULT_BASE));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        if (!Files.isDirectory(store))
            throw new Stores.StoreException("no store at " + store + " (start the server with --store " + store + " first)");
        long start = System.nanoTime();
        DatasetGraph dsg = Stores.tdb2(store);
        try {
            if (Stores.isEmpty(dsg))
                throw new Stores.StoreException("store " + store + " is empty: nothing to export");
            Path texts = Path.of(args.get("sources", Export.SOURCES));
            Export.Exported done = new Export(vocab, prefixes(vocab)).write(dsg, target, texts);
            err.printf("Exported %d file(s) to %s in %d ms%n", done.files().size(), target, (System.nanoTime() - start) / 1_000_000);
            done.missingTexts().forEach(d -> err.println("No text in " + texts + " for the source document " + d
                    + ": copy it to " + target.resolve(Export.SOURCES) + " by hand"));
            done.files().forEach(f -> out.println(f));
            return 0;
        } finally {
            Stores.close(dsg);
        }
    }

    /** The prefixes declared in the bundled ontology and data, so the files read like the ones they replace. */
    private static PrefixMap prefixes(Vocab vocab) {
        Loader loader = new Loader(vocab);
        Bundle bundled = Bundle.bundled();
        for (List<RdfSource> sources : List.of(bundled.ontology(), bundled.data()))
            sources.forEach(s -> loader.parse(s, vocab.unattributedGraph()));
        PrefixMap prefixes = loader.prefixes();
        prefixes.add("ica", vocab.ontologyNs());
        return prefixes;
    }
}
