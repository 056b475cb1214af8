package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.lib.DateTimeUtils;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plain query run without Jena's {@code QueryExecDataset} answers as it would, {@code NOW()} is the time of the query,
 * and the time limit and a cancel from another thread both stop a long run.
 */
class SmallQueryExecTest {

    private static TimeLimits limits;

    @BeforeAll
    static void watchTimeLimits() {
        limits = new TimeLimits();
    }

    @AfterAll
    static void stopWatching() {
        limits.close();
    }

    private static DatasetGraph data(int statements) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < statements; i++)
                dsg.getDefaultGraph().add(NodeFactory.createURI("urn:x:s" + i), NodeFactory.createURI("urn:x:p" + (i % 7)),
                        NodeFactory.createLiteralString("o" + i));
        });
        return dsg;
    }

    private static String text(RowSet rows) {
        var out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, rows);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Rows as text, in order, as Jena's own run gives them and as this one does. */
    private static String jena(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                return query.startsWith("ASK") ? Boolean.toString(exec.ask()) : text(exec.select());
            }
        });
    }

    private static String small(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            try (SmallQueryExec exec = new SmallQueryExec(QueryFactory.create(query), dsg, 10_000, limits, new SmallQueryExec.Clock())) {
                return query.startsWith("ASK") ? Boolean.toString(exec.ask()) : text(exec.select());
            }
        });
    }

    @Test
    void answers_equal_jenas_own_run() {
        DatasetGraph dsg = data(50);
        for (String q : List.of("ASK {}", "ASK { ?s <urn:x:p3> ?o }", "ASK { ?s <urn:x:nothing> ?o }",
                "SELECT ?s ?o { ?s <urn:x:p2> ?o } ORDER BY ?o", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                "SELECT * { ?s ?p ?o FILTER(STRENDS(?o, '7')) } ORDER BY ?s LIMIT 3", "SELECT * {}",
                "SELECT ?x { VALUES ?x { 1 2 } }"))
            assertEquals(jena(dsg, q), small(dsg, q), q);
    }

    private static final String LONG = "SELECT (COUNT(*) AS ?n) { ?a ?p ?o . ?b ?q ?r . ?c ?x ?y }";

    @Test
    void the_time_limit_cancels_a_long_run() {
        DatasetGraph dsg = data(2000);
        long start = System.nanoTime();
        assertThrows(QueryCancelledException.class, () -> Txn.executeRead(dsg, () -> {
            try (SmallQueryExec exec = new SmallQueryExec(QueryFactory.create(LONG), dsg, 200, limits, new SmallQueryExec.Clock())) {
                RowSetOps.consume(exec.select());
            }
        }));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms < 30_000, "stopped within seconds, not after 8e9 rows: " + ms + " ms");
    }

    @Test
    void abort_from_another_thread_cancels_a_long_run() throws Exception {
        DatasetGraph dsg = data(2000);
        SmallQueryExec exec = new SmallQueryExec(QueryFactory.create(LONG), dsg, 0, limits, new SmallQueryExec.Clock());
        CompletableFuture<Void> abort = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exec.abort();
        });
        assertThrows(QueryCancelledException.class, () -> Txn.executeRead(dsg, () -> {
            try (exec) {
                RowSetOps.consume(exec.select());
            }
        }));
        abort.get(30, TimeUnit.SECONDS);
    }

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

    private static String now(TestServer server, String query) {
        HttpResponse<String> r = server.get("/sparql?query=" + enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = VALUE.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    @Test
    void the_clock_writes_every_instant_as_jena_writes_it() {
        Random random = new Random(20261201);
        for (String zoneName : List.of("UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "America/St_Johns",
                "Pacific/Chatham")) {
            ZoneId zone = ZoneId.of(zoneName);
            SmallQueryExec.Clock clock = new SmallQueryExec.Clock(zone);
            List<Long> instants = new ArrayList<>(List.of(0L, 999L, 1000L, 1_000_001L,
                    Instant.parse("2026-03-29T00:59:59.999Z").toEpochMilli(), // London: the last ms before summer time
                    Instant.parse("2026-03-29T01:00:00Z").toEpochMilli(),
                    Instant.parse("2026-10-25T00:59:59.500Z").toEpochMilli(),
                    Instant.parse("2026-10-25T01:00:00.001Z").toEpochMilli(),
                    Instant.parse("2026-11-01T05:59:59.999Z").toEpochMilli(), // New York: back to standard time
                    Instant.parse("2026-11-01T06:00:00Z").toEpochMilli()));
            for (int i = 0; i < 2000; i++) {
                long t = (long) (random.nextDouble() * 4_102_444_800_000L); // 1970 to 2100
                instants.add(i % 4 == 0 ? t - Math.floorMod(t, 1000L) : t);        // whole seconds too
            }
            long previous = 0;
            for (long t : instants) {
                // In order and out of order, so that the clock's second is sometimes the one before.
                for (long at : new long[] {t, previous, t}) {
                    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
                    calendar.setTimeInMillis(at);
                    assertEquals(DateTimeUtils.calendarToXSDDateTimeString(calendar),
                            clock.lexical(at), zoneName + " " + at);
                }
                previous = t;
            }
        }
    }

    private static String shape(String dateTime) {
        return dateTime.replaceAll("\\.\\d+", "").replaceAll("\\d", "0");
    }

    @Test
    void now_is_the_time_of_each_query_written_as_fuseki_writes_it() throws Exception {
        try (TestServer server = TestServer.bundled()) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Instant before = Instant.now().minusMillis(1);
                String t = now(server, "SELECT (NOW() AS ?t) {} # " + i);
                Instant after = Instant.now().plusMillis(1);
                Instant at = OffsetDateTime.parse(t).toInstant();
                assertFalse(at.isBefore(before) || at.isAfter(after), t + " not between " + before + " and " + after);
                seen.add(t);
                Thread.sleep(5);
            }
            assertNotEquals(seen.get(0), seen.get(2), "a later query, a later time");
            // Fuseki's own path (a format parameter sends the query to it) writes the time in the same form.
            // (A time on a whole second has no fraction in either: the fraction is left out of the comparison.)
            String small = now(server, "SELECT (NOW() AS ?t) {}");
            HttpResponse<String> r = server.get("/sparql?query=" + enc("SELECT (NOW() AS ?t) {}") + "&output=json");
            Matcher m = VALUE.matcher(r.body());
            assertTrue(m.find(), r.body());
            assertEquals(shape(m.group(1)), shape(small), m.group(1) + " vs " + small);
        }
    }
}
