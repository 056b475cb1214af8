package org.icakg.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.icakg.cli.Main;
import org.icakg.support.Maintainer;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the workbench writes comes back out of {@code export} in the layout of the project: exported before and after
 * a source and a statement are added in the workbench, the folders differ by exactly the new lines of
 * {@code data/sources.trig}, the new document's file {@code data/NAME.trig} and its text {@code sources/NAME.txt}
 * (what {@code git diff data/ sources/} shows once they hold an export), and the exported files pass
 * {@code validate}.
 */
class WorkbenchExportTest {

    static final String TEXT = "Uzbekistan hosted a workshop in Termez. It was short.";

    @TempDir
    Path dir;

    @Test
    void export_after_a_workbench_write_differs_by_the_new_statements_and_text_and_validates() throws IOException {
        Path store = dir.resolve("store"), users = Maintainer.usersFile(dir), texts = dir.resolve("texts");
        copyFolder(Path.of("sources"), texts);
        try (TestServer first = TestServer.start(c -> c.withStore(store).withUsersFile(users).withSources(texts))) {
            assertEquals(200, first.get("/health").statusCode());
        }
        Path before = dir.resolve("before"), after = dir.resolve("after");
        assertEquals(0, run("export", "--store", store.toString(), "--out", before.toString(), "--sources", texts.toString()));
        assertEquals(files(Path.of("data")).keySet().stream().filter(f -> f.endsWith(".trig")).toList(),
                files(before.resolve("data")).keySet().stream().toList(), "one file per file of data/");
        assertEquals(files(Path.of("sources")), files(before.resolve("sources")), "the texts of the sources");

        try (TestServer server = TestServer.start(c -> c.withStore(store).withUsersFile(users).withSources(texts))) {
            WorkbenchClient wb = new WorkbenchClient(server);
            assertEquals(303, wb.post("/workbench/sources", "title", "Tashkent note", "slug", "tashkent-note",
                    "text", TEXT, "action", "register").statusCode());
            var written = wb.post("/workbench/statements", "passage", "https://w3id.org/ica-kg/id/passage/tashkent-note-01",
                    "class", "https://w3id.org/ica-kg/ontology#City", "v.rdfs:label", "Termez",
                    "v.ica:locatedIn", "Uzbekistan", "action", "commit");
            assertEquals(303, written.statusCode(), written.body());
        }
        assertEquals(0, run("export", "--store", store.toString(), "--out", after.toString(), "--sources", texts.toString()));

        Map<String, String> old = files(before), now = files(after);
        List<String> changed = new ArrayList<>();
        now.forEach((f, text) -> {
            if (!text.equals(old.get(f)))
                changed.add(f);
        });
        assertEquals(List.of("data/sources.trig", "data/tashkent-note.trig", "sources/tashkent-note.txt"), changed);
        assertTrue(now.keySet().containsAll(old.keySet()), "no file disappears");
        List<String> oldLines = old.get("data/sources.trig").lines().toList();
        List<String> added = now.get("data/sources.trig").lines().filter(l -> !oldLines.contains(l)).toList();
        assertTrue(added.stream().anyMatch(l -> l.contains("\"Uzbekistan hosted a workshop in Termez.\"@en")), added.toString());
        assertTrue(now.get("data/tashkent-note.trig").contains("\"Termez\"@en"));
        assertEquals(TEXT, now.get("sources/tashkent-note.txt"));
        assertEquals(0, run("validate", after.resolve("data").toString()), "the exported files validate");
    }

    private static int run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0)
            System.err.println(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return status;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> list = Files.list(from)) {
            for (Path f : list.filter(Files::isRegularFile).toList())
                Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList())
                out.put(root.relativize(f).toString(), Files.readString(f));
        }
        return out;
    }
}
