package org.icakg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.icakg.cli.Main;

/**
 * A server under test in a child process, with its log in a file: a {@link BenchTarget}, which says {@code ready} and
 * answers {@code heap} on its standard streams, or this service launched as a user launches it ({@link #serve}).
 */
final class ServerProcess implements AutoCloseable {

    private static final long STOP_WAIT_SECONDS = 20, JCMD_SECONDS = 60;

    private final Process process;
    /** A {@link BenchTarget}'s standard output and input; null for a service launched by {@link #serve}. */
    private final BufferedReader out;
    private final Writer in;
    private final Path log;
    private final int port;
    private final long readyMillis;

    private ServerProcess(Process process, Path log, long started) throws IOException {
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = expect("ready");
        this.readyMillis = (System.nanoTime() - started) / 1_000_000;
        this.port = Integer.parseInt(ready.substring("ready ".length()).trim());
    }

    private ServerProcess(Process process, Path log, int port, long readyMillis) {
        this.process = process;
        this.log = log;
        this.out = null;
        this.in = null;
        this.port = port;
        this.readyMillis = readyMillis;
    }

    /** Starts {@code BenchTarget args} in a JVM with {@code jvmOptions} and waits until it says it is ready. */
    static ServerProcess start(List<String> jvmOptions, List<String> args, Path log) throws IOException {
        long started = System.nanoTime();
        return new ServerProcess(spawn(jvmOptions, BenchTarget.class.getName(), args, log), log, started);
    }

    /**
     * Launches {@code serve ARGS --port P} as {@link #spawnServe} does, as a user would from a shell (so through the
     * launcher and the server JVM it starts, with the options that launcher gives it), and waits for its first answer
     * to {@code ASK {}}: {@link #readyMillis} is the time from the launch to that answer.
     */
    static ServerProcess serve(Optional<Path> serviceJar, List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException, InterruptedException {
        int port = Startup.freePort();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port)));
        args.addAll(serveArgs);
        long started = System.nanoTime();
        Process process = spawnServe(serviceJar, jvmOptions, args, log);
        try {
            return new ServerProcess(process, log, port, Startup.awaitFirstAnswer(process, port, started, serveArgs, log));
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Starts {@code serve ARGS} as a user would from a shell: {@code java OPTIONS -jar SERVICE_JAR serve ARGS}, or,
     * when the service's jar has not been built, its main class on this class path. Output goes to {@code log}.
     */
    static Process spawnServe(Optional<Path> serviceJar, List<String> jvmOptions, List<String> serveArgs, Path log)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("serve"));
        args.addAll(serveArgs);
        if (serviceJar.isEmpty())
            return spawn(jvmOptions, Main.class.getName(), args, log);
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(serviceJar.get().toString());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts a JVM running {@code mainClass args} on this classpath; its output goes to {@code log}. */
    static Process spawn(List<String> jvmOptions, String mainClass, List<String> args, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    private static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    int port() { return port; }

    /** Time from the launch to a {@link BenchTarget}'s {@code ready} line, or to this service's first answer ({@link #serve}). */
    long readyMillis() { return readyMillis; }

    /**
     * Used heap after a full collection, in bytes. A service launched by {@link #serve} is asked through the JDK's
     * {@code jcmd} ({@code GC.run}, then {@code GC.heap_info}), in the JVM that serves: the launcher's child.
     */
    long heapAfterGc() throws IOException, InterruptedException {
        if (in == null)
            return usedAfterGc(servingJvm(process.toHandle()));
        in.write("heap\n");
        in.flush();
        return Long.parseLong(expect("heap").substring("heap ".length()).trim());
    }

    /** The JVM that serves: the launcher's last live descendant when it started one, else the launched process. */
    static long servingJvm(ProcessHandle launched) {
        List<ProcessHandle> children = launched.descendants().filter(ProcessHandle::isAlive).toList();
        return children.isEmpty() ? launched.pid() : children.get(children.size() - 1).pid();
    }

    /** Heap used after a full collection of JVM {@code pid}, from {@code jcmd}. */
    static long usedAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return usedHeapBytes(jcmd(pid, "GC.heap_info"));
    }

    /** The used heap in {@code GC.heap_info}'s answer ({@code "... heap   total 1048576K, used 351234K [..."}). */
    static long usedHeapBytes(String heapInfo) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(heapInfo);
        if (!m.find())
            throw new IOException("jcmd GC.heap_info gave no used heap: " + heapInfo.strip());
        return Long.parseLong(m.group(1)) << 10;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd))
            throw new IOException("the JDK's jcmd is needed to read the served JVM's heap, and " + jcmd + " is not there");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        // Its answer is a few lines, well within the pipe's buffer: wait for it to end first, within a limit.
        if (!p.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " did not answer within " + JCMD_SECONDS + " s");
        }
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0)
            throw new IOException("jcmd " + pid + " " + command + " ended with status " + p.exitValue() + ": " + answer.strip());
        return answer;
    }

    private String expect(String word) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(word))
                return line;
        }
        throw new IOException("the server process ended before saying '" + word + "'; its log " + log + " ends with:\n"
                + tail(log));
    }

    /** The last lines of a log, to explain a failure. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (in == null) {
            process.destroy(); // the launcher stops the server it started, as on Ctrl-C
        } else {
            try {
                in.write("stop\n");
                in.flush();
            } catch (IOException e) {
                // Already gone.
            }
        }
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
