package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler directives the relaunched server runs with: written once beside the jar, read by the JVM, silently. */
class JitDirectivesTest {

    @TempDir
    Path dir;

    @Test
    void the_jvm_reads_the_directives_file_and_says_nothing_on_standard_output() throws Exception {
        Path file = JitDirectives.ensure(JitDirectives.fileIn(dir), 7).orElseThrow();
        assertEquals(JitDirectives.TEXT, Files.readString(file));
        assertEquals(List.of(file), listing(), "no part file is left");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JitDirectives.jvmOptions(file));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), "a JVM that could not parse the directives would not start");
        assertEquals("", out, "the JVM announces the directives it read on standard output unless told not to");
    }

    @Test
    void a_directives_file_with_another_text_is_written_again() throws Exception {
        Path file = JitDirectives.fileIn(dir);
        Files.writeString(file, "[ { match: \"*.*\", BreakAtExecute: true } ]\n");
        assertEquals(file, JitDirectives.ensure(file, 7).orElseThrow());
        assertEquals(JitDirectives.TEXT, Files.readString(file));
    }

    @Test
    void a_folder_that_cannot_hold_the_file_means_no_directives() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertTrue(JitDirectives.ensure(JitDirectives.fileIn(notAFolder), 7).isEmpty());
    }

    private List<Path> listing() throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
