package org.icakg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ica-kg} command run in a JVM of its own, with its output (the log) kept in a file. */
public final class ServerProcess implements AutoCloseable {

    static final Pattern SERVING = Pattern.compile("ica-kg serving http://[^:]+:(\\d+)/");
    static final long START_TIMEOUT_MS = 180_000;

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -cp <test class path> org.icakg.cli.Main ARGS}, output to {@code log}. */
    public static ServerProcess run(Path log, String... args) {
        return run(log, List.of(), args);
    }

    /** Like {@link #run(Path, String...)}, with the java command run by {@code wrapper} (e.g. {@code unshare ...}). */
    public static ServerProcess run(Path log, List<String> wrapper, String... args) {
        return run(log, wrapper, List.of(), args);
    }

    /** Like {@link #run(Path, List, String...)}, with extra JVM options. */
    public static ServerProcess run(Path log, List<String> wrapper, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(javaCommand(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), "org.icakg.cli.Main"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServerProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code serve ARGS --port 0} and waits until it answers; returns it with its port known. */
    public static Started serve(Path log, String... args) {
        return serve(log, List.of(), args);
    }

    /** Like {@link #serve(Path, String...)}, with the java command run by {@code wrapper}. */
    public static Started serve(Path log, List<String> wrapper, String... args) {
        return serve(log, wrapper, List.of(), args);
    }

    /** Like {@link #serve(Path, List, String...)}, with extra JVM options. */
    public static Started serve(Path log, List<String> wrapper, List<String> jvmOptions, String... args) {
        List<String> all = new ArrayList<>(List.of("serve", "--port", "0"));
        all.addAll(List.of(args));
        ServerProcess p = run(log, wrapper, jvmOptions, all.toArray(String[]::new));
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = SERVING.matcher(p.log());
            if (m.find())
                return new Started(p, Integer.parseInt(m.group(1)));
            if (!p.process.isAlive())
                throw new IllegalStateException("the server exited with " + p.process.exitValue() + ":\n" + p.log());
            sleep(50);
        }
        p.close();
        throw new IllegalStateException("the server did not start in " + START_TIMEOUT_MS + " ms:\n" + p.log());
    }

    /** A started server and the port it answers on. */
    public record Started(ServerProcess process, int port) implements AutoCloseable {
        public String url(String path) { return "http://127.0.0.1:" + port + path; }

        @Override
        public void close() { process.close(); }
    }

    /** The running process (the wrapper's, when there is one), to look at its children. */
    public ProcessHandle handle() { return process.toHandle(); }

    /** Waits for the process to end by itself; its exit status. */
    public int exitStatus(long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                throw new IllegalStateException("still running after " + timeoutSeconds + " s:\n" + log());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown hook runs. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        exitStatus(30);
    }

    /** Everything the process has written so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process politely (its shutdown hook closes the store), forcibly after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive())
            return;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS))
                kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path the tests run with (Surefire and Failsafe name it apart from their own booter jar). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
