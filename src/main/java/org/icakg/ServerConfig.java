package org.icakg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.icakg.federation.FederationPolicy;
import org.icakg.kb.Vocab;

/**
 * How a server is run. Limits are named here with their defaults.
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
 * @param federation     the endpoints {@code SERVICE} may call
 * @param sources        folder of the source documents' texts ({@code ica:sourceFile "sources/NAME.txt"} names
 *                       {@code NAME.txt} in it), where the workbench writes a registered text; null for none
 */
public record ServerConfig(String host, int port, List<Path> dataPaths, Path store, Vocab vocab,
                           Duration queryTimeout, Duration slowQuery, long maxBodyBytes,
                           long maxBufferedResultBytes, Path usersFile,
                           FederationPolicy federation, Path sources) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SLOW_QUERY = Duration.ofMillis(500);
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_BUFFERED_RESULT_BYTES = 16L * 1024 * 1024;

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

    /** Defaults: loopback, port 3030, bundled data in memory, default base and limits. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, List.of(), null, Vocab.DEFAULT, DEFAULT_QUERY_TIMEOUT,
                DEFAULT_SLOW_QUERY, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BUFFERED_RESULT_BYTES, null,
                FederationPolicy.defaults(), null);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, dataPaths, store, vocab, queryTimeout, slowQuery, maxBodyBytes, maxBufferedResultBytes, usersFile, federation, sources);
    }

    public ServerConfig withStore(Path s) {
        return new ServerConfig(host, port, dataPaths, s, vocab, queryTimeout, slowQuery, maxBodyBytes, maxBufferedResultBytes, usersFile, federation, sources);
    }

    public ServerConfig withData(List<Path> d) {
        return new ServerConfig(host, port, d, store, vocab, queryTimeout, slowQuery, maxBodyBytes, maxBufferedResultBytes, usersFile, federation, sources);
    }

    public ServerConfig withQueryTimeout(Duration t) {
        return new ServerConfig(host, port, dataPaths, store, vocab, t, slowQuery, maxBodyBytes, maxBufferedResultBytes, usersFile, federation, sources);
    }

    public ServerConfig withSlowQuery(Duration t) {
        return new ServerConfig(host, port, dataPaths, store, vocab, queryTimeout, t, maxBodyBytes, maxBufferedResultBytes, usersFile, federation, sources);
    }

    public ServerConfig withVocab(Vocab v) {
        return new ServerConfig(host, port, dataPaths, store, v, queryTimeout, slowQuery, maxBodyBytes, maxBufferedResultBytes, usersFile, federation, sources);
    }

    public ServerConfig withUsersFile(Path f) {
        return new ServerConfig(host, port, dataPaths, store, vocab, queryTimeout, slowQuery, maxBodyBytes, maxBufferedResultBytes, f, federation, sources);
    }

    public ServerConfig withMaxBufferedResultBytes(long n) {
        return new ServerConfig(host, port, dataPaths, store, vocab, queryTimeout, slowQuery, maxBodyBytes, n, usersFile, federation, sources);
    }

    public ServerConfig withMaxBodyBytes(long n) {
        return new ServerConfig(host, port, dataPaths, store, vocab, queryTimeout, slowQuery, n, maxBufferedResultBytes, usersFile, federation, sources);
    }

    public ServerConfig withFederation(FederationPolicy p) {
        return new ServerConfig(host, port, dataPaths, store, vocab, queryTimeout, slowQuery, maxBodyBytes, maxBufferedResultBytes, usersFile, p, sources);
    }

    /** The folder of the source texts, where the workbench writes the text of a source it registers. */
    public ServerConfig withSources(Path dir) {
        return new ServerConfig(host, port, dataPaths, store, vocab, queryTimeout, slowQuery, maxBodyBytes, maxBufferedResultBytes, usersFile, federation, dir);
    }
}
