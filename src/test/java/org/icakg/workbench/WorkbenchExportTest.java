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
 * What the workbench writes comes back out of {@code export} as files: exported before and after a source and a
 * statement are added in the workbench, the folders differ by exactly the new passage graphs and the new lines of the
 * sources graph (what {@code git diff data/} shows once {@code data/} holds an export), and the exported files pass
 * {@code validate}.
 */
class WorkbenchExportTest {

    @TempDir
    Path dir;

    @Test
    void export_after_a_workbench_write_differs_by_the_new_statements_and_validates() throws IOException {
        Path store = dir.resolve("store"), users = Maintainer.usersFile(dir);
        try (TestServer first = TestServer.start(c -> c.withStore(store).withUsersFile(users))) {
            assertEquals(200, first.get("/health").statusCode());
        }
        Path before = dir.resolve("before"), after = dir.resolve("after");
        assertEquals(0, run("export", "--store", store.toString(), "--out", before.toString()));

        try (TestServer server = TestServer.start(c -> c.withStore(store).withUsersFile(users))) {
            WorkbenchClient wb = new WorkbenchClient(server);
            assertEquals(303, wb.post("/workbench/sources", "title", "Tashkent note", "slug", "tashkent-note",
                    "text", "Uzbekistan hosted a workshop in Termez. It was short.", "action", "register").statusCode());
            var written = wb.post("/workbench/statements", "passage", "https://w3id.org/ica-kg/id/passage/tashkent-note-01",
                    "class", "https://w3id.org/ica-kg/ontology#City", "v.rdfs:label", "Termez",
                    "v.ica:locatedIn", "Uzbekistan", "action", "commit");
            assertEquals(303, written.statusCode(), written.body());
        }
        assertEquals(0, run("export", "--store", store.toString(), "--out", after.toString()));

        Map<String, String> old = files(before), now = files(after);
        List<String> changed = new ArrayList<>();
        now.forEach((f, text) -> {
            if (!text.equals(old.get(f)))
                changed.add(f);
        });
        assertEquals(List.of("graph/sources.trig", "id/passage/tashkent-note-01.trig"), changed);
        assertTrue(now.keySet().containsAll(old.keySet()), "no file disappears");
        List<String> oldLines = old.get("graph/sources.trig").lines().toList();
        List<String> added = now.get("graph/sources.trig").lines().filter(l -> !oldLines.contains(l)).toList();
        assertTrue(added.stream().anyMatch(l -> l.contains("\"Uzbekistan hosted a workshop in Termez.\"@en")), added.toString());
        assertTrue(now.get("id/passage/tashkent-note-01.trig").contains("\"Termez\"@en"));
        assertEquals(0, run("validate", after.toString()), "the exported files validate");
    }

    private static int run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0)
            System.err.println(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return status;
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
