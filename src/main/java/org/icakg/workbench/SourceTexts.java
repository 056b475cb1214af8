package org.icakg.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The texts of the source documents as files, one per document, in the folder {@code ica:sourceFile} paths point
 * into ({@code "sources/NAME.txt"} is {@code NAME.txt} there). Registering a source claims its file before the
 * gated write and releases it when the write is refused, so a refused registration leaves no file behind; an
 * existing file with another text is never overwritten.
 */
final class SourceTexts {

    /** The folder named in {@code ica:sourceFile} values, relative to the project root. */
    static final String FOLDER = "sources";

    /** The file of a source exists already with another text. */
    static final class Conflict extends Exception {
        Conflict(String message) { super(message); }
    }

    /** A text written (or found identical) for a registration; {@link #release()} undoes what this claim wrote. */
    static final class Claim {
        private final Path file;
        private final boolean created;

        private Claim(Path file, boolean created) {
            this.file = file;
            this.created = created;
        }

        /** Removes the file if this claim created it. */
        void release() {
            if (!created)
                return;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file + " after a refused registration", e);
            }
        }
    }

    private final Path dir;

    /** {@code dir}: the folder of the texts, or null when this server keeps none. */
    SourceTexts(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    /** The {@code ica:sourceFile} value of the source named {@code slug}. */
    static String sourceFile(String slug) {
        return FOLDER + "/" + slug + ".txt";
    }

    /**
     * Writes {@code text} to the file of {@code slug} unless that file holds it already.
     *
     * @throws Conflict             when the file exists with another text
     * @throws IllegalStateException when this server has no folder for texts
     */
    Claim claim(String slug, String text) throws Conflict {
        if (dir == null)
            throw new IllegalStateException("This server keeps no source texts, so it cannot register a source: "
                    + "start it with --sources DIR (the folder that ica:sourceFile paths \"sources/NAME.txt\" name).");
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*"))
            throw new IllegalArgumentException("not a slug: " + slug);
        Path file = dir.resolve(slug + ".txt");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(dir);
            try {
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new Claim(file, true);
            } catch (FileAlreadyExistsException e) {
                if (Arrays.equals(Files.readAllBytes(file), bytes))
                    return new Claim(file, false);
                throw new Conflict("The file " + sourceFile(slug) + " exists already with another text: give this "
                        + "source another name in its IRI (slug), or remove that file if it is left over.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the text of the source to " + file, e);
        }
    }
}
