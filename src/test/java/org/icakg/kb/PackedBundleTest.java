package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled files read from a jar, as a packaged service reads them. */
class PackedBundleTest {

    @TempDir
    Path dir;

    @Test
    void each_folder_gets_its_own_rdf_files_from_the_jar_sorted_by_name_and_nothing_else() throws IOException {
        Path jar = dir.resolve("service.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "org/example/Some.class", "not a class");
            // Folders have entries of their own, as in the jar Maven builds.
            put(out, "bundle/", null);
            put(out, "bundle/shapes/", null);
            put(out, "bundle/shapes/shapes.ttl", "<urn:s> <urn:p> <urn:o> .");
            put(out, "bundle/ontology/", null);
            put(out, "bundle/ontology/z.ttl", "<urn:z> <urn:p> <urn:o> .");
            put(out, "bundle/ontology/a.ttl", "<urn:a> <urn:p> <urn:o> .");
            put(out, "bundle/data/", null);
            put(out, "bundle/data/README.md", "# not RDF");
            put(out, "bundle/data/more/nested.trig", "<urn:g> { <urn:n> <urn:p> <urn:o> . }");
            put(out, "bundle/queries/q.rq", "ASK {}");
            put(out, "ontology/elsewhere.ttl", "<urn:x> <urn:p> <urn:o> .");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Map<String, List<RdfSource>> read = Bundle.fromClasspath(loader, List.of("ontology", "shapes", "data"));
            assertEquals(List.of("bundle/ontology/a.ttl", "bundle/ontology/z.ttl"), names(read.get("ontology")));
            assertEquals(List.of("bundle/shapes/shapes.ttl"), names(read.get("shapes")));
            assertEquals(List.of("bundle/data/more/nested.trig"), names(read.get("data")));
            RdfSource a = read.get("ontology").get(0);
            assertEquals(Lang.TURTLE, a.lang());
            assertEquals("<urn:a> <urn:p> <urn:o> .", new String(a.content(), StandardCharsets.UTF_8));
            assertEquals(Lang.TRIG, read.get("data").get(0).lang());

            Map<String, List<RdfSource>> one = Bundle.fromClasspath(loader, List.of("shapes", "sources"));
            assertEquals(List.of("bundle/shapes/shapes.ttl"), names(one.get("shapes")));
            assertEquals(List.of(), one.get("sources"), "a folder the jar does not have is empty");
        }
    }

    @Test
    void a_jar_that_lists_its_bundled_files_is_read_by_its_list() throws IOException {
        Path jar = dir.resolve("listed.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "bundle/", null);
            put(out, Bundle.INDEX, "bundle/shapes/\nbundle/shapes/b.ttl\nbundle/shapes/a.ttl\nbundle/shapes/gone.ttl\n"
                    + "bundle/data/README.md\nbundle/data/d.trig\n");
            put(out, "bundle/shapes/", null);
            put(out, "bundle/shapes/a.ttl", "<urn:a> <urn:p> <urn:o> .");
            put(out, "bundle/shapes/b.ttl", "<urn:b> <urn:p> <urn:o> .");
            put(out, "bundle/shapes/unlisted.ttl", "<urn:u> <urn:p> <urn:o> .");
            put(out, "bundle/data/README.md", "# not RDF");
            put(out, "bundle/data/d.trig", "<urn:g> { <urn:d> <urn:p> <urn:o> . }");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Map<String, List<RdfSource>> read = Bundle.fromClasspath(loader, List.of("ontology", "shapes", "data"));
            assertEquals(List.of("bundle/shapes/a.ttl", "bundle/shapes/b.ttl"), names(read.get("shapes")),
                    "the listed files that are in the jar, sorted; a file the list does not name is not read");
            assertEquals("<urn:b> <urn:p> <urn:o> .",
                    new String(read.get("shapes").get(1).content(), StandardCharsets.UTF_8));
            assertEquals(List.of("bundle/data/d.trig"), names(read.get("data")));
            assertEquals(List.of(), read.get("ontology"));
        }
    }

    @Test
    void the_build_lists_every_bundled_file_of_the_project() throws IOException {
        // The list the build wrote beside the bundled files (target/classes, on the tests' class path).
        URL index = getClass().getClassLoader().getResource(Bundle.INDEX);
        assertNotNull(index, Bundle.INDEX + " is on the class path");
        List<String> listed;
        try (var in = index.openStream()) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).sorted().toList();
        }
        List<String> onDisk = new java.util.ArrayList<>();
        for (String folder : List.of("ontology", "shapes", "data", "queries", "sources"))
            try (var files = Files.walk(Path.of(folder))) {
                files.filter(Files::isRegularFile).forEach(f -> onDisk.add("bundle/" + f.toString().replace('\\', '/')));
            }
        assertEquals(onDisk.stream().sorted().toList(), listed);
    }

    private static List<String> names(List<RdfSource> sources) {
        return sources.stream().map(RdfSource::name).toList();
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (text != null) {
            OutputStream o = out;
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
