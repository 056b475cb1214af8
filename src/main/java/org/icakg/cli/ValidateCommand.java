package org.icakg.cli;

import org.icakg.validate.WholeGraph;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.riot.Lang;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.UnreadableInputException;
import org.icakg.kb.Vocab;
import org.icakg.validate.Report;
import org.icakg.validate.ReportWriter;

/** {@code validate [--format text|turtle|json] [PATH]...}: exit 0 conforms, 1 violations, 2 unreadable or usage. */
final class ValidateCommand {

    static final String USAGE = "validate [--format text|turtle|json] [PATH]...   validate data files (default: the bundled data)";

    private ValidateCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, Set.of("format"), Set.of());
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
        Report report = WholeGraph.validate(kb);
        long validated = System.nanoTime();
        print(out, format, new ReportWriter(kb.prefixes()), report);
        err.printf("%s (%d files; loading %d ms, validation %d ms)%n", ReportWriter.summary(report),
                bundle.ontology().size() + bundle.shapes().size() + bundle.data().size(),
                (loaded - start) / 1_000_000, (validated - loaded) / 1_000_000);
        return report.conforms() ? 0 : 1;
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
