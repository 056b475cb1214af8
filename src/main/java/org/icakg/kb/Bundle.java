package org.icakg.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.riot.RDFLanguages;

/**
 * The files a knowledge base is built from: the ontology, the SHACL shapes and the data.
 * <p>
 * "Bundled" means the project's own {@code ontology/}, {@code shapes/} and {@code data/}: read from the
 * working directory when it is the project (so a maintainer's edits are seen at once), otherwise from
 * the copies packed in the jar. Bundled files are read when first asked for, each kind on its own: a reopened
 * store reads only the shapes (on the thread that parses them), and neither the ontology nor the data unless
 * the store has not kept its prefixes.
 */
public final class Bundle {

    /** Folder, in the project and in the jar (under {@code bundle/}), of each kind of file. */
    public static final String ONTOLOGY_DIR = "ontology", SHAPES_DIR = "shapes", DATA_DIR = "data";

    /** In the jar: the bundled files' names, one a line (written by the build, {@code server/pom.xml}). */
    static final String INDEX = "bundle/index.txt";

    private final Supplier<List<RdfSource>> ontology, shapes, data;

    public Bundle(List<RdfSource> ontology, List<RdfSource> shapes, List<RdfSource> data) {
        this(read(ontology), read(shapes), read(data));
    }

    private Bundle(Supplier<List<RdfSource>> ontology, Supplier<List<RdfSource>> shapes,
                   Supplier<List<RdfSource>> data) {
        this.ontology = ontology;
        this.shapes = shapes;
        this.data = data;
    }

    /** The ontology's files (read at the first call, for bundled files). */
    public List<RdfSource> ontology() { return ontology.get(); }

    /** The shapes' files (read at the first call, for bundled files). */
    public List<RdfSource> shapes() { return shapes.get(); }

    /** The data's files (read at the first call, for bundled files). */
    public List<RdfSource> data() { return data.get(); }

    /** The bundled ontology, shapes and data, each read when first asked for. */
    public static Bundle bundled() {
        return new Bundle(later(ONTOLOGY_DIR), later(SHAPES_DIR), later(DATA_DIR));
    }

    /** The bundled ontology and shapes (read when first asked for) with other data, read now, in place of the bundled data. */
    public static Bundle withData(List<Path> dataPaths) {
        return new Bundle(later(ONTOLOGY_DIR), later(SHAPES_DIR), read(readAll(dataPaths)));
    }

    /** Files read when first asked for, by {@code ontology}, {@code shapes} and {@code data} (each called once). */
    static Bundle lazily(Supplier<List<RdfSource>> ontology, Supplier<List<RdfSource>> shapes,
                         Supplier<List<RdfSource>> data) {
        return new Bundle(once(ontology), once(shapes), once(data));
    }

    /** Files already read. */
    private static Supplier<List<RdfSource>> read(List<RdfSource> sources) {
        List<RdfSource> copy = List.copyOf(sources);
        return () -> copy;
    }

    /** The bundled files of one kind, read at the first call. */
    private static Supplier<List<RdfSource>> later(String dir) {
        return once(() -> bundled(dir));
    }

    /** The files {@code reading} gives, asked for at the first call, once, whichever thread calls first. */
    private static Supplier<List<RdfSource>> once(Supplier<List<RdfSource>> reading) {
        return new Supplier<>() {
            private List<RdfSource> sources;

            @Override
            public synchronized List<RdfSource> get() {
                if (sources == null)
                    sources = List.copyOf(reading.get());
                return sources;
            }
        };
    }

    /** Bundled files of one kind, from the project folder when present, else from the jar. */
    public static List<RdfSource> bundled(String dir) {
        if (Files.isDirectory(Path.of(dir)) && isProject())
            return readAll(List.of(Path.of(dir)));
        return fromClasspath(Bundle.class.getClassLoader(), List.of(dir)).get(dir);
    }

    /** True when the working directory is the project (its {@code ontology/} folder is there). */
    private static boolean isProject() {
        return Files.isDirectory(Path.of(ONTOLOGY_DIR));
    }

    /**
     * Text files of a bundled folder (e.g. {@code queries}) by file name, sorted: from the project folder when
     * run from the project, else from the jar.
     */
    public static java.util.SortedMap<String, String> bundledText(String dir, String extension) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        Path local = Path.of(dir);
        try {
            if (Files.isDirectory(local) && isProject()) {
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
            String folder = "bundle/" + dir + "/";
            jarFiles(uri, name -> name.startsWith(folder) && name.endsWith(extension) && name.indexOf('/', folder.length()) < 0)
                    .forEach((name, bytes) -> out.put(name.substring(folder.length()),
                            new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
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

    /**
     * The RDF files of each bundled folder ({@code bundle/DIR} on the class path of {@code loader}) by folder, in
     * a stable (sorted) order. Packed in a jar, they are read through the jar's own directory, once for all the
     * folders: the JVM has that directory in memory already, where a zip file system would read and index the
     * jar's tens of thousands of entries again.
     */
    static Map<String, List<RdfSource>> fromClasspath(ClassLoader loader, List<String> dirs) {
        Map<String, List<RdfSource>> out = new java.util.LinkedHashMap<>();
        for (String dir : dirs)
            out.put(dir, new ArrayList<>());
        try {
            for (String dir : dirs) {
                String folder = "bundle/" + dir;
                URL url = loader.getResource(folder);
                if (url == null)
                    continue;
                URI uri = url.toURI();
                if (!"jar".equals(uri.getScheme())) {
                    for (RdfSource s : readAll(List.of(Path.of(uri))))
                        out.get(dir).add(new RdfSource(folder + "/" + Path.of(s.name()).getFileName(), s.lang(), s.content()));
                    continue;
                }
                // Every folder asked for from this jar, in one pass over its directory.
                var files = jarFiles(uri, name -> RDFLanguages.filenameToLang(name.substring(name.lastIndexOf('/') + 1)) != null
                        && dirs.stream().anyMatch(d -> name.startsWith("bundle/" + d + "/")));
                files.forEach((name, bytes) -> out.get(name.substring("bundle/".length(), name.indexOf('/', "bundle/".length())))
                        .add(new RdfSource(name, RDFLanguages.filenameToLang(name.substring(name.lastIndexOf('/') + 1)), bytes)));
                break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        out.replaceAll((dir, sources) -> List.copyOf(sources));
        return out;
    }

    /**
     * The files (not folders) named {@code wanted} in the jar of the {@code jar:} address {@code uri}, by name, sorted.
     * The jar's {@value #INDEX} names its bundled files, each then looked up by name; a jar without one (not built by
     * this project's build) has every entry looked at, some 19,000 in the service's jar.
     */
    private static java.util.SortedMap<String, byte[]> jarFiles(URI uri, java.util.function.Predicate<String> wanted)
            throws IOException {
        String spec = uri.getSchemeSpecificPart();
        java.io.File file = Path.of(URI.create(spec.substring(0, spec.indexOf("!/")))).toFile();
        java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
        // A JarFile of a jar the class loader holds open shares its parsed directory (the zip "source").
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(file, false)) {
            java.util.zip.ZipEntry index = jar.getEntry(INDEX);
            if (index != null) {
                for (String name : new String(read(jar, index), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                    java.util.zip.ZipEntry entry = name.startsWith("bundle/") && wanted.test(name) ? jar.getEntry(name) : null;
                    if (entry != null && !entry.isDirectory())
                        files.put(name, read(jar, entry));
                }
                return files;
            }
            var entries = jar.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith("bundle/") && wanted.test(entry.getName()))
                    files.put(entry.getName(), read(jar, entry));
            }
        }
        return files;
    }

    private static byte[] read(java.util.jar.JarFile jar, java.util.zip.ZipEntry entry) throws IOException {
        try (var in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
