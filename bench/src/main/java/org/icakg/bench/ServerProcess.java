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

/** A {@link BenchTarget} (or the service's own command) running in a child JVM, with its log in a file. */
final class ServerProcess implements AutoCloseable {

    private static final long STOP_WAIT_SECONDS = 20;

    private final Process process;
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

    /** Starts {@code BenchTarget args} in a JVM with {@code jvmOptions} and waits until it says it is ready. */
    static ServerProcess start(List<String> jvmOptions, List<String> args, Path log) throws IOException {
        long started = System.nanoTime();
        return new ServerProcess(spawn(jvmOptions, BenchTarget.class.getName(), args, log), log, started);
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

    /** Time from spawning the JVM to its {@code ready} line. */
    long readyMillis() { return readyMillis; }

    /** Used heap after a full collection, in bytes. */
    long heapAfterGc() throws IOException {
        in.write("heap\n");
        in.flush();
        return Long.parseLong(expect("heap").substring("heap ".length()).trim());
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
        try {
            in.write("stop\n");
            in.flush();
        } catch (IOException e) {
            // Already gone.
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
