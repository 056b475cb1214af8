package org.icakg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.icakg.sparql.QueryLibrary;

/**
 * Virtuoso 7 (Debian's {@code virtuoso-opensource}) as a server under test: a {@code virtuoso.ini} of its own (a
 * fresh database under {@code dir}, loopback ports), {@code virtuoso-t -f}, the benchmark's TriG file bulk-loaded
 * with {@code ld_dir} + {@code rdf_loader_run()} + {@code checkpoint} through {@code isql-vt}, queries over HTTP at
 * {@code /sparql}. Without a {@code FROM}, Virtuoso answers a query over every graph it holds, so the default graph
 * is the union of the passage graphs, as in this service.
 */
final class Virtuoso implements AutoCloseable {

    /** Executables of Debian's package; looked up on the {@code PATH}. */
    static final String SERVER = "virtuoso-t", ISQL = "isql-vt";

    /** Where queries go. */
    static final String ENDPOINT = "/sparql";

    private static final String USER = "dba", PASSWORD = "dba";
    private static final long START_GIVE_UP_MS = 300_000, POLL_MS = 100, STOP_WAIT_SECONDS = 60;
    private static final Pattern LOAD_ERRORS = Pattern.compile("load-errors\\s+(\\d+)");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9/._+-]");

    private final Path dir;
    private final Process process;
    private final int sqlPort, httpPort;
    private final Path log;

    private Virtuoso(Path dir, Process process, int sqlPort, int httpPort, Path log) {
        this.dir = dir;
        this.process = process;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** Why Virtuoso cannot run here, or empty when both executables are on the {@code PATH}. */
    static Optional<String> missing() {
        for (String name : List.of(SERVER, ISQL)) {
            if (executable(name).isEmpty())
                return Optional.of(name + " not found on the PATH (Debian: apt-get install virtuoso-opensource)");
        }
        return Optional.empty();
    }

    /**
     * Starts Virtuoso on a new, empty database in {@code dir} (emptied first) that may read files under
     * {@code dataDir}, and waits until its SPARQL endpoint answers. Its own log is {@code dir/virtuoso.log}.
     */
    static Virtuoso start(Path workDir, Path dataDir) throws IOException, InterruptedException {
        Path dir = workDir.toAbsolutePath().normalize();
        Extras.deleteTree(dir);
        Files.createDirectories(dir);
        int sqlPort = Startup.freePort(), httpPort = Startup.freePort();
        Path ini = dir.resolve("virtuoso.ini");
        Files.writeString(ini, fill(QueryLibrary.text("bench/virtuoso/virtuoso.ini"), Map.of(
                "dir", safePath(dir), "dataDir", safePath(dataDir), "sqlPort", Integer.toString(sqlPort),
                "httpPort", Integer.toString(httpPort))));
        Path log = dir.resolve("console.log");
        Process p = new ProcessBuilder(executable(SERVER).orElseThrow().toString(), "-f", "-c", ini.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Virtuoso v = new Virtuoso(dir, p, sqlPort, httpPort, log);
        try {
            v.awaitEndpoint();
        } catch (IOException | InterruptedException | RuntimeException e) {
            v.close();
            throw e;
        }
        return v;
    }

    /** The HTTP port of the SPARQL endpoint. */
    int port() { return httpPort; }

    /** Bulk-loads {@code file} (TriG or N-Quads) and checkpoints; fails when the loader reports an error. */
    void load(Path file) throws IOException, InterruptedException {
        Path abs = file.toAbsolutePath().normalize();
        String sql = fill(QueryLibrary.text("bench/virtuoso/load.sql"), Map.of(
                "dataDir", sqlString(safePath(abs.getParent())), "fileName", sqlString(safeText(abs.getFileName().toString())),
                "defaultGraph", sqlString(Terms.VOCAB.base() + "graph/default")));
        String out = isql(sql);
        Matcher m = LOAD_ERRORS.matcher(out);
        if (!m.find())
            throw new IOException("Virtuoso's bulk loader gave no answer; isql said:\n" + out);
        if (!m.group(1).equals("0"))
            throw new IOException("Virtuoso's bulk loader failed on " + file + " (see DB.DBA.LOAD_LIST); isql said:\n" + out);
    }

    /** Statements in the benchmark's graphs, counted by Virtuoso itself (to check the load). */
    long statements() throws IOException {
        String query = QueryLibrary.text("bench/virtuoso/count.rq");
        try (PlainHttpClient http = new PlainHttpClient("127.0.0.1", httpPort)) {
            PlainHttpClient.Response r = http.get(ENDPOINT + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                    QueryMix.RESULTS_JSON);
            if (r.status() != 200)
                throw new IOException("Virtuoso answered " + r.status() + " to the count: " + r.text());
            ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
            QuerySolution row = rows.next();
            return row.getLiteral("statements").getLong();
        }
    }

    /** Resident memory of the server process, in bytes (Virtuoso's buffers are not a Java heap). */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:"))
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        throw new IOException("no VmRSS line for process " + process.pid());
    }

    /** Shuts the server down (then kills it if it does not stop) and deletes its database. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            try {
                isql("shutdown;");
            } catch (IOException e) {
                // Stopped below.
            }
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("virtuoso") && f.getFileName().toString().contains(".db"))
                    Files.delete(f);
            }
        }
    }

    private void awaitEndpoint() throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (!answers()) {
            if (!process.isAlive())
                throw new IOException(SERVER + " ended with status " + process.exitValue() + " before answering; "
                        + log + " ends with:\n" + ServerProcess.tail(log));
            if ((System.nanoTime() - start) / 1_000_000 > START_GIVE_UP_MS)
                throw new IOException(SERVER + " did not answer within " + START_GIVE_UP_MS + " ms; " + log
                        + " ends with:\n" + ServerProcess.tail(log));
            Thread.sleep(POLL_MS);
        }
    }

    private boolean answers() {
        try (PlainHttpClient http = new PlainHttpClient("127.0.0.1", httpPort)) {
            return http.get(ENDPOINT + "?query=ASK%7B%7D", QueryMix.RESULTS_JSON).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs SQL statements through {@code isql-vt}; returns what it printed, or fails with it. */
    private String isql(String sql) throws IOException, InterruptedException {
        Path script = dir.resolve("isql-" + System.nanoTime() + ".sql");
        Files.writeString(script, sql);
        Process p = new ProcessBuilder(executable(ISQL).orElseThrow().toString(), "127.0.0.1:" + sqlPort, USER, PASSWORD,
                script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        Files.delete(script);
        if (status != 0 || out.contains("*** Error"))
            throw new IOException(ISQL + " failed (status " + status + "):\n" + out);
        return out;
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    }

    /** {@code {{name}}} replaced by its value in a template of this package's resources. */
    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (var e : values.entrySet())
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        if (out.contains("{{"))
            throw new IllegalStateException("unfilled placeholder in " + out);
        return out;
    }

    /** An absolute path as text, refused when it holds characters an ini file or SQL string would need escaped. */
    private static String safePath(Path p) {
        return safeText(p.toAbsolutePath().normalize().toString());
    }

    private static String safeText(String s) {
        if (UNSAFE.matcher(s).find())
            throw new IllegalArgumentException("Virtuoso's work path may hold only letters, digits and / . _ + -, got '"
                    + s + "'");
        return s;
    }

    private static String sqlString(String s) { return "'" + s.replace("'", "''") + "'"; }
}
