package org.icakg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.icakg.federation.FederationPolicy;
import org.icakg.kb.Vocab;
import org.icakg.server.IcaServer;
import org.icakg.write.Users;
import org.icakg.ServerConfig;

/** {@code serve}: loads the knowledge graph and serves it until the process is stopped. */
final class ServeCommand {

    /** Environment variable naming the users file when {@code --users} is not given. */
    static final String USERS_FILE_ENV = "ICA_KG_USERS_FILE";

    static final String USAGE = "serve [--port 3030] [--host 127.0.0.1] [--data PATH]... [--store DIR] [--base IRI] [--sources DIR]\n"
            + "        [--query-timeout SECONDS] [--slow-query MS] [--users FILE] [--max-body BYTES] [--result-buffer BYTES]\n"
            + "        [--federation URL|PREFIX/|none]... [--federation-file FILE] [--no-answer-cache]\n"
            + "        serve SPARQL and the browsing pages; writers come from --users FILE (or " + USERS_FILE_ENV + ")\n"
            + "        and from " + Users.ENV + "=user:SECRET[,user:SECRET]";

    private static final Set<String> VALUED = Set.of("port", "host", "data", "store", "base", "query-timeout",
            "slow-query", "users", "max-body", "result-buffer", "federation", "federation-file", "sources");
    private static final Set<String> FLAGS = Set.of("no-answer-cache");
    /** Jetty's settings ({@code org.eclipse.jetty.util.MemoryUtils}) of the padding between its queues' slots. */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine",
            JETTY_CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

    private ServeCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        ServerConfig config = config(argv, System.getenv());
        presetJettyReferencesPerCacheLine(Runtime.getRuntime().maxMemory());
        long start = System.nanoTime();
        err.println(startMessage(config));
        IcaServer server = IcaServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ica-kg-shutdown"));
        if (config.store() != null && !config.dataPaths().isEmpty() && server.knowledgeBase().dataSources().isEmpty())
            err.println("warning: store " + config.store() + " already held data and was reopened as it is: "
                    + config.dataPaths() + " not loaded (only an empty store is loaded from --data; export this one, or "
                    + "name a new --store folder, to serve other files)");
        err.printf("ica-kg serving %s/ (SPARQL at %s/sparql, editor at %s/query) — ready in %d ms%n",
                server.url(), server.url(), server.url(), (System.nanoTime() - start) / 1_000_000);
        return 0;
    }

    /** What a start does before it serves: a load in memory, or the opening of a store (loaded only when empty). */
    static String startMessage(ServerConfig config) {
        // Built without concatenation: the first one the main thread runs links the JDK's StringConcatFactory (some
        // 17 classes of lambda forms) before anything else is done.
        String data = config.dataPaths().isEmpty() ? "the bundled data" : config.dataPaths().toString();
        if (config.store() == null)
            return new StringBuilder("Loading ").append(data).append(" in memory ...").toString();
        return new StringBuilder("Opening store ").append(config.store()).append(" (reopened as it is when it holds data, else ")
                .append(data).append(" is loaded into it) ...").toString();
    }

    /**
     * Tells Jetty how many object references share a cache line (it pads its queues by that), unless the JVM's
     * options already do: otherwise Jetty asks the platform MBean server whether references are compressed, and
     * starting that server (some 500 classes) was a tenth of a reopen's main thread before its first answer. The
     * JVM compresses references (4 bytes) in a heap under 32 GB, which is how {@code serve} runs; a wrong guess
     * would change only the padding.
     */
    static void presetJettyReferencesPerCacheLine(long maxHeapBytes) {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) != null)
            return;
        int cacheLine = Integer.getInteger(JETTY_CACHE_LINE_BYTES, 64);
        int referenceBytes = maxHeapBytes < (32L << 30) ? 4 : 8;
        System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, Integer.toString(Math.max(1, cacheLine / referenceBytes)));
    }

    /**
     * The server's settings from the command line and the environment: the one place the environment is read
     * ({@value #USERS_FILE_ENV} when {@code --users} is absent, and {@code ICA_KG_USERS}).
     */
    static ServerConfig config(String[] argv, Map<String, String> environment) {
        Args args = Args.parse(argv, VALUED, FLAGS);
        if (!args.positional().isEmpty())
            throw new Args.UsageException("serve takes no positional arguments, got " + args.positional());
        ServerConfig c = ServerConfig.defaults();
        try {
            c = c.withVocab(new Vocab(args.get("base", Vocab.DEFAULT_BASE)));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        c = c.withHost(args.get("host", ServerConfig.DEFAULT_HOST))
                .withPort(args.getInt("port", ServerConfig.DEFAULT_PORT, 0, 65535))
                .withData(args.all("data").stream().map(Path::of).toList())
                .withQueryTimeout(Duration.ofSeconds(args.getInt("query-timeout",
                        (int) ServerConfig.DEFAULT_QUERY_TIMEOUT.toSeconds(), 1, 86_400)))
                .withSlowQuery(Duration.ofMillis(args.getInt("slow-query",
                        (int) ServerConfig.DEFAULT_SLOW_QUERY.toMillis(), 0, 86_400_000)))
                .withMaxBodyBytes(args.getInt("max-body", (int) ServerConfig.DEFAULT_MAX_BODY_BYTES, 1, Integer.MAX_VALUE))
                .withMaxBufferedResultBytes(args.getInt("result-buffer",
                        (int) ServerConfig.DEFAULT_MAX_BUFFERED_RESULT_BYTES, 0, Integer.MAX_VALUE))
                .withStore(args.has("store") ? Path.of(args.get("store", null)) : null)
                .withUsersInline(environment.get(Users.ENV))
                .withFederation(federation(args))
                .withAnswerCache(!args.has("no-answer-cache"))
                .withSources(args.has("sources") ? Path.of(args.get("sources", null)) : ServerConfig.DEFAULT_SOURCES);
        String users = args.get("users", environment.get(USERS_FILE_ENV));
        return users == null ? c : c.withUsersFile(Path.of(users));
    }

    /** The default endpoints, those named by {@code --federation} and those listed in {@code --federation-file}. */
    static FederationPolicy federation(Args args) {
        try {
            FederationPolicy p = FederationPolicy.defaults().allowing(args.all("federation"));
            for (String file : args.all("federation-file"))
                p = p.allowingFile(Path.of(file));
            return p;
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }
}
