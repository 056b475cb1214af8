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
        ClassArchive archive = ClassArchive.forClassPath(jar.toString(), "17").orElseThrow();
        List<String> first = archive.jvmOptions(41);
        assertTrue(first.get(0).startsWith("-XX:ArchiveClassesAtExit="), first.toString());
        Path recorded = Path.of(first.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(recorded, "classes"); // what the JVM writes when the server exits

        archive.keep(41);

        assertFalse(Files.exists(recorded));
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.archive(), "-Xlog:cds*=off"), archive.jvmOptions(42));
    }

    @Test
    void a_server_that_recorded_nothing_leaves_no_archive() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        ClassArchive archive = ClassArchive.forClassPath(jar.toString(), "17").orElseThrow();
        archive.jvmOptions(41);
        archive.keep(41);
        assertFalse(Files.exists(archive.archive()));
        assertTrue(archive.jvmOptions(42).get(0).startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void a_rebuilt_jar_or_another_jvm_gets_an_archive_of_its_own() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        Path before = ClassArchive.forClassPath(jar.toString(), "17").orElseThrow().archive();
        assertNotEquals(before, ClassArchive.forClassPath(jar.toString(), "21").orElseThrow().archive());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertNotEquals(before, ClassArchive.forClassPath(jar.toString(), "17").orElseThrow().archive());
    }

    @Test
    void a_class_path_of_folders_and_several_jars_is_not_archived() throws Exception {
        Path jar = Files.writeString(dir.resolve("ica-kg.jar"), "jar");
        assertTrue(ClassArchive.forClassPath(dir.toString(), "17").isEmpty());
        assertTrue(ClassArchive.forClassPath(jar + File.pathSeparator + jar, "17").isEmpty());
    }
}
