package org.icakg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * HotSpot compiler directives for the relaunched server: its optimising compiler (C2) leaves alone the JDK code that
 * only a start runs hot, which C1 compiles as before.
 *
 * <p>A start enumerates every locale the JDK knows, twice (Jetty's MIME table asks for them all; the log's date format
 * asks the calendar data whether the default locale is among them), some ten thousand locale objects, and spins about
 * a hundred method-handle classes with the JDK's copy of ASM (string concatenation and lambdas of Jena, Jetty and
 * Javalin, each linked at its first run). Those loops grew hot enough for C2, which compiled
 * {@code BaseLocale.getInstance}, ASM's {@code Frame.execute} and {@code MethodType.makeImpl}, some of the largest
 * compilations of a JVM: about 60 % of C2's processor time before the first answer, on a machine of two cores where
 * the server's main thread waits for a core. The server runs none of this code again once it serves (no locale list,
 * no class generation), so C2 is kept off it for good; C1's code serves those few later calls.
 *
 * <p>A second directive keeps C2 off the code only a load runs ({@link LoadDirectives}).
 *
 * <p>The directives are a file beside the jar (the JVM reads them only from a file), written once and rewritten when
 * its text is not this build's. The JVM announces the directives it read on standard output; the server runs with the
 * JVM's own console output off ({@code -XX:-DisplayVMOutput}, which the user's options come after and can undo).
 */
final class JitDirectives {

    /**
     * The directives: C2 does not compile the methods of these classes (HotSpot's patterns, {@code package/Class.method}):
     * locale lists ({@code Locale.getAvailableLocales()}, the calendar's data), the bytecode writer of method-handle and
     * lambda classes spun at first use, and method-type interning while those call sites link. A constant, so the
     * launcher builds no string for it.
     */
    static final String TEXT = "[ { match: [\"sun/util/locale/*.*\", \"jdk/internal/org/objectweb/asm/*.*\", "
            + "\"java/lang/invoke/MethodType.*\"], c2: { Exclude: true } }, " + LoadDirectives.ENTRY + " ]\n";

    private JitDirectives() {}

    /** The JVM options that give a JVM the directives file {@code file}. */
    static List<String> jvmOptions(Path file) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput",
                "-XX:CompilerDirectivesFile=".concat(file.toString()));
    }

    /** The directives file of this build in {@code dir}, e.g. beside the jar's class archive. */
    static Path fileIn(Path dir) {
        return dir.resolve(new StringBuilder("ica-kg-jit-").append(ClassArchive.hash(TEXT)).append(".json").toString());
    }

    /**
     * The directives file {@code file}, written (complete or not at all) when it is absent or holds another text; empty
     * when it cannot be written, in which case the server runs without directives. {@code pid} names the part file.
     */
    static Optional<Path> ensure(Path file, long pid) {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file) && Files.size(file) == text.length && Arrays.equals(Files.readAllBytes(file), text))
                return Optional.of(file);
            Path part = file.resolveSibling(new StringBuilder().append(file.getFileName()).append('.').append(pid)
                    .append(".part").toString());
            try {
                Files.write(part, text);
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
