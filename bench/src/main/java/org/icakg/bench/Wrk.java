package org.icakg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP floor measured a second way, with {@code wrk} (Debian's {@code wrk}) when it is installed: an event-driven
 * load generator in C whose own cost per request is a fraction of the project's blocking Java client's, so on a
 * 2-core machine the server, not the client, sets the figure. Same connections, warm-up and seconds as the rest of
 * the run; distinct requests carry a mark of their own as {@link LoadDriver}'s do (a comment line at the end of a
 * query, else a {@code distinct} parameter), made by a Lua script, with the number of the {@code wrk} execution in it:
 * a warm-up and the run after it, or two runs of the same path, never send the same request twice.
 */
final class Wrk {

    /** {@code wrk} executions of this process, numbering the marks of each ({@code wrk}'s first script argument). */
    private static final AtomicLong EXECUTIONS = new AtomicLong();

    static final String COMMAND = "wrk";
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /** Why {@code wrk} cannot be used here, or empty when it can. */
    static Optional<String> missing() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        boolean found = Stream.of(path.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, COMMAND)));
        return found ? Optional.empty() : Optional.of("wrk not found on the PATH (Debian: apt-get install wrk)");
    }

    /**
     * Drives {@code path} on a loopback port with {@code wrk}: a warm-up run, then the measured one. The Lua script is
     * written into {@code workDir}.
     */
    static LoadDriver.Result run(String name, int port, String path, String accept, boolean distinct, int connections,
                                 double warmupSeconds, double seconds, Path workDir) throws IOException, InterruptedException {
        return run(name, port, script(path, accept, distinct), connections, warmupSeconds, seconds, workDir);
    }

    /**
     * Drives {@code path} as {@link #run(String, int, String, String, boolean, int, double, double, Path)} does, each
     * request a POST of {@code query} as an {@code application/sparql-query} body, made distinct by a comment line of
     * its own at the end.
     */
    static LoadDriver.Result runPosted(String name, int port, String path, String query, String accept, int connections,
                                       double warmupSeconds, double seconds, Path workDir) throws IOException, InterruptedException {
        return run(name, port, postedScript(path, query, accept), connections, warmupSeconds, seconds, workDir);
    }

    private static LoadDriver.Result run(String name, int port, String scriptText, int connections, double warmupSeconds,
                                         double seconds, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("wrk-" + name + ".lua");
        Files.writeString(script, scriptText, StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + port + "/";
        if (warmupSeconds > 0)
            execute(script, url, connections, warmupSeconds);
        return parse(name, execute(script, url, connections, seconds));
    }

    /** The Lua script: one request path, an {@code Accept} header, and a mark per request when distinct. */
    static String script(String path, String accept, boolean distinct) {
        String mark = !distinct ? "" : path.contains("?query=") ? "%0A%23+w" : path.contains("?") ? "&distinct=w" : "?distinct=w";
        return script(distinct ? "every request distinct." : "one repeated request.", "local path = " + lua(path),
                "[\"Accept\"] = " + lua(accept),
                distinct ? "wrk.format(\"GET\", path .. " + lua(mark) + " .. execution .. \"-\" .. id .. \"-\" .. counter, headers)"
                        : "wrk.format(\"GET\", path, headers)");
    }

    /** The Lua script of {@link #runPosted}: one path, the query as each request's body with a mark of its own. */
    static String postedScript(String path, String query, String accept) {
        return script("every request distinct, the query posted as its body.",
                "local path, query = " + lua(path) + ", " + lua(query),
                "[\"Accept\"] = " + lua(accept) + ", [\"Content-Type\"] = \"application/sparql-query\"",
                "wrk.format(\"POST\", path, headers, query .. \"\\n# w\" .. execution .. \"-\" .. id .. \"-\" .. counter)");
    }

    /**
     * A script whose {@code request} returns {@code request} (a Lua expression over {@code execution}, {@code id} and
     * {@code counter}, the numbers of the {@code wrk} execution, the thread and the request), after {@code locals}.
     */
    private static String script(String what, String locals, String headers, String request) {
        return String.join("\n",
                "-- Written by the benchmark (Wrk.java): " + what,
                "-- setup runs in the main Lua state and gives each thread's state its own global id.",
                "local counter, threads, execution = 0, 0, \"0\"",
                locals,
                "local headers = { " + headers + " }",
                "setup = function(thread) thread:set(\"id\", threads); threads = threads + 1 end",
                "init = function(args) execution = args[1] or \"0\" end",
                "request = function()",
                "  counter = counter + 1",
                "  return " + request,
                "end", "");
    }

    private static String lua(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }

    private static String execute(Path script, String url, int connections, double seconds)
            throws IOException, InterruptedException {
        int threads = Math.min(connections, Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<String> command = new ArrayList<>(List.of(COMMAND, "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, Math.round(seconds)) + "s", "--latency", "-s", script.toString(), url, "--",
                Long.toString(EXECUTIONS.incrementAndGet())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor((long) seconds + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not end: " + String.join(" ", command));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0)
            throw new IOException("wrk exited with " + p.exitValue() + ": " + text.strip());
        return text;
    }

    /** The result of one {@code wrk --latency} run from its report. */
    static LoadDriver.Result parse(String name, String report) throws IOException {
        Matcher total = REQUESTS.matcher(report);
        if (!total.find())
            throw new IOException("no request count in wrk's report: " + report.strip());
        long requests = Long.parseLong(total.group(1));
        double seconds = millis(total.group(2), total.group(3)) / 1000;
        double p50 = Double.NaN, p99 = Double.NaN;
        for (Matcher m = PERCENTILE.matcher(report); m.find(); ) {
            if (m.group(1).equals("50"))
                p50 = millis(m.group(2), m.group(3));
            else
                p99 = millis(m.group(2), m.group(3));
        }
        long errors = 0, failedAnswers = 0;
        String first = null;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            failedAnswers = Long.parseLong(non2xx.group(1)); // counted among the requests by wrk
            errors += failedAnswers;
            first = non2xx.group();
        }
        Matcher socket = SOCKET_ERRORS.matcher(report);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++)
                errors += Long.parseLong(socket.group(g));
            first = first == null ? socket.group() : first;
        }
        return new LoadDriver.Result(name, requests - failedAnswers, errors, seconds, p50, p99, first);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}
