package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short benchmark run on tiny data: every query class measured on every server (Virtuoso where installed, a line
 * saying why not elsewhere), no failed request. Timings are not checked.
 */
class BenchCommandTest {

    @Test
    void a_short_run_prints_a_table_with_every_query_class_and_no_errors(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("table.md");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new String[] {"--triples", "5000", "--seconds", "1", "--warmup", "0",
                        "--connections", "2", "--no-extras", "--work", dir.toString(), "--out", table.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8), progress = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, progress);
        for (QueryMix.QueryClass c : QueryMix.CLASSES)
            assertTrue(printed.contains("| " + c.title() + " |"), c.title() + " missing from\n" + printed);
        assertTrue(printed.contains("floor: plain Javalin"), printed);
        // The floor and ASK {} taken in turn in the same minutes, and the target's share from those runs.
        assertTrue(printed.contains("| floor: plain Javalin \"hello\", in turn with `ASK {}` (two runs) |")
                && printed.contains("| `ASK {}`, in turn with the floor (two runs) |"), printed);
        String askTarget = printed.lines().filter(l -> l.startsWith("| `ASK {}` ≥ 50 %")).findFirst().orElseThrow();
        assertTrue(askTarget.contains("with the bench's client") && !askTarget.contains("minutes apart"), askTarget);
        assertTrue(printed.contains("| `GET /health` |") && printed.contains("`/health` ≥ 10,000 req/s"), printed);
        assertTrue(printed.contains("SPEC section 5 target"), printed);
        assertTrue(printed.contains("Every request distinct") && printed.contains("Cached mix"), printed);
        assertTrue(!printed.contains("errors"), printed);
        assertEquals(printed.strip(), Files.readString(table).strip());
        assertTrue(progress.contains("ica-kg: loading") && progress.contains("Stock Fuseki: loading"), progress);
        // This service is launched as a user launches it: its own serve command wrote the log, and its heap after
        // the load was read from the JVM that served.
        assertTrue(Files.readString(dir.resolve("logs").resolve("ica-kg.log")).contains("ica-kg serving http://"), progress);
        java.util.regex.Matcher load = java.util.regex.Pattern.compile("Load to ready \\(from the launch, as from a shell, "
                + "to the first answer\\): ica-kg [0-9,]+ ms.*Memory after load: ica-kg ([0-9,]+) MB of heap").matcher(printed);
        assertTrue(load.find() && Long.parseLong(load.group(1).replace(",", "")) > 0, printed);
        if (Wrk.missing().isEmpty()) {
            // The floor is driven by wrk again beside this service's smallest answers, not minutes before them.
            int service = progress.indexOf("ica-kg: loading"), beside = progress.indexOf("smallest answers");
            assertTrue(service >= 0 && beside > service && beside < progress.indexOf("Stock Fuseki: loading"), progress);
            assertTrue(printed.contains("| floor: plain Javalin \"hello\", driven by `wrk` in turn with `ASK {}` (two runs) |")
                    && printed.contains("| `ASK {}`, driven by `wrk` in turn with the floor (two runs) |"), printed);
            assertTrue(printed.contains("with `wrk`; "), "the ASK target judged on wrk's figures: " + printed);
        }
        if (Virtuoso.missing().isEmpty()) {
            assertTrue(progress.contains("Virtuoso: starting") && progress.contains("bulk-loading"), progress);
            String lookup = printed.lines().filter(l -> l.startsWith("| single-entity lookup |")).findFirst().orElseThrow();
            assertTrue(lookup.matches(".*\\| [0-9.]+× \\|$"), "a Virtuoso ratio ends the row: " + lookup);
            assertTrue(!printed.contains("every class ≥ 1.0× Virtuoso | not measured"), printed);
        } else {
            assertTrue(printed.contains("Virtuoso: no column, not installed"), printed);
        }
    }

    @Test
    void with_store_the_service_answers_every_class_from_a_tdb2_store_built_once(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new String[] {"--triples", "5000", "--seconds", "1", "--warmup", "0",
                        "--connections", "2", "--store", "--no-extras", "--no-baseline", "--no-virtuoso", "--no-cached",
                        "--work", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8), progress = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, progress);
        assertTrue(progress.contains("building a TDB2 store") && progress.contains("opening the TDB2 store"), progress);
        assertTrue(Files.exists(dir.resolve("store-5000-20250611").resolve("ica-kg-bench-complete")), progress);
        assertTrue(printed.contains("answered from its TDB2 store"), printed);
        for (QueryMix.QueryClass c : QueryMix.CLASSES) {
            String row = printed.lines().filter(l -> l.startsWith("| " + c.title() + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError(c.title() + " missing from\n" + printed));
            assertTrue(!row.startsWith("| " + c.title() + " | 0 |"), "answers measured: " + row);
        }
        assertTrue(!printed.contains("errors"), printed);
    }

    @Test
    void before_its_first_class_a_server_runs_the_whole_mix_and_the_report_shows_each_window(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new String[] {"--triples", "5000", "--seconds", "1", "--warmup", "1",
                        "--mix-warmup", "12", "--classes", "ask,lookup,entity-page", "--connections", "2", "--no-extras",
                        "--no-baseline", "--no-virtuoso", "--no-cached", "--work", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8), progress = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, progress);
        assertTrue(progress.contains("warm-up on the mix of 2 classes, 12 s"), progress);
        assertTrue(progress.contains("mix 0-10 s") && progress.contains("mix 10-12 s"), "two windows: " + progress);
        // then entity pages, which only this service has: their code is not the queries'
        // as long as the mix's, in windows of their own
        assertTrue(progress.indexOf("warm-up on entity pages, 12 s") > progress.indexOf("mix 10-12 s"), progress);
        assertTrue(progress.contains("pages 0-10 s") && progress.contains("pages 10-12 s"), "two windows: " + progress);
        String line = printed.lines().filter(l -> l.startsWith("Before its first class")).findFirst()
                .orElseThrow(() -> new AssertionError("no warm-up line in\n" + printed));
        assertTrue(line.matches(".*: ica-kg [0-9,]+ → [0-9,]+\\. Then ica-kg's entity pages for 12 s .*: [0-9,]+ → [0-9,]+ req/s\\.$"),
                "two windows' req/s of each: " + line);
        assertTrue(!line.contains("ica-kg 0 ") && !line.contains(": 0 "), "answers during the warm-up: " + line);
        assertTrue(!printed.contains("errors"), printed);
    }

    @Test
    void a_query_class_the_mix_does_not_have_is_a_usage_error_that_lists_the_classes(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new String[] {"--triples", "5000", "--classes", "join,path", "--work", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, said);
        assertTrue(said.contains("--classes: no query class 'path'") && said.contains("path-text"), said);
        assertTrue(!Files.exists(dir.resolve("synthetic-5000-20250611.trig")), "nothing generated before the error");
    }

    @Test
    void writes_in_memory_are_sent_to_the_data_served_without_a_store_and_all_committed(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new String[] {"writes", "--in-memory", "--triples", "5000", "--writes", "2",
                        "--work", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8), progress = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, progress);
        assertTrue(progress.contains("in memory (no store)") && !progress.contains("building a TDB2 store"), progress);
        assertTrue(!Files.exists(dir.resolve("store-5000-20250611")), "no store built");
        assertTrue(printed.contains(" (slowest ") && printed.contains("over 2 writes of 100 statements") && !printed.contains("failed:"), printed);
    }
}
