package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
