package org.icakg.kb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/** One RDF file to load: its display name (a path or a bundled resource name), its syntax and its bytes. */
public record RdfSource(String name, Lang lang, byte[] content) {

    public RdfSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(content, "content");
    }

    /** Reads a file; the syntax comes from its extension. */
    public static RdfSource of(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        if (lang == null)
            throw new UnreadableInputException(file + ": unknown RDF syntax (expected .ttl, .trig, .nt, .nq, .jsonld, .rdf)");
        try {
            return new RdfSource(file.toString(), lang, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UnreadableInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** True when the syntax can carry named graphs. */
    public boolean isQuads() { return RDFLanguages.isQuads(lang); }
}
