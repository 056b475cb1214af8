package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data-sharing archive of a jar: recorded by a first server, used by the next, renewed for a new jar. */
class ClassArchiveTest {

    @TempDir
    Path dir;

    @Test
    void the_first_server_records_the_archive_and_the_next_one_starts_from_it() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        ClassArchive archive = ClassArchive.forClassPath(jar.toString(), "17", ClassArchive.MEMORY).orElseThrow();
        List<String> first = archive.jvmOptions(41);
        assertTrue(first.get(0).startsWith("-XX:ArchiveClassesAtExit="), first.toString());
        Path recorded = Path.of(first.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(recorded, "classes"); // what the JVM writes when the server exits

        archive.keep(41);

        assertFalse(Files.exists(recorded));
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.archive(), "-Xlog:cds*=off"), archive.jvmOptions(42));
    }

    @Test
    void the_server_is_given_the_jar_by_its_absolute_path_so_one_archive_serves_every_way_of_naming_the_jar()
            throws Exception {
        // The JVM refuses an archive whose class path was written otherwise (target/ica-kg.jar, then /abs/target/...).
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        String relative = Path.of("").toAbsolutePath().relativize(jar.toAbsolutePath()).toString();
        assertFalse(Path.of(relative).isAbsolute());
        ClassArchive byRelative = ClassArchive.forClassPath(relative, "17", ClassArchive.STORE).orElseThrow();
        ClassArchive byAbsolute = ClassArchive.forClassPath(jar.toAbsolutePath().toString(), "17", ClassArchive.STORE)
                .orElseThrow();
        ClassArchive byDots = ClassArchive.forClassPath(dir.resolve(".").resolve("ica-kg.jar").toString(), "17",
                ClassArchive.STORE).orElseThrow();
        assertEquals(jar.toAbsolutePath().normalize(), byRelative.jar());
        assertEquals(byRelative, byAbsolute);
        assertEquals(byRelative, byDots);
        assertTrue(byRelative.jar().isAbsolute());
    }

    @Test
    void a_server_under_a_flight_recording_uses_the_archive_but_records_none() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        ClassArchive archive = ClassArchive.forClassPath(jar.toString(), "17", ClassArchive.MEMORY).orElseThrow();
        assertEquals(List.of(), archive.jvmOptions(41, false), "no archive recorded: the JVM would stop the recording");
        Files.writeString(archive.archive(), "classes");
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.archive(), "-Xlog:cds*=off"), archive.jvmOptions(42, false));
    }

    @Test
    void a_server_that_recorded_nothing_leaves_no_archive() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        ClassArchive archive = ClassArchive.forClassPath(jar.toString(), "17", ClassArchive.MEMORY).orElseThrow();
        archive.jvmOptions(41);
        archive.keep(41);
        assertFalse(Files.exists(archive.archive()));
        assertTrue(archive.jvmOptions(42).get(0).startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void a_rebuilt_jar_or_another_jvm_gets_an_archive_of_its_own() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        Path before = ClassArchive.forClassPath(jar.toString(), "17", ClassArchive.MEMORY).orElseThrow().archive();
        assertNotEquals(before, ClassArchive.forClassPath(jar.toString(), "21", ClassArchive.MEMORY).orElseThrow().archive());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertNotEquals(before, ClassArchive.forClassPath(jar.toString(), "17", ClassArchive.MEMORY).orElseThrow().archive());
    }

    @Test
    void a_server_on_a_store_and_one_in_memory_record_and_use_archives_of_their_own() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        assertTrue(Relaunch.onStore(new String[] {"serve", "--port", "0", "--store", "db"}));
        assertTrue(Relaunch.onStore(new String[] {"serve", "--store=db"}));
        assertFalse(Relaunch.onStore(new String[] {"serve", "--data", "store.ttl"}));
        ClassArchive memory = ClassArchive.forClassPath(jar.toString(), "17", ClassArchive.MEMORY).orElseThrow();
        ClassArchive store = ClassArchive.forClassPath(jar.toString(), "17", ClassArchive.STORE).orElseThrow();
        assertNotEquals(memory.archive(), store.archive());

        Files.writeString(Path.of(memory.jvmOptions(41).get(0).substring("-XX:ArchiveClassesAtExit=".length())), "classes");
        memory.keep(41);
        assertTrue(memory.jvmOptions(42).get(0).startsWith("-XX:SharedArchiveFile="));
        assertTrue(store.jvmOptions(43).get(0).startsWith("-XX:ArchiveClassesAtExit="),
                "the first server on a store records its own archive");
    }

    @Test
    void a_class_path_of_folders_and_several_jars_is_not_archived() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        assertTrue(ClassArchive.forClassPath(dir.toString(), "17", ClassArchive.MEMORY).isEmpty());
        assertTrue(ClassArchive.forClassPath(jar + File.pathSeparator + jar, "17", ClassArchive.MEMORY).isEmpty());
    }
}
