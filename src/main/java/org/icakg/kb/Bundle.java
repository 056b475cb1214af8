package org.icakg.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.RDFLanguages;

/**
 * The files a knowledge base is built from: the ontology, the SHACL shapes and the data.
 * <p>
 * "Bundled" means the project's own {@code ontology/}, {@code shapes/} and {@code data/}: read from the
 * working directory when it is the project (so a maintainer's edits are seen at once), otherwise from
 * the copies packed in the jar.
 */
public record Bundle(List<RdfSource> ontology, List<RdfSource> shapes, List<RdfSource> data) {

    /** Folder, in the project and in the jar (under {@code bundle/}), of each kind of file. */
    public static final String ONTOLOGY_DIR = "ontology", SHAPES_DIR = "shapes", DATA_DIR = "data";

    public Bundle {
        ontology = List.copyOf(ontology);
        shapes = List.copyOf(shapes);
        data = List.copyOf(data);
    }

    /** The bundled ontology, shapes and data. */
    public static Bundle bundled() {
        return new Bundle(bundled(ONTOLOGY_DIR), bundled(SHAPES_DIR), bundled(DATA_DIR));
    }

    /** The bundled ontology and shapes with other data in place of the bundled data. */
    public static Bundle withData(List<Path> dataPaths) {
        return new Bundle(bundled(ONTOLOGY_DIR), bundled(SHAPES_DIR), readAll(dataPaths));
    }

    /** Bundled files of one kind, from the project folder when present, else from the jar. */
    public static List<RdfSource> bundled(String dir) {
        Path local = Path.of(dir);
        if (Files.isDirectory(local) && Files.isDirectory(Path.of(ONTOLOGY_DIR)))
            return readAll(List.of(local));
        return fromClasspath("bundle/" + dir);
    }

    /**
     * Text files of a bundled folder (e.g. {@code queries}) by file name, sorted: from the project folder when
     * run from the project, else from the jar.
     */
    public static java.util.SortedMap<String, String> bundledText(String dir, String extension) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        Path local = Path.of(dir);
        try {
            if (Files.isDirectory(local) && Files.isDirectory(Path.of(ONTOLOGY_DIR))) {
                try (Stream<Path> files = Files.list(local)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(extension)).toList())
                        out.put(f.getFileName().toString(), Files.readString(f));
                }
                return out;
            }
            URL url = Bundle.class.getClassLoader().getResource("bundle/" + dir);
            if (url == null)
                return out;
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                try (Stream<Path> files = Files.list(Path.of(uri))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(extension)).toList())
                        out.put(f.getFileName().toString(), Files.readString(f));
                }
                return out;
            }
            try (FileSystem jar = openJar(uri); Stream<Path> files = Files.list(jar.getPath("bundle/" + dir))) {
                for (Path f : files.filter(f -> f.toString().endsWith(extension)).toList())
                    out.put(f.getFileName().toString(), Files.readString(f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads files and every RDF file under folders, in a stable (sorted) order. */
    public static List<RdfSource> readAll(List<Path> paths) {
        List<RdfSource> sources = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path))
                throw new UnreadableInputException(path + ": no such file or folder");
            for (Path file : rdfFiles(path))
                sources.add(RdfSource.of(file));
        }
        return sources;
    }

    private static List<Path> rdfFiles(Path path) {
        if (!Files.isDirectory(path))
            return List.of(path);
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> RDFLanguages.filenameToLang(p.getFileName().toString()) != null)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UnreadableInputException(path + ": cannot list: " + e.getMessage());
        }
    }

    private static List<RdfSource> fromClasspath(String folder) {
        URL url = Bundle.class.getClassLoader().getResource(folder);
        if (url == null)
            return List.of();
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme()))
                return readAll(List.of(Path.of(uri))).stream()
                        .map(s -> new RdfSource(folder + "/" + Path.of(s.name()).getFileName(), s.lang(), s.content()))
                        .toList();
            try (FileSystem jar = openJar(uri)) {
                List<RdfSource> sources = new ArrayList<>();
                for (Path file : rdfFiles(jar.getPath(folder)))
                    sources.add(new RdfSource(file.toString().replaceFirst("^/", ""),
                            RDFLanguages.filenameToLang(file.getFileName().toString()), Files.readAllBytes(file)));
                return sources;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private view of the jar (not the provider's shared one), so closing it affects nobody else. */
    private static FileSystem openJar(URI uri) throws IOException {
        String spec = uri.getSchemeSpecificPart();
        Path jarFile = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
        return FileSystems.newFileSystem(jarFile, (ClassLoader) null);
    }
}
