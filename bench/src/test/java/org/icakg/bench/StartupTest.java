package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code startup --data FILE}: each launch loads the file in memory and is timed to its first answer. */
class StartupTest {

    @Test
    void a_launch_with_data_loads_the_file_and_answers(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("g.trig");
        Benchmark.generate(10_000, SyntheticGraph.DEFAULT_SEED, data, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        Startup.What what = Startup.What.of(Optional.empty(), List.of(data));
        assertEquals(List.of("--data", data.toString()), what.serveArgs());
        Path log = dir.resolve("serve.log");
        Startup.Launch launch = Startup.launch(Optional.empty(), List.of("-Xmx512m"), what.serveArgs(), log);
        assertTrue(launch.millis() > 0 && launch.cpuMillis() > 0, launch.toString());
        String said = Files.readString(log);
        assertTrue(said.contains("Loading [" + data + "] in memory"), said);
        assertTrue(said.contains("inferred statements"), "the file's inferences were materialised: " + said);
    }

    @Test
    void data_and_reopen_together_or_a_missing_file_are_usage_errors(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("g.trig"), "");
        String both = usageError("startup", "--service-jar", data.toString(), "--reopen", dir.toString(), "--data", data.toString());
        assertTrue(both.contains("--reopen and --data"), both);
        String missing = usageError("startup", "--service-jar", data.toString(), "--data", dir.resolve("nope.trig").toString());
        assertTrue(missing.contains("no data file " + dir.resolve("nope.trig")), missing);
        assertThrows(IllegalArgumentException.class, () -> Startup.What.of(Optional.of(dir), List.of(data)));
    }

    @Test
    void a_load_runs_with_the_benchmarks_heap_unless_the_options_name_one() {
        assertEquals(List.of("-Xmx2g", "-XX:+UseParallelGC"), BenchCommand.startupJvm(List.of("-XX:+UseParallelGC"), true));
        assertEquals(List.of("-Xmx3g"), BenchCommand.startupJvm(List.of("-Xmx3g"), true));
        assertEquals(List.of(), BenchCommand.startupJvm(List.of(), false), "bundled data and reopening: as given");
    }

    @Test
    void each_jar_starts_once_unmeasured_before_its_measured_launches_so_that_its_class_archive_is_recorded(@TempDir Path dir)
            throws Exception {
        Path jar = fakeServiceJar(dir), starts = dir.resolve("starts.txt");
        List<String> jvm = List.of("-Dfake.starts=" + starts);
        Startup.recordClassArchive(Optional.empty(), jvm, List.of(), dir.resolve("none.log"));
        assertTrue(!Files.exists(starts), "no jar built: nothing launched");
        String report = Startup.compare(List.of(jar), 2, Startup.What.of(Optional.empty(), List.of()), jvm, dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(3, Files.readAllLines(starts).size(), "one unmeasured start and two measured: " + report);
        assertTrue(report.contains("2 launches of each after a first that is not measured"), report);
        String row = report.lines().filter(l -> l.startsWith("| " + jar + " |")).findFirst().orElseThrow();
        assertEquals(2, row.substring(row.lastIndexOf('|', row.length() - 2)).split("\\), ").length, "two launches measured: " + row);
    }

    /** A runnable jar of {@link FakeServe}, from this test's class path. */
    private static Path fakeServiceJar(Path dir) throws Exception {
        Path jar = dir.resolve("fake-service.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, FakeServe.class.getName());
        String entry = FakeServe.class.getName().replace('.', '/') + ".class";
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest);
             var in = FakeServe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static String usageError(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = BenchCommand.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, said);
        return said;
    }
}
