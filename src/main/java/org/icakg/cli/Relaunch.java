package org.icakg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * {@code serve} runs with {@value #FLAG}. ARQ's SPARQL tokenizer is one method of about 15,000 bytes of bytecode,
 * over the JVM's 8,000-byte limit for JIT compilation, so by default it is only ever interpreted: parsing a small
 * query then costs about ten times executing it, and does not scale across threads. The flag cannot be set from
 * inside a running JVM or from the jar's manifest, so when {@code serve} starts without it, it starts itself
 * again with it: the same java, the same JVM options, the same class path and arguments. The first process waits,
 * passes a stop on to the second and exits with its status; the second stops when the first one is gone. The second
 * also starts from a {@link ClassArchive} of the classes it loads, recorded by the first server that ran the jar, and
 * with {@link JitDirectives} that keep the optimising compiler off the JDK code only a start runs hot, and on the JDK's
 * own locale data ({@link #JDK_LOCALE_DATA}).
 *
 * <p>The first process does nothing else, and as little as it can before the second one starts: it reads its own
 * command line ({@code /proc/self/cmdline}) rather than asking the JVM's management beans (which load and start some
 * 500 classes, about half of what the launcher loads), and builds no lambda or concatenated string on the way.
 */
final class Relaunch {

    /** Lets the JIT compile methods over 8,000 bytes of bytecode. */
    static final String FLAG = "-XX:-DontCompileHugeMethods";
    /** Set in the relaunched JVM: it then watches its standard input, which closes when the launcher ends. */
    static final String LAUNCHED_PROPERTY = "ica-kg.launcher";
    /** Environment variables whose JVM options every java command of the environment runs with. */
    static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private static final String OPTION_NAME = "DontCompileHugeMethods";

    /**
     * The relaunched server reads the JDK's own locale data rather than the Unicode CLDR's. A start lists every
     * locale the JDK knows, twice: Jetty's MIME table asks for them all when its class initialises, and the log's date
     * format asks the calendar data whether the default locale is among them. CLDR knows some 1,000 locales, the JDK's
     * own data about 170, so that listing, the code the JIT compiles for it and the garbage it leaves cost a reopen
     * about a seventh of its processor time to the first answer. The server formats only numbers and numeric dates
     * (log times, {@code xsd:dateTime} values), which both sets of data write alike. Used on the JDKs that have
     * that data without a warning (9 to 20; 21 warns that it will go, 23 has removed it), and not when the user's
     * options or environment choose the locale providers.
     */
    static final String JDK_LOCALE_DATA = "-Djava.locale.providers=COMPAT";
    private static final String LOCALE_PROVIDERS = "java.locale.providers";

    /**
     * The relaunched server's young generation starts at 64 MB or more, where it would start at a twentieth of the
     * initial heap (about 19 MB on a machine of 23 GB): a reopen allocates some 23 MB before its first answer, a start
     * on the bundled data some 35 MB, so the smaller floor paused each for a young collection (40 to 160 ms on a busy
     * machine of two cores; two of them on the bundled data) before it answered. The floor only moves the first
     * collections after the first answer; the collector still sizes the young generation as it likes above it. Not
     * given when the user's options or environment size the young generation ({@code NewSize}, {@code MaxNewSize},
     * {@code NewRatio}, {@code -Xmn}) or the heap is under {@link #YOUNG_FLOOR_MIN_HEAP} bytes.
     */
    static final String YOUNG_FLOOR = "-XX:NewSize=64m";
    static final long YOUNG_FLOOR_MIN_HEAP = 256L << 20;

    /**
     * A server that loads at least {@link #LARGE_LOAD_BYTES} of data files in memory starts with a heap and a young
     * generation sized for what the load keeps ({@link #heapOptions}): about six bytes of heap per byte of TriG, all of
     * it alive until the server stops. Sized by the collector's defaults, the heap started at 380 MB and grew in four
     * steps, and G1, holding to its pause-time goal on two busy cores, kept the young generation near 60 MB, so a load
     * of the 1 M benchmark file ran 22 young collections (each copying what the load had added since the one before,
     * the statement table's arrays re-scanned every time) and, as the heap filled, a concurrent marking cycle. With
     * an initial heap of 18 bytes and a young generation of 6 bytes per byte of data (capped at half and three
     * twentieths of the maximum heap), the same load ran 8 young collections and no marking: G1's threads 4.2 s → 2.6 s
     * of processor time, the whole process 18.0 s → 14.1 s (three and two loads, busy machine). Each is left to the
     * user's options when they size it.
     */
    static final long LARGE_LOAD_BYTES = org.icakg.ServerConfig.LARGE_LOAD_BYTES;

    /**
     * A large load's heap is backed by the kernel's transparent huge pages where the kernel gives them to the
     * processes that ask ({@code madvise}, Debian's default; with {@code always} every process has them, with
     * {@code never} none). The statement table and the union's indexes are probed at random across hundreds of
     * megabytes, and with 4 KB pages nearly every probe also missed the processor's address cache; each fresh page of
     * the young generation was also a fault of its own. Loading the 1 M benchmark file, five interleaved rounds on an
     * otherwise idle machine: ready 9.5 → 8.8 s, the process's processor time 15.6 → 14.4 s (medians). Left out when
     * the user's options name huge or large pages either way.
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    /** The kernel's transparent huge page mode ({@code always [madvise] never}), or "" where it cannot be read. */
    static String hugePageMode() {
        try {
            return Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The heap options {@link #run} gives the server for {@code argv} under a maximum heap of {@code maxHeapBytes};
     * {@code hugePageMode} is asked for the kernel's transparent huge page mode only for a large load.
     */
    static List<String> heapOptions(List<String> options, Map<String, String> environment, long maxHeapBytes,
            String[] argv, Supplier<String> hugePageMode) {
        List<String> out = new ArrayList<>(3);
        long data = loadBytes(argv);
        if (data >= LARGE_LOAD_BYTES) {
            if (!names(options, environment, "-Xms") && !names(options, environment, "InitialHeapSize"))
                out.add("-Xms" + (Math.min(maxHeapBytes / 2, Math.max(256L << 20, 18 * data)) >> 20) + "m");
            if (!sizesYoung(options, environment))
                out.add("-XX:NewSize=" + (Math.min(maxHeapBytes * 3 / 20, Math.max(64L << 20, 6 * data)) >> 20) + "m");
            if (hugePageMode.get().contains("[madvise]") && !names(options, environment, "HugePages")
                    && !names(options, environment, "LargePages"))
                out.add(HUGE_PAGES);
        } else if (youngFloor(options, environment, maxHeapBytes)) {
            out.add(YOUNG_FLOOR);
        }
        return out;
    }

    /**
     * The bytes of the data files {@code serve ARGV} loads ({@code --data PATH} or {@code --data=PATH}, a file or a
     * folder of them). Paths that cannot be read count for nothing (the server reports them).
     */
    static long loadBytes(String[] argv) {
        long bytes = 0;
        for (int i = 0; i < argv.length; i++) {
            String path = null;
            if (argv[i].equals("--data") && i + 1 < argv.length)
                path = argv[++i];
            else if (argv[i].startsWith("--data="))
                path = argv[i].substring("--data=".length());
            if (path != null)
                bytes += bytes(Path.of(path));
        }
        return bytes;
    }

    private static long bytes(Path path) {
        long[] total = {0};
        try {
            // Links followed to what they name (a loop of links is a failed visit, not a hang).
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                            total[0] += a.size();
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // Unreadable: the server says so when it loads.
        }
        return total[0];
    }

    private Relaunch() {}

    /**
     * The plan for {@code serve ARGV} in this JVM: empty when it runs with HotSpot's limit on huge methods set
     * either way by the user (naming {@code -XX:+DontCompileHugeMethods} keeps the limit), or is the relaunched
     * JVM, or is not HotSpot; else the JVM options to run the second JVM with (this one's, without its class path).
     */
    static Optional<List<String>> needed(String[] argv) {
        if (System.getProperty(LAUNCHED_PROPERTY) != null)
            return Optional.empty();
        List<String> options = jvmOptions(commandLine(), argv);
        if (options == null)
            return neededByManagement(); // A command line this JVM cannot read, or one we do not follow: ask the JVM.
        if (!isHotSpot(System.getProperty("java.vm.name", "")) || namesFlag(options, System.getenv()))
            return Optional.empty();
        if (namesAgent(options, System.getenv()))
            return agentAttached();
        return Optional.of(options);
    }

    /**
     * True when the options, or an environment variable every java command reads, attach an agent: a native one
     * ({@code -agentlib:}, {@code -agentpath:}, the old {@code -Xrun}: debuggers, profilers), a Java one
     * ({@code -javaagent:}), or the JDK's management agent on a port ({@code -Dcom.sun.management.jmxremote.port=},
     * {@code .rmi.port=}: the launcher takes the port, and a second JVM asking for it ended "Port already in use").
     */
    static boolean namesAgent(List<String> options, Map<String, String> environment) {
        for (String option : options)
            if (isAgent(option))
                return true;
        for (String variable : OPTION_VARIABLES) {
            String value = environment.get(variable);
            if (value != null)
                for (String option : value.trim().split("\\s+"))
                    if (isAgent(option))
                        return true;
        }
        return false;
    }

    private static boolean isAgent(String option) {
        return option.startsWith("-agentlib:") || option.startsWith("-agentpath:") || option.startsWith("-javaagent:")
                || option.startsWith("-Xrun") || option.startsWith("-Dcom.sun.management.jmxremote.port=")
                || option.startsWith("-Dcom.sun.management.jmxremote.rmi.port=");
    }

    /**
     * No relaunch when an agent is attached: the agent belongs in the JVM that serves. A second JVM would get the same
     * agent again (a debugger's port, taken by the first JVM, refused it and the start ended), and a JVM recording its
     * class archive refuses native agents ("CDS dumping does not support native JVMTI agent"): the server then ended
     * with status 1 before it said anything.
     */
    private static Optional<List<String>> agentAttached() {
        System.err.println("ica-kg: an agent is attached to this JVM, so the server runs in it, without "
                + FLAG + " (SPARQL parsing runs interpreted); name " + FLAG + " to run it at full speed");
        return Optional.empty();
    }

    /** True for the JVMs that have the option (HotSpot and the JDKs built on it). */
    static boolean isHotSpot(String vmName) {
        return vmName.contains("HotSpot") || vmName.contains("Server VM");
    }

    /** True when the options, or an environment variable every java command reads, name the option either way. */
    static boolean namesFlag(List<String> options, Map<String, String> environment) {
        return names(options, environment, OPTION_NAME);
    }

    /** True when one of the options, or an environment variable every java command reads, contains {@code name}. */
    private static boolean names(List<String> options, Map<String, String> environment, String name) {
        for (String option : options)
            if (option.contains(name))
                return true;
        for (String variable : OPTION_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && value.contains(name))
                return true;
        }
        return false;
    }

    /**
     * True when the server JVM of the java specification version {@code javaVersion} ({@code "17"}) is given
     * {@link #JDK_LOCALE_DATA}: the JDK has that data without a warning, and neither {@code options} nor an
     * environment variable every java command reads names the locale providers.
     */
    static boolean jdkLocaleData(List<String> options, Map<String, String> environment, String javaVersion) {
        int feature;
        try {
            feature = Integer.parseInt(javaVersion);
        } catch (NumberFormatException e) {
            return false; // "1.8" and the like: no relaunch runs there anyway
        }
        return feature >= 9 && feature <= 20 && !names(options, environment, LOCALE_PROVIDERS);
    }

    /**
     * True when the server JVM whose heap may grow to {@code maxHeapBytes} (the launcher's, which runs with the same
     * options) is given {@link #YOUNG_FLOOR}: the heap is large enough and neither {@code options} nor an environment
     * variable every java command reads sizes the young generation.
     */
    static boolean youngFloor(List<String> options, Map<String, String> environment, long maxHeapBytes) {
        return maxHeapBytes >= YOUNG_FLOOR_MIN_HEAP && !sizesYoung(options, environment);
    }

    /** True when the options or an environment variable every java command reads size the young generation. */
    private static boolean sizesYoung(List<String> options, Map<String, String> environment) {
        return names(options, environment, "NewSize") || names(options, environment, "NewRatio")
                || names(options, environment, "-Xmn");
    }

    /**
     * The JVM options of the java command line {@code commandLine} (the executable first) that ends with
     * {@code -jar JAR ARGV} or {@code Main ARGV}, without the class path; null when the line does not end so or
     * reads options from a file ({@code @argfile}), which the caller then asks the JVM about.
     */
    static List<String> jvmOptions(List<String> commandLine, String[] argv) {
        int end = commandLine.size() - argv.length;
        if (commandLine.isEmpty() || end < 2 || !commandLine.subList(end, commandLine.size()).equals(Arrays.asList(argv)))
            return null;
        List<String> before = commandLine.subList(1, end);
        int last = before.size() - 1;
        List<String> options;
        if (last >= 1 && before.get(last - 1).equals("-jar"))
            options = before.subList(0, last - 1);
        else if (before.get(last).equals(Main.class.getName()))
            options = before.subList(0, last);
        else
            return null;
        List<String> kept = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            if (o.startsWith("@"))
                return null;
            if (o.equals("-cp") || o.equals("-classpath") || o.equals("--class-path"))
                i++; // and its value: the second JVM is given the class path by itself
            else if (!o.startsWith("--class-path="))
                kept.add(o);
        }
        return kept;
    }

    /** This process's command line, or empty when the system does not show it as a file. */
    private static List<String> commandLine() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<String> tokens = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    tokens.add(new String(raw, from, i - from, StandardCharsets.UTF_8));
                    from = i + 1;
                }
            }
            if (from < raw.length)
                tokens.add(new String(raw, from, raw.length - from, StandardCharsets.UTF_8));
            return tokens;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The plan, from the JVM's management beans: slower to start, but they know every option however it was given. */
    private static Optional<List<String>> neededByManagement() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption option = hotspot == null ? null : hotspot.getVMOption(OPTION_NAME);
            if (option == null || option.getOrigin() != VMOption.Origin.DEFAULT || !"true".equals(option.getValue()))
                return Optional.empty();
            List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
            return namesAgent(arguments, Map.of()) ? agentAttached() : Optional.of(arguments);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // Not HotSpot: nothing to change.
        }
    }

    /** Runs {@code argv} in a JVM with the JVM options {@code jvmOptions} and {@link #FLAG}; returns its exit status. */
    static int run(String[] argv, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        long pid = ProcessHandle.current().pid();
        String classPath = System.getProperty("java.class.path");
        Optional<ClassArchive> archive = ClassArchive.forClassPath(classPath, System.getProperty("java.vm.version"),
                onStore(argv) ? ClassArchive.STORE : ClassArchive.MEMORY);
        if (archive.isPresent()) {
            // Before the user's options, which can undo them.
            Optional<Path> directives = JitDirectives.ensure(JitDirectives.fileIn(archive.get().archive().getParent()), pid);
            if (directives.isPresent())
                command.addAll(JitDirectives.jvmOptions(directives.get()));
        }
        if (jdkLocaleData(jvmOptions, System.getenv(), System.getProperty("java.specification.version", "")))
            command.add(JDK_LOCALE_DATA);
        command.addAll(heapOptions(jvmOptions, System.getenv(), Runtime.getRuntime().maxMemory(), argv,
                Relaunch::hugePageMode));
        command.addAll(jvmOptions);
        command.add(FLAG);
        if (archive.isPresent())
            command.addAll(archive.get().jvmOptions(pid, !recordsFlight(jvmOptions)));
        command.add(new StringBuilder("-D").append(LAUNCHED_PROPERTY).append('=').append(pid).toString());
        command.add("-cp");
        command.add(archive.isPresent() ? archive.get().jar().toString() : classPath); // see ClassArchive
        command.add(Main.class.getName());
        command.addAll(Arrays.asList(argv));
        if (recordsFlight(jvmOptions))
            discardOwnRecordings();
        for (Path file : ownLogFiles(jvmOptions, System.getenv()))
            forgetOwnLog(file);
        Process child;
        try {
            // Standard input is a pipe that stays open while this process lives: see watchLauncher().
            child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Stop(child, archive, pid));
        while (true) {
            try {
                int status = child.waitFor();
                if (archive.isPresent())
                    archive.get().keep(pid);
                return status;
            } catch (InterruptedException e) {
                // Keep waiting: the shutdown hook ends the child.
            }
        }
    }

    /** True when the options start a flight recording ({@code -XX:StartFlightRecording}), which the server JVM gets too. */
    static boolean recordsFlight(List<String> jvmOptions) {
        for (String option : jvmOptions)
            if (option.startsWith("-XX:StartFlightRecording"))
                return true;
        return false;
    }

    /**
     * Closes this JVM's flight recordings without writing them: the server JVM, started with the same options, records
     * what the user asked to see, to the same file. Both wrote it when they ended, the launcher last, so the file
     * held the launcher's few seconds of waiting or was unreadable ("Unknown string encoding"). That server JVM does
     * not record a class archive ({@link ClassArchive#jvmOptions(long, boolean)}): the JVM switches flight recording
     * off while it does.
     */
    private static void discardOwnRecordings() {
        for (jdk.jfr.Recording recording : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings())
            recording.close();
    }

    /**
     * The files this JVM logs to that the server JVM, started with the same options, logs to as well: the outputs of
     * {@code -Xlog:WHAT:file=NAME} (or {@code -Xlog:WHAT:NAME}) and {@code -Xloggc:NAME} in {@code options} or in an
     * environment variable every java command reads, rotated as by default. Not those whose name holds {@code %}
     * ({@code %p}, {@code %t}: a file of each JVM's own), nor those with {@code filecount=0} (appended to, not
     * rotated: the file may hold what the user logged before).
     */
    static List<Path> ownLogFiles(List<String> options, Map<String, String> environment) {
        List<Path> files = new ArrayList<>();
        for (String option : options)
            addLogFile(option, files);
        for (String variable : OPTION_VARIABLES) {
            String value = environment.get(variable);
            if (value != null)
                for (String option : value.trim().split("\\s+"))
                    addLogFile(option, files);
        }
        return files;
    }

    private static void addLogFile(String option, List<Path> files) {
        String name;
        if (option.startsWith("-Xloggc:")) {
            name = option.substring("-Xloggc:".length());
        } else if (option.startsWith("-Xlog:")) {
            List<String> parts = logParts(option.substring("-Xlog:".length()));
            if (parts.size() < 2)
                return; // standard output, or no output at all (-Xlog:disable, -Xlog:async)
            String output = parts.get(1);
            if (output.startsWith("file="))
                output = output.substring("file=".length());
            else if (output.isEmpty() || output.equals("stdout") || output.equals("stderr") || output.startsWith("#"))
                return;
            if (parts.size() >= 4)
                for (String setting : parts.get(3).split(","))
                    if (setting.trim().equals("filecount=0"))
                        return;
            name = output;
        } else {
            return;
        }
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\""))
            name = name.substring(1, name.length() - 1);
        if (name.isEmpty() || name.indexOf('%') >= 0)
            return;
        Path file = Path.of(name);
        if (!files.contains(file))
            files.add(file);
    }

    /** The parts of an {@code -Xlog:} option's value, split at colons outside double quotes. */
    private static List<String> logParts(String value) {
        List<String> parts = new ArrayList<>(4);
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"')
                quoted = !quoted;
            if (c == ':' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /**
     * Removes the log file {@code file} this JVM opened when it started, before the server JVM starts. A JVM that
     * logs to a file with rotation moves a file already there aside ({@code NAME.0}, {@code NAME.1}, ...) and starts a
     * new one, so the file holds this JVM's own lines only; left there, the server moved it aside in turn, each start
     * took two of the rotation's files (the user's earlier logs were dropped twice as fast) and one of them held the
     * launcher's few lines, written again when it ended. Removed, the server starts the file anew, as one JVM would;
     * this JVM's later lines go to the removed file, which no one reads. Only a regular file (not a pipe or device).
     */
    private static void forgetOwnLog(Path file) {
        try {
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                Files.delete(file);
        } catch (IOException | RuntimeException e) {
            // The server's JVM moves it aside then, as before.
        }
    }

    /** True when {@code serve ARGV} runs on a TDB2 store ({@code --store DIR} or {@code --store=DIR}). */
    static boolean onStore(String[] argv) {
        for (String a : argv)
            if (a.equals("--store") || a.startsWith("--store="))
                return true;
        return false;
    }

    /** The launcher's shutdown hook: stops the server it started, then keeps the class archive it recorded. */
    private static final class Stop extends Thread {
        private final Process child;
        private final Optional<ClassArchive> archive;
        private final long pid;

        Stop(Process child, Optional<ClassArchive> archive, long pid) {
            super("ica-kg-relaunch-stop");
            this.child = child;
            this.archive = archive;
            this.pid = pid;
        }

        @Override
        public void run() {
            child.destroy();
            try {
                child.waitFor();
                if (archive.isPresent())
                    archive.get().keep(pid);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
