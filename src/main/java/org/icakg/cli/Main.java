package org.icakg.cli;

import java.io.PrintStream;
import java.util.Arrays;

import org.apache.jena.query.QueryParseException;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.UnreadableInputException;
import org.icakg.store.Stores;

/** Entry point of {@code ica-kg.jar}: one sub-command per job. */
public final class Main {

    private Main() {}

    public static void main(String[] argv) {
        if (argv.length > 0 && argv[0].equals("serve")) {
            java.util.Optional<java.util.List<String>> relaunch = Relaunch.needed(argv);
            if (relaunch.isPresent())
                System.exit(Relaunch.run(argv, relaunch.get()));
        }
        Relaunch.watchLauncher();
        if (argv.length > 0 && argv[0].equals("serve"))
            IriTables.startBuilding();
        int status = run(argv, System.out, System.err);
        if (status != 0 || (argv.length > 0 && !argv[0].equals("serve")))
            System.exit(status);
    }

    /** Runs a sub-command and returns its exit status (0 ok, 1 violations / failure, 2 unreadable input or usage). */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        return Commands.run(argv, out, err);
    }

    /**
     * The sub-commands, in a class of their own: verifying {@code Main} then loads none of the exceptions they
     * catch (Jena's among them), so the launcher of {@code serve}, which only starts the server JVM, loads no class
     * of Jena.
     */
    private static final class Commands {
        static int run(String[] argv, PrintStream out, PrintStream err) {
            if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help")) {
                err.println(usage());
                return argv.length == 0 ? 2 : 0;
            }
            String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
            try {
                return switch (argv[0]) {
                    case "serve" -> ServeCommand.run(rest, out, err);
                    case "validate" -> ValidateCommand.run(rest, out, err);
                    case "query" -> QueryCommand.run(rest, out, err);
                    case "export" -> ExportCommand.run(rest, out, err);
                    case "claims" -> ClaimsCommand.run(rest, out, err);
                    case "passwd" -> PasswdCommand.run(rest, System.in, out, err);
                    default -> throw new Args.UsageException("unknown command '" + argv[0] + "'");
                };
            } catch (Args.UsageException e) {
                err.println("error: " + e.getMessage());
                err.println(usage());
                return 2;
            } catch (UnreadableInputException | Stores.StoreException e) {
                err.println("error: " + e.getMessage());
                return 2;
            } catch (KnowledgeBase.LoadException e) {
                e.errors().forEach(x -> err.println("Syntax error: " + x));
                return 2;
            } catch (QueryParseException e) {
                err.println("error: malformed query: " + e.getMessage());
                return 2;
            }
        }
    }

    private static String usage() {
        return String.join("\n",
                "usage: java -jar target/ica-kg.jar COMMAND [OPTIONS]",
                "  " + ServeCommand.USAGE,
                "  " + ValidateCommand.USAGE,
                "  " + QueryCommand.USAGE,
                "  " + ExportCommand.USAGE,
                "  " + ClaimsCommand.USAGE,
                "  " + PasswdCommand.USAGE);
    }
}
