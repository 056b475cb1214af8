package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.icakg.support.Fixtures;
import org.icakg.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} started as documented runs with the JIT allowed to compile the SPARQL tokenizer, and no longer. */
class RelaunchTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void serve_runs_in_a_jvm_that_compiles_huge_methods_and_stops_when_its_launcher_is_killed(@TempDir Path dir)
            throws Exception {
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"), List.of(),
                List.of("-Dica-kg.test-mark=kept", "-Xss2m"), "--data", Fixtures.TINY.toString())) {
            ProcessHandle launcher = s.process().handle();
            List<ProcessHandle> servers = launcher.descendants().toList();
            assertEquals(1, servers.size(), "one relaunched server JVM");
            ProcessHandle server = servers.get(0);
            List<String> commandLine = List.of(Files.readString(Path.of("/proc", Long.toString(server.pid()), "cmdline"))
                    .split("\u0000"));
            assertTrue(commandLine.contains(Relaunch.FLAG), "the server JVM runs with " + Relaunch.FLAG + ": " + commandLine);
            assertEquals(Relaunch.jdkLocaleData(List.of(), Map.of(), System.getProperty("java.specification.version")),
                    commandLine.contains(Relaunch.JDK_LOCALE_DATA), "the JDK's own locale data where it has it: " + commandLine);
            assertTrue(commandLine.contains(Relaunch.YOUNG_FLOOR), "a floor under the young generation: " + commandLine);
            assertTrue(commandLine.containsAll(List.of("-Xmx512m", "-Dica-kg.test-mark=kept", "-Xss2m")),
                    "and with the options the launcher was given: " + commandLine);
            assertEquals(1, commandLine.stream().filter(a -> a.equals("-cp")).count(), "one class path: " + commandLine);
            assertTrue(commandLine.subList(commandLine.indexOf(Main.class.getName()), commandLine.size())
                    .containsAll(List.of("serve", "--port", "0", "--data", Fixtures.TINY.toString())), commandLine.toString());
            assertEquals(200, ask(s.url("/sparql?query=ASK%7B%7D")));

            launcher.destroyForcibly(); // kill -9: the launcher runs no shutdown hook
            server.onExit().completeOnTimeout(server, 20, TimeUnit.SECONDS).get();
            assertFalse(server.isAlive(), "the server ends with its launcher");
        }
    }

    @Test
    void the_launcher_loads_no_class_of_jena_and_the_server_does(@TempDir Path dir) throws Exception {
        String classes = dir.resolve("classes-%p.log").toString(); // one file per JVM, named by its process id
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"), List.of(),
                List.of("-Xlog:class+load=info:file=" + classes), "--data", Fixtures.TINY.toString())) {
            assertEquals(200, ask(s.url("/sparql?query=ASK%7B%7D")));
            ProcessHandle launcher = s.process().handle();
            ProcessHandle server = launcher.descendants().findFirst().orElseThrow();
            String launcherClasses = Files.readString(dir.resolve("classes-" + launcher.pid() + ".log"));
            String serverClasses = Files.readString(dir.resolve("classes-" + server.pid() + ".log"));
            assertTrue(launcherClasses.contains(Relaunch.class.getName()), "the launcher's classes are logged");
            assertTrue(serverClasses.contains("org.apache.jena."), "the server's classes are logged");
            assertFalse(launcherClasses.contains("org.apache.jena."), "the launcher loads no class of Jena");
        }
    }

    @Test
    void naming_the_jit_option_on_the_command_line_means_no_relaunch(@TempDir Path dir) {
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"),
                List.of(), List.of("-XX:+DontCompileHugeMethods"), "--data", Fixtures.TINY.toString())) {
            assertEquals(0, s.process().handle().descendants().count(), "the launcher serves itself");
        }
    }

    @Test
    void a_debugger_named_with_a_port_of_its_own_attaches_to_the_jvm_that_serves(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String debugger = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port;
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"), List.of(), List.of(debugger),
                "--data", Fixtures.TINY.toString())) {
            assertEquals(200, ask(s.url("/sparql?query=ASK%7B%7D")));
            assertEquals(0, s.process().handle().descendants().count(), "the JVM the debugger is attached to serves");
            assertTrue(s.process().log().contains("an agent is attached to this JVM"), s.process().log());
            try (Socket jdwp = new Socket(InetAddress.getLoopbackAddress(), port)) {
                jdwp.setSoTimeout(10_000);
                byte[] handshake = "JDWP-Handshake".getBytes(StandardCharsets.US_ASCII);
                jdwp.getOutputStream().write(handshake);
                assertEquals(new String(handshake, StandardCharsets.US_ASCII),
                        new String(jdwp.getInputStream().readNBytes(handshake.length), StandardCharsets.US_ASCII),
                        "the debugger's port answers");
            }
            assertEquals(200, ask(s.url("/sparql?query=ASK%7B%7D")), "and the server still answers");
        }
    }

    @Test
    void a_flight_recording_asked_for_on_the_command_line_is_the_server_jvms(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("server.jfr");
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"), List.of(),
                List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=default"),
                "--data", Fixtures.TINY.toString())) {
            assertEquals(1, s.process().handle().descendants().count(), "relaunched as usual");
            assertEquals(200, ask(s.url("/sparql?query=ASK%7B%7D")));
            assertTrue(!Files.exists(recording) || Files.size(recording) == 0,
                    "no recording written while the server runs (the launcher wrote its own there)");
        } // stopped as a user stops it: the launcher passes the stop on, both JVMs end
        List<String> jvms = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.JVMInformation"))
                    jvms.add(event.getString("jvmArguments"));
            }
        }
        assertFalse(jvms.isEmpty(), "the recording is readable and describes its JVM");
        for (String arguments : jvms)
            assertTrue(arguments.contains(Relaunch.FLAG), "the server JVM's recording, not the launcher's: " + arguments);
    }

    @Test
    void a_log_file_asked_for_on_the_command_line_is_the_server_jvms_alone_and_rotates_once_per_start(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("classes.log");
        Files.writeString(log, "an earlier start's log\n");
        try (ServerProcess.Started s = ServerProcess.serve(dir.resolve("server.log"), List.of(),
                List.of("-Xlog:class+load=info:file=" + log), "--data", Fixtures.TINY.toString())) {
            assertEquals(1, s.process().handle().descendants().count(), "relaunched as usual");
            assertEquals(200, ask(s.url("/sparql?query=ASK%7B%7D")));
        } // stopped as a user stops it: the launcher passes the stop on, both JVMs end
        String lines = Files.readString(log);
        assertTrue(lines.contains("org.apache.jena."), "the server's classes are logged");
        assertEquals(1, lines.lines().filter(l -> l.contains(" java.lang.Object source:")).count(),
                "one JVM's log, from its start to its end (each JVM logs loading java.lang.Object once)");
        assertEquals("an earlier start's log\n", Files.readString(dir.resolve("classes.log.0")),
                "the earlier log moved aside, once");
        assertFalse(Files.exists(dir.resolve("classes.log.1")), "and no other file of this start beside it");
    }

    @Test
    void the_launcher_names_the_log_files_it_shares_with_the_server() {
        assertEquals(List.of(Path.of("gc.log"), Path.of("/tmp/a b.log"), Path.of("c.log"), Path.of("gc2.log"),
                        Path.of("env.log")),
                Relaunch.ownLogFiles(List.of("-Xlog:gc*:file=gc.log", "-Xlog:safepoint:file=gc.log:uptime",
                        "-Xlog:gc:file=\"/tmp/a b.log\"::filecount=3", "-Xlog:class+load:c.log", "-Xloggc:gc2.log"),
                        Map.of("JDK_JAVA_OPTIONS", " -Xmx1g -Xlog:gc:file=env.log")));
        // Standard output, a file of each JVM's own, a file appended to, or no output: nothing shared to take back.
        assertEquals(List.of(), Relaunch.ownLogFiles(List.of("-Xlog:gc", "-Xlog:gc:stdout", "-Xlog:gc:stderr",
                "-Xlog:gc:file=gc-%p.log", "-Xlog:gc:file=gc.log::filecount=0", "-Xlog:disable", "-Xlog:async",
                "-Xmx1g"), Map.of("PATH", "/bin")));
    }

    @Test
    void an_agent_named_on_the_command_line_or_in_the_environment_means_no_relaunch() {
        assertTrue(Relaunch.namesAgent(List.of("-Xmx1g", "-agentlib:jdwp=transport=dt_socket,server=y"), Map.of()));
        assertTrue(Relaunch.namesAgent(List.of("-agentpath:/opt/profiler/libasyncProfiler.so=start"), Map.of()));
        assertTrue(Relaunch.namesAgent(List.of("-javaagent:agent.jar"), Map.of()));
        assertTrue(Relaunch.namesAgent(List.of("-Xrunjdwp:transport=dt_socket"), Map.of()));
        assertTrue(Relaunch.namesAgent(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Xmx1g -javaagent:/a/b.jar")));
        // The JDK's management agent on a port: the launcher would hold the port the server asks for.
        assertTrue(Relaunch.namesAgent(List.of("-Dcom.sun.management.jmxremote.port=9010"), Map.of()));
        assertTrue(Relaunch.namesAgent(List.of("-Dcom.sun.management.jmxremote.rmi.port=9011"), Map.of()));
        assertFalse(Relaunch.namesAgent(List.of("-Dcom.sun.management.jmxremote"), Map.of()), "local JMX binds no port");
        assertFalse(Relaunch.namesAgent(List.of("-Xmx1g", "-Dname=-agentlib:x"), Map.of("JDK_JAVA_OPTIONS", "-Xss2m")));
    }

    @Test
    void the_launcher_reads_the_jvm_options_from_its_command_line_without_the_class_path() {
        String[] argv = {"serve", "--port", "0"};
        assertEquals(List.of("-Xmx2g", "-Dx=y"),
                Relaunch.jvmOptions(List.of("/usr/bin/java", "-Xmx2g", "-Dx=y", "-jar", "target/ica-kg.jar", "serve", "--port", "0"), argv));
        assertEquals(List.of("-Xmx2g"), Relaunch.jvmOptions(List.of("java", "-cp", "a.jar:b.jar", "-Xmx2g",
                "--class-path=c.jar", Main.class.getName(), "serve", "--port", "0"), argv));
        assertEquals(List.of(), Relaunch.jvmOptions(List.of("java", "-jar", "ica-kg.jar", "serve", "--port", "0"), argv));
        // Options read from a file, an unknown main class or a line that does not end with the arguments: ask the JVM.
        assertEquals(null, Relaunch.jvmOptions(List.of("java", "@opts", "-jar", "ica-kg.jar", "serve", "--port", "0"), argv));
        assertEquals(null, Relaunch.jvmOptions(List.of("java", "-m", "x/y.Z", "serve", "--port", "0"), argv));
        assertEquals(null, Relaunch.jvmOptions(List.of("java", "-jar", "ica-kg.jar", "serve"), argv));
        assertEquals(null, Relaunch.jvmOptions(List.of(), argv));
    }

    @Test
    void the_option_named_in_the_environment_of_every_java_command_means_no_relaunch() {
        assertTrue(Relaunch.namesFlag(List.of("-XX:+DontCompileHugeMethods"), Map.of()));
        assertTrue(Relaunch.namesFlag(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xmx1g -XX:-DontCompileHugeMethods")));
        assertTrue(Relaunch.namesFlag(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-XX:+DontCompileHugeMethods")));
        assertFalse(Relaunch.namesFlag(List.of("-Xmx1g"), Map.of("JDK_JAVA_OPTIONS", "-Xmx1g", "PATH", "/bin")));
        assertTrue(Relaunch.isHotSpot("OpenJDK 64-Bit Server VM"));
        assertFalse(Relaunch.isHotSpot("Eclipse OpenJ9 VM"));
    }

    @Test
    void the_server_reads_the_jdks_own_locale_data_unless_the_user_chooses_the_providers() {
        assertTrue(Relaunch.jdkLocaleData(List.of("-Xmx1g"), Map.of("PATH", "/bin"), "17"));
        assertFalse(Relaunch.jdkLocaleData(List.of("-Djava.locale.providers=CLDR"), Map.of(), "17"));
        assertFalse(Relaunch.jdkLocaleData(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Djava.locale.providers=HOST"), "17"));
        assertFalse(Relaunch.jdkLocaleData(List.of(), Map.of("_JAVA_OPTIONS", "-Djava.locale.providers=CLDR,COMPAT"), "17"));
        // JDK 21 warns that this data will go, JDK 23 has removed it.
        assertFalse(Relaunch.jdkLocaleData(List.of(), Map.of(), "21"));
        assertFalse(Relaunch.jdkLocaleData(List.of(), Map.of(), "25"));
        assertFalse(Relaunch.jdkLocaleData(List.of(), Map.of(), "1.8"));
    }

    @Test
    void the_young_generation_has_a_floor_unless_the_user_sizes_it_or_the_heap_is_small() {
        long gb = 1L << 30;
        assertTrue(Relaunch.youngFloor(List.of("-Xmx2g"), Map.of("PATH", "/bin"), 2 * gb));
        assertTrue(Relaunch.youngFloor(List.of(), Map.of(), Relaunch.YOUNG_FLOOR_MIN_HEAP));
        assertFalse(Relaunch.youngFloor(List.of("-Xmx128m"), Map.of(), 128L << 20), "a small heap keeps the JVM's sizing");
        assertFalse(Relaunch.youngFloor(List.of("-Xmn32m"), Map.of(), 2 * gb));
        assertFalse(Relaunch.youngFloor(List.of("-XX:NewSize=16m"), Map.of(), 2 * gb));
        assertFalse(Relaunch.youngFloor(List.of("-XX:MaxNewSize=32m"), Map.of(), 2 * gb));
        assertFalse(Relaunch.youngFloor(List.of("-XX:NewRatio=3"), Map.of(), 2 * gb));
        assertFalse(Relaunch.youngFloor(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xmn100m"), 2 * gb));
        assertFalse(Relaunch.youngFloor(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-XX:NewSize=8m"), 2 * gb));
    }

    @Test
    void a_large_load_starts_with_a_heap_and_a_young_generation_sized_for_its_data(@TempDir Path dir) throws Exception {
        long gb = 1L << 30, mb = 1L << 20;
        Path large = sparse(dir.resolve("large.trig"), 55 * mb), small = sparse(dir.resolve("small.trig"), mb);
        Path folder = Files.createDirectories(dir.resolve("folder"));
        sparse(folder.resolve("a.trig"), 3 * mb);
        sparse(folder.resolve("b.nq"), 5 * mb);
        // 18 and 6 bytes per byte of data, capped at half and three twentieths of the maximum heap.
        assertEquals(List.of("-Xms990m", "-XX:NewSize=307m"), heap(List.of("-Xmx2g"), Map.of(), NO_HUGE, "--data", large));
        assertEquals(List.of("-Xms256m", "-XX:NewSize=64m"), heap(List.of(), Map.of(), NO_HUGE, "--port", "0", "--data=" + folder),
                "a folder's files count together; floors of 256 and 64 MB");
        assertEquals(List.of("-Xms1024m", "-XX:NewSize=307m"), heap(List.of(), Map.of(), NO_HUGE, "--data", large, "--data", large));
        // Huge pages where the kernel gives them to the processes that ask; not with "always" (every process has
        // them) nor "never", nor when the user names huge or large pages either way.
        assertEquals(List.of("-Xms990m", "-XX:NewSize=307m", Relaunch.HUGE_PAGES),
                heap(List.of(), Map.of(), "always [madvise] never\n", "--data", large));
        assertEquals(List.of("-Xms990m", "-XX:NewSize=307m"), heap(List.of(), Map.of(), "[always] madvise never\n", "--data", large));
        assertEquals(List.of("-Xms990m", "-XX:NewSize=307m"), heap(List.of(), Map.of(), "", "--data", large), "no such file");
        assertEquals(List.of("-Xms990m", "-XX:NewSize=307m"),
                heap(List.of("-XX:-UseTransparentHugePages"), Map.of(), "always [madvise] never", "--data", large));
        assertEquals(List.of("-Xms990m", "-XX:NewSize=307m"),
                heap(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseLargePages"), "always [madvise] never", "--data", large));
        // A small load: the floor under the young generation only, and the huge page mode is not even read.
        java.util.function.Supplier<String> unread = () -> { throw new AssertionError("read for a small load"); };
        assertEquals(List.of(Relaunch.YOUNG_FLOOR), Relaunch.heapOptions(List.of(), Map.of(), 2 * gb,
                new String[] {"--data", small.toString()}, unread), "a small load");
        assertEquals(List.of(Relaunch.YOUNG_FLOOR), Relaunch.heapOptions(List.of(), Map.of(), 2 * gb,
                new String[] {"--data", dir.resolve("missing.trig").toString()}, unread), "a path that cannot be read counts nothing");
        // A small maximum heap caps both below it (the floors give way), and a linked data file counts its target.
        assertEquals(List.of("-Xms100m", "-XX:NewSize=30m"),
                Relaunch.heapOptions(List.of("-Xmx200m"), Map.of(), 200 * mb, new String[] {"--data", large.toString()},
                        () -> NO_HUGE));
        Path link = Files.createSymbolicLink(dir.resolve("link.trig"), large);
        assertEquals(List.of("-Xms990m", "-XX:NewSize=307m"), heap(List.of(), Map.of(), NO_HUGE, "--data", link));
        // The user's own sizes are left alone, one by one.
        assertEquals(List.of("-XX:NewSize=307m"), heap(List.of("-Xms512m"), Map.of(), NO_HUGE, "--data", large));
        assertEquals(List.of("-Xms990m"), heap(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xmn100m"), NO_HUGE, "--data", large));
        assertEquals(List.of(), heap(List.of("-XX:InitialHeapSize=1g", "-XX:NewRatio=2"), Map.of(), NO_HUGE, "--data", large));
    }

    private static final String NO_HUGE = "always madvise [never]\n";

    /** The heap options of {@code serve ARGS} under -Xmx2g, with the kernel's huge page mode {@code mode}. */
    private static List<String> heap(List<String> options, Map<String, String> environment, String mode, Object... args) {
        String[] argv = java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new);
        return Relaunch.heapOptions(options, environment, 2L << 30, argv, () -> mode);
    }

    private static Path sparse(Path file, long bytes) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes); // the size counts, not the content
        }
        return file;
    }

    private int ask(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
