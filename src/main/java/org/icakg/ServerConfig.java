package org.icakg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.icakg.federation.FederationPolicy;
import org.icakg.kb.Vocab;

/**
 * How a server is run: every setting of the server, read once where the server is started (the command line, or a
 * test) and passed down; nothing below reads the environment or a system property. Limits are named here with
 * their defaults.
 *
 * @param host           interface to bind (default loopback)
 * @param port           port, 0 for any free one
 * @param dataPaths      data files or folders in place of the bundled data; empty for the bundled data
 * @param store          TDB2 directory, or null for in memory
 * @param vocab          the base IRI and everything derived from it
 * @param queryTimeout   time limit of every query
 * @param slowQuery      queries slower than this are logged in full
 * @param maxBodyBytes   largest request body accepted
 * @param maxBufferedResultBytes results up to this size are buffered, so a timeout is reported as an error
 * @param usersFile      file of {@code user:password} lines allowed to write, or null
 * @param usersInline    more such lines, comma-separated (the value of {@code ICA_KG_USERS}), or null
 * @param federation     the endpoints {@code SERVICE} may call
 * @param answerCache    whether identical requests against unchanged data are answered from the answer cache
 * @param sources        folder of the source documents' texts ({@code ica:sourceFile "sources/NAME.txt"} names
 *                       {@code NAME.txt} in it), where the workbench writes a registered text; null for none
 */
public record ServerConfig(String host, int port, List<Path> dataPaths, Path store, Vocab vocab,
                           Duration queryTimeout, Duration slowQuery, long maxBodyBytes,
                           long maxBufferedResultBytes, Path usersFile, String usersInline,
                           FederationPolicy federation, boolean answerCache, Path sources) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SLOW_QUERY = Duration.ofMillis(500);
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_BUFFERED_RESULT_BYTES = 16L * 1024 * 1024;
    /**
     * Data files of at least this many bytes in all make a large load, which takes seconds: its server JVM starts with
     * a heap sized for it ({@code cli/Relaunch}) and loads the server's libraries while it loads
     * ({@code server/ServerWarmUp}). A constant, so the launcher reads it without loading this class.
     */
    public static final long LARGE_LOAD_BYTES = 4 << 20;
    /** The project's folder of source texts, as the {@code ica:sourceFile} paths of {@code data/} name it. */
    public static final Path DEFAULT_SOURCES = Path.of("sources");

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(vocab, "vocab");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(slowQuery, "slowQuery");
        Objects.requireNonNull(federation, "federation");
        dataPaths = List.copyOf(dataPaths);
        if (port < 0 || port > 65535)
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (queryTimeout.isNegative() || queryTimeout.isZero())
            throw new IllegalArgumentException("query timeout must be positive, got " + queryTimeout);
        if (maxBodyBytes <= 0)
            throw new IllegalArgumentException("body limit must be positive, got " + maxBodyBytes);
    }

    /** Defaults: loopback, port 3030, bundled data in memory, default base and limits, answer cache on, texts in sources/. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, List.of(), null, Vocab.DEFAULT, DEFAULT_QUERY_TIMEOUT,
                DEFAULT_SLOW_QUERY, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BUFFERED_RESULT_BYTES, null, null,
                FederationPolicy.defaults(), true, DEFAULT_SOURCES);
    }

    public ServerConfig withHost(String h) { return edit(b -> b.host = h); }

    public ServerConfig withPort(int p) { return edit(b -> b.port = p); }

    public ServerConfig withStore(Path s) { return edit(b -> b.store = s); }

    public ServerConfig withData(List<Path> d) { return edit(b -> b.dataPaths = d); }

    public ServerConfig withQueryTimeout(Duration t) { return edit(b -> b.queryTimeout = t); }

    public ServerConfig withSlowQuery(Duration t) { return edit(b -> b.slowQuery = t); }

    public ServerConfig withVocab(Vocab v) { return edit(b -> b.vocab = v); }

    public ServerConfig withUsersFile(Path f) { return edit(b -> b.usersFile = f); }

    /** Users given as {@code user:SECRET} lines, comma-separated, besides (or instead of) the users file. */
    public ServerConfig withUsersInline(String lines) { return edit(b -> b.usersInline = lines); }

    public ServerConfig withMaxBufferedResultBytes(long n) { return edit(b -> b.maxBufferedResultBytes = n); }

    public ServerConfig withMaxBodyBytes(long n) { return edit(b -> b.maxBodyBytes = n); }

    public ServerConfig withFederation(FederationPolicy p) { return edit(b -> b.federation = p); }

    public ServerConfig withAnswerCache(boolean on) { return edit(b -> b.answerCache = on); }

    /** The folder of the source texts, where the workbench writes the text of a source it registers. */
    public ServerConfig withSources(Path dir) { return edit(b -> b.sources = dir); }

    /** Like the record's own, but never shows the inline users' secrets. */
    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", dataPaths=" + dataPaths + ", store=" + store
                + ", base=" + vocab.base() + ", queryTimeout=" + queryTimeout + ", slowQuery=" + slowQuery
                + ", maxBodyBytes=" + maxBodyBytes + ", maxBufferedResultBytes=" + maxBufferedResultBytes
                + ", usersFile=" + usersFile + ", usersInline=" + (usersInline == null ? "none" : "(given)")
                + ", federation=" + federation + ", answerCache=" + answerCache + ", sources=" + sources + "]";
    }

    /** A copy with {@code change} applied to its settings (checked again by the constructor). */
    private ServerConfig edit(Consumer<Settings> change) {
        Settings s = new Settings(this);
        change.accept(s);
        return new ServerConfig(s.host, s.port, s.dataPaths, s.store, s.vocab, s.queryTimeout, s.slowQuery,
                s.maxBodyBytes, s.maxBufferedResultBytes, s.usersFile, s.usersInline, s.federation, s.answerCache,
                s.sources);
    }

    /** The settings of one config while a copy is being made; never escapes {@link #edit}. */
    private static final class Settings {
        String host;
        int port;
        List<Path> dataPaths;
        Path store;
        Vocab vocab;
        Duration queryTimeout;
        Duration slowQuery;
        long maxBodyBytes;
        long maxBufferedResultBytes;
        Path usersFile;
        String usersInline;
        FederationPolicy federation;
        boolean answerCache;
        Path sources;

        Settings(ServerConfig c) {
            host = c.host;
            port = c.port;
            dataPaths = c.dataPaths;
            store = c.store;
            vocab = c.vocab;
            queryTimeout = c.queryTimeout;
            slowQuery = c.slowQuery;
            maxBodyBytes = c.maxBodyBytes;
            maxBufferedResultBytes = c.maxBufferedResultBytes;
            usersFile = c.usersFile;
            usersInline = c.usersInline;
            federation = c.federation;
            answerCache = c.answerCache;
            sources = c.sources;
        }
    }
}
