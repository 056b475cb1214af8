package org.icakg.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.riot.Lang;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.UnreadableInputException;
import org.icakg.kb.Vocab;
import org.icakg.validate.Report;
import org.icakg.validate.ReportWriter;
import org.icakg.validate.WholeGraph;

/**
 * {@code validate [--format text|turtle|json] [--sources DIR] [PATH]...}: exit 0 conforms, 1 violations, 2 unreadable
 * or usage. Besides the shapes and the ontology, each document's text must be in the sources folder and each passage
 * must quote it: the folder is {@code --sources}, else {@code sources/} beside the folder of the first data path (the
 * layout of the project and of {@code export}), else the bundled texts when no path is given.
 */
final class ValidateCommand {

    static final String USAGE = "validate [--format text|turtle|json] [--sources DIR] [PATH]...   validate data files "
            + "(default: the bundled data) and their quotes against the texts in DIR (default: sources/ beside them)";

    private ValidateCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, Set.of("format", "sources"), Set.of());
        String format = args.get("format", "text");
        if (!List.of("text", "turtle", "json").contains(format))
            throw new Args.UsageException("--format must be text, turtle or json, got '" + format + "'");
        Bundle bundle;
        KnowledgeBase kb;
        long start = System.nanoTime();
        try {
            bundle = args.positional().isEmpty() ? Bundle.bundled()
                    : Bundle.withData(args.positional().stream().map(Path::of).toList());
            kb = KnowledgeBase.inMemory(bundle, Vocab.DEFAULT);
        } catch (UnreadableInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (KnowledgeBase.LoadException e) {
            Report unreadable = Report.unreadable(e.errors());
            print(out, format, new ReportWriter(org.apache.jena.riot.system.PrefixMapFactory.create()), unreadable);
            err.println(ReportWriter.summary(unreadable));
            return 2;
        }
        long loaded = System.nanoTime();
        Function<String, Optional<String>> texts = texts(args);
        if (texts == null)
            err.println("note: the quotes were not checked against their texts: no sources/ folder beside the data; "
                    + "name it with --sources DIR");
        Report report = WholeGraph.validate(kb, texts);
        long validated = System.nanoTime();
        print(out, format, new ReportWriter(kb.prefixes()), report);
        err.printf("%s (%d files; loading %d ms, validation %d ms)%n", ReportWriter.summary(report),
                bundle.ontology().size() + bundle.shapes().size() + bundle.data().size(),
                (loaded - start) / 1_000_000, (validated - loaded) / 1_000_000);
        return report.conforms() ? 0 : 1;
    }

    /** The texts of the sources folder by file name, or null when there is no folder to read them from. */
    static Function<String, Optional<String>> texts(Args args) {
        String named = args.get("sources", null);
        Path folder;
        if (named != null) {
            folder = Path.of(named);
            if (!Files.isDirectory(folder))
                throw new Args.UsageException("--sources must name a folder, got '" + named + "'");
        } else if (args.positional().isEmpty()) {
            var bundled = Bundle.bundledText("sources", ".txt");
            return name -> Optional.ofNullable(bundled.get(name));
        } else {
            Path first = Path.of(args.positional().get(0)).toAbsolutePath().normalize();
            Path dataFolder = Files.isDirectory(first) ? first : first.getParent();
            folder = dataFolder == null || dataFolder.getParent() == null ? null : dataFolder.getParent().resolve("sources");
            if (folder == null || !Files.isDirectory(folder))
                return null;
        }
        Path root = folder;
        return name -> {
            Path file = root.resolve(name).normalize();
            try {
                return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(Files.readString(file))
                        : Optional.empty();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        };
    }

    private static void print(PrintStream out, String format, ReportWriter writer, Report report) {
        switch (format) {
            case "json" -> out.println(writer.json(report));
            case "turtle" -> writer.rdf(report, Lang.TURTLE, out);
            default -> out.print(writer.text(report));
        }
        out.flush();
    }
}
