package org.icakg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * {@code serve} runs with {@value #FLAG}. ARQ's SPARQL tokenizer is one method of about 15,000 bytes of bytecode,
 * over the JVM's 8,000-byte limit for JIT compilation, so by default it is only ever interpreted: parsing a small
 * query then costs about ten times executing it, and does not scale across threads. The flag cannot be set from
 * inside a running JVM or from the jar's manifest, so when {@code serve} starts without it, it starts itself
 * again with it: the same java, the same JVM options, the same class path and arguments. The first process waits,
 * passes a stop on to the second and exits with its status; the second stops when the first one is gone. The second
 * also starts from a {@link ClassArchive} of the classes it loads, recorded by the first server that ran the jar.
 */
final class Relaunch {

    /** Lets the JIT compile methods over 8,000 bytes of bytecode. */
    static final String FLAG = "-XX:-DontCompileHugeMethods";
    /** Set in the relaunched JVM: it then watches its standard input, which closes when the launcher ends. */
    static final String LAUNCHED_PROPERTY = "ica-kg.launcher";

    private Relaunch() {}

    /**
     * True when this JVM runs with HotSpot's default limit on huge methods. Naming the option on the command line
     * either way ({@code -XX:+DontCompileHugeMethods} keeps the limit) means no relaunch.
     */
    static boolean needed() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption option = hotspot == null ? null : hotspot.getVMOption("DontCompileHugeMethods");
            return option != null && option.getOrigin() == VMOption.Origin.DEFAULT && "true".equals(option.getValue());
        } catch (IllegalArgumentException e) {
            return false; // Not HotSpot: nothing to change.
        }
    }

    /** Runs {@code argv} in a JVM with {@link #FLAG}, and returns its exit status. */
    static int run(String[] argv) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add(FLAG);
        long pid = ProcessHandle.current().pid();
        Optional<ClassArchive> archive = ClassArchive.forClassPath(System.getProperty("java.class.path"),
                System.getProperty("java.vm.version"));
        archive.ifPresent(a -> command.addAll(a.jvmOptions(pid)));
        command.add("-D" + LAUNCHED_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(argv));
        Process child;
        try {
            // Standard input is a pipe that stays open while this process lives: see watchLauncher().
            child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child, archive, pid), "ica-kg-relaunch-stop"));
        while (true) {
            try {
                int status = child.waitFor();
                archive.ifPresent(a -> a.keep(pid));
                return status;
            } catch (InterruptedException e) {
                // Keep waiting: the shutdown hook ends the child.
            }
        }
    }

    private static void stop(Process child, Optional<ClassArchive> archive, long pid) {
        child.destroy();
        try {
            child.waitFor();
            archive.ifPresent(a -> a.keep(pid));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * In a relaunched JVM: exits once the launcher is gone (its end of the standard-input pipe closes, even when it
     * was killed with {@code kill -9}), so no server outlives the process that was started.
     */
    static void watchLauncher() {
        if (System.getProperty(LAUNCHED_PROPERTY) == null)
            return;
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // The launcher never writes; read until end of stream.
                }
            } catch (IOException e) {
                // Closed: the launcher is gone.
            }
            System.exit(143);
        }, "ica-kg-launcher-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
