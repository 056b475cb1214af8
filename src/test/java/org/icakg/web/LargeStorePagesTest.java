package org.icakg.web;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.support.HtmlLinks;
import org.icakg.support.Served;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browsing pages over a generated graph of some 25,000 statements in 1,200 passage graphs, in memory and in a
 * TDB2 store: every page answers within seconds; its counts equal what a query counts (a state stated in every
 * passage is one subject, one entity of its class); lists that would grow with the graph are capped and say where
 * the rest is.
 */
class LargeStorePagesTest {

    static final int PASSAGES = 1200;
    static final String ICA = "https://w3id.org/ica-kg/ontology#";

    static final String SECRET = "large-store-secret";

    @TempDir
    static Path dir;

    @RegisterExtension
    static final ServerExtension memory = ServerExtension.start(c -> c.withData(List.of(data()))
            .withUsersInline("writer:" + SECRET));
    @RegisterExtension
    static final ServerExtension tdb2 = ServerExtension.start(c -> c.withData(List.of(data()))
            .withStore(dir.resolve("store")).withUsersInline("writer:" + SECRET));


    /** The generated graph: a meeting, a commitment made at it and the host state (stated again) per passage. */
    static synchronized Path data() {
        Path file = dir.resolve("large.trig");
        if (Files.exists(file))
            return file;
        StringBuilder b = new StringBuilder("""
                PREFIX ica: <https://w3id.org/ica-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                PREFIX state: <https://w3id.org/ica-kg/id/state/>
                PREFIX meeting: <https://w3id.org/ica-kg/id/meeting/>
                PREFIX commitment: <https://w3id.org/ica-kg/id/commitment/>
                PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
                """);
        LocalDate day = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < PASSAGES; i++) {
            b.append("passage:large-").append(i).append(" {\n")
                    .append("  state:india a ica:State ; rdfs:label \"India\"@en .\n")
                    .append("  meeting:large-").append(i).append(" a ica:Meeting ; rdfs:label \"Large meeting ").append(i)
                    .append("\"@en ; ica:date \"").append(day.plusDays(7L * i)).append("\"^^xsd:date ; ica:hostedBy state:india .\n")
                    .append("  commitment:large-").append(i).append(" a ica:Commitment ; rdfs:label \"Large commitment ")
                    .append(i).append("\"@en ; ica:madeAt meeting:large-").append(i).append(" ; ica:party state:india .\n")
                    .append("}\n");
        }
        try {
            return Files.writeString(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String page(Served s, String path) {
        long start = System.nanoTime();
        HttpResponse<String> r = s.get(path, "Accept", "text/html");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, path + " answered within seconds, not minutes");
        return r.body();
    }

    static long count(Served s, String select) {
        HttpResponse<String> r = s.get("/sparql?query=" + enc("PREFIX ica: <" + ICA + "> " + select), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().split("\r\n")[1]);
    }

    @Test
    void the_home_page_counts_as_queries_do_and_lists_the_latest_meeting() throws InterruptedException {
        for (Served s : List.of(memory, tdb2)) {
            String home = settled(s);
            Matcher totals = Pattern.compile("(\\d+) statements about (\\d+) subjects in (\\d+) named graphs").matcher(home);
            assertTrue(totals.find(), home);
            assertEquals(count(s, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), Long.parseLong(totals.group(1)));
            assertEquals(count(s, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"), Long.parseLong(totals.group(2)));
            assertEquals(count(s, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
                    Long.parseLong(totals.group(3)));
            assertTrue(Long.parseLong(totals.group(3)) >= PASSAGES, totals.group());
            for (String[] c : List.of(new String[] {"meeting", "Meeting"}, new String[] {"commitment", "Commitment"},
                    new String[] {"state", "State"})) {
                Matcher row = Pattern.compile(">" + c[0] + "</a></td><td class=\"num\">(\\d+)</td>").matcher(home);
                assertTrue(row.find(), c[0] + ": " + home);
                assertEquals(count(s, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ica:" + c[1] + " }"),
                        Long.parseLong(row.group(1)), c[0]);
            }
            String events = home.substring(home.indexOf("id=\"latest-events\""));
            assertTrue(events.indexOf("Large meeting " + (PASSAGES - 1) + "<") > 0, events);
            assertTrue(page(s, "/classes").contains(">meeting</a></td><td class=\"num\">" + PASSAGES + "</td>"));
        }
    }

    @Test
    void after_a_write_the_counts_and_search_follow_within_seconds_and_no_page_fails_meanwhile() throws Exception {
        for (Served s : List.of(memory, tdb2)) {
            long states = count(s, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ica:State }");
            String name = "Addedland" + (s == memory ? "memory" : "tdb2");
            HttpResponse<String> w = s.send(HttpRequest.newBuilder(URI.create(s.url("/update")))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("PREFIX ica: <" + ICA + "> "
                            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { GRAPH "
                            + "<https://w3id.org/ica-kg/id/passage/added-large> { <https://w3id.org/ica-kg/id/state/"
                            + name.toLowerCase() + "> a ica:State ; rdfs:label \"" + name + "\"@en } }")),
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(("writer:" + SECRET).getBytes()));
            assertEquals(200, w.statusCode(), w.body());
            assertEquals(states + 1, count(s, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ica:State }"));
            long triples = count(s, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            // Every page answers at once meanwhile (the previous counts, marked, or the new ones); the new ones follow.
            long until = System.nanoTime() + 60_000_000_000L;
            String home;
            while (true) {
                home = page(s, "/");
                boolean counted = home.contains(triples + " statements about")
                        && home.contains(">state</a></td><td class=\"num\">" + (states + 1) + "</td>");
                boolean marked = home.contains("id=\"counts-stale\"");
                if (counted && !marked) // the mark stays while the events below the counts are made again
                    break;
                assertTrue(marked, "counts from before the write are marked: " + home);
                assertTrue(System.nanoTime() < until, "the counts follow the write within seconds, not minutes");
                Thread.sleep(200);
            }
            String found = s.get("/search?q=" + name + "&format=json").body();
            assertTrue(found.contains("\"href\":\"/id/state/" + name.toLowerCase() + "\""), found);
            assertTrue(page(s, "/class?iri=" + enc(ICA + "State")).contains(">" + name + "</a>"), "the class page too");
        }
    }

    @Test
    void every_page_of_a_class_with_a_thousand_instances_answers_and_together_they_list_each_once() {
        for (Served s : List.of(memory, tdb2)) {
            String path = "/class?iri=" + enc(ICA + "Meeting");
            Pattern instance = Pattern.compile("<a href=\"/id/meeting/(large-\\d+)\">Large meeting \\d+</a>");
            java.util.Set<String> seen = new java.util.TreeSet<>();
            int pages = (PASSAGES + ClassController.INSTANCES_PAGE_SIZE - 1) / ClassController.INSTANCES_PAGE_SIZE;
            String previous = "";
            for (int p = 1; p <= pages; p++) {
                String html = page(s, path + "&page=" + p);
                assertTrue(html.contains("page " + p + " of " + pages) || html.contains(p + " of " + pages), html);
                Matcher m = instance.matcher(html);
                List<String> here = new java.util.ArrayList<>();
                while (m.find())
                    here.add(m.group(1));
                assertEquals(p < pages ? ClassController.INSTANCES_PAGE_SIZE : PASSAGES - (pages - 1) * ClassController.INSTANCES_PAGE_SIZE,
                        here.size(), "page " + p);
                assertTrue(("Large meeting " + here.get(0).substring(6)).compareTo(previous) > 0, "in label order across pages");
                previous = "Large meeting " + here.get(here.size() - 1).substring(6);
                seen.addAll(here);
            }
            assertEquals(PASSAGES, seen.size(), "every meeting once");
            assertEquals(400, s.get(path + "&page=" + (pages + 1), "Accept", "text/html").statusCode());
        }
    }

    /** Instances of the class of {@link #listed_store}: several thousand, with labels that tie, differ in case only, need escaping, or are missing. */
    static final int RECORDS = 4000;
    static final String RECORD = ICA + "State";
    static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";

    /**
     * A class of {@link #RECORDS} instances in 50 graphs: labels from a few words in several cases and scripts (so
     * that many tie and are ordered by IRI), some needing escaping in HTML, every 13th instance without a label, one
     * label a number, one of 100,000 characters, one instance typed in two graphs, one a blank node, every tenth
     * instance not under this server's base.
     */
    static synchronized Path records() {
        Path file = dir.resolve("records.trig");
        if (Files.exists(file))
            return file;
        String[] words = {"alpha", "Alpha", "ALPHA", "beta", "Beta", "\u00fcber", "\u00dcber", "Zeta", "zeta",
                "<b>bold</b> & \\\"quoted\\\" 'text'", "\u03a9mega", "\u0440\u0435\u043a\u043e\u0440\u0434", "a=b`c"};
        StringBuilder b = new StringBuilder("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "PREFIX ica: <" + ICA + ">\n");
        java.util.Random random = new java.util.Random(20250611);
        for (int i = 0; i < RECORDS; i++) {
            String iri = i % 10 == 9 ? "https://example.org/records/r" + i : "https://w3id.org/ica-kg/id/record/r" + i;
            b.append("<https://w3id.org/ica-kg/id/passage/records-").append(i % 50).append("> { <").append(iri)
                    .append("> a ica:State");
            if (i == 7)
                b.append(" ; rdfs:label 42");
            else if (i == 11)
                b.append(" ; rdfs:label \"zz").append("z".repeat(100_000)).append("\"");
            else if (i % 13 != 0)
                b.append(" ; rdfs:label \"").append(words[random.nextInt(words.length)]).append(' ')
                        .append(random.nextInt(40)).append('"').append(i % 2 == 0 ? "@en" : "");
            b.append(" }\n");
        }
        b.append("<https://w3id.org/ica-kg/id/passage/records-more> { <https://w3id.org/ica-kg/id/record/r5> a ica:State . "
                + "[] a ica:State ; rdfs:label \"a blank node\" }\n");
        try {
            return Files.writeString(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instance as a class page lists it: its link (null when it has none) and its text, unescaped. */
    record Listed(String href, String text) {}

    /** The instances one class page lists, in order. */
    static List<Listed> listed(String html) {
        String list = html.substring(html.indexOf("<ul class=\"instances\">"), html.indexOf("</ul>", html.indexOf("<ul class=\"instances\">")));
        assertTrue(!list.contains("<b>"), "labels are escaped");
        Matcher m = Pattern.compile("<li>(?:<a href=\"([^\"]*)\">([^<]*)</a>|([^<]*))</li>").matcher(list);
        List<Listed> out = new java.util.ArrayList<>();
        while (m.find())
            out.add(m.group(1) != null ? new Listed(HtmlLinks.decode(m.group(1)), HtmlLinks.decode(m.group(2))) : new Listed(null, HtmlLinks.decode(m.group(3))));
        return out;
    }

    /**
     * What a class page should list, from a plain query: each IRI instance once, by label (case-insensitive, those
     * without a label first, shown by their IRI), then by IRI.
     */
    static List<Listed> expected(Served s) throws IOException {
        HttpResponse<String> r = s.get("/sparql?query=" + enc("SELECT DISTINCT ?x ?label WHERE { ?x a <" + RECORD + "> "
                + "FILTER isIRI(?x) OPTIONAL { ?x <" + RDFS_LABEL + "> ?label } }"), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        record Expected(String iri, String label) {}
        List<Expected> rows = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode b : new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
                .path("results").path("bindings"))
            rows.add(new Expected(b.path("x").path("value").asText(), b.has("label") ? b.path("label").path("value").asText() : null));
        assertEquals(rows.size(), rows.stream().map(Expected::iri).distinct().count(), "one label each at most");
        rows.sort(java.util.Comparator.comparing((Expected e) -> e.label() == null ? null : e.label().toLowerCase(),
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(Expected::iri));
        String base = "https://w3id.org/ica-kg/id/";
        return rows.stream().map(e -> new Listed(e.iri().startsWith(base) ? "/id/" + e.iri().substring(base.length()) : e.iri(),
                e.label() == null ? e.iri() : e.label())).toList();
    }

    /** Every page of the class, in order, with its count; each page checked to say its number. */
    static List<Listed> everyPage(Served s, long count) {
        String path = "/class?iri=" + enc(RECORD);
        int pages = (int) ((count + ClassController.INSTANCES_PAGE_SIZE - 1) / ClassController.INSTANCES_PAGE_SIZE);
        List<Listed> all = new java.util.ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            String html = page(s, path + "&page=" + p);
            assertTrue(html.contains("<h2>Instances <span class=\"muted\">(" + count + ")</span></h2>"), "the count");
            assertTrue(html.contains("page " + p + " of " + pages), "page " + p + " of " + pages);
            List<Listed> here = listed(html);
            assertEquals(p < pages ? ClassController.INSTANCES_PAGE_SIZE : count - (long) (pages - 1) * ClassController.INSTANCES_PAGE_SIZE,
                    here.size(), "page " + p);
            all.addAll(here);
        }
        assertEquals(400, s.get(path + "&page=" + (pages + 1), "Accept", "text/html").statusCode());
        return all;
    }

    /** The listing equals the expected one, or the first place where they differ is named. */
    static void sameListing(List<Listed> expected, List<Listed> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
            assertEquals(expected.get(i), actual.get(i), "instance " + (i + 1) + " of " + expected.size());
        assertEquals(expected.size(), actual.size(), "instances listed");
    }

    @Test
    void a_class_of_thousands_on_a_tdb2_store_is_listed_in_the_order_and_pages_a_query_gives_and_follows_a_write() throws Exception {
        try (TestServer s = TestServer.start(c -> c.withData(List.of(records())).withStore(dir.resolve("records-store"))
                .withUsersInline("writer:" + SECRET))) {
            List<Listed> expected = expected(s);
            assertEquals(RECORDS, expected.size(), "every IRI instance once, the blank node left out");
            assertTrue(expected.get(0).href().equals(expected.get(0).text()) || expected.get(0).text().startsWith("https://"),
                    "those without a label first, by their IRI");
            assertTrue(expected.stream().anyMatch(e -> e.text().equals("42")), "a number as a label");
            assertTrue(expected.stream().anyMatch(e -> e.text().length() > 100_000), "a long label");
            sameListing(expected, everyPage(s, expected.size()));
            // The first page again (as kept), then a write through the authenticated path: the pages follow at once.
            sameListing(expected.subList(0, ClassController.INSTANCES_PAGE_SIZE), listed(page(s, "/class?iri=" + enc(RECORD))));
            HttpResponse<String> w = s.send(HttpRequest.newBuilder(URI.create(s.url("/update")))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/records-added> { "
                            + "<https://w3id.org/ica-kg/id/record/added> a <" + RECORD + "> ; <" + RDFS_LABEL + "> \"Added & <new>\"@en } }; "
                            + "DELETE WHERE { GRAPH ?g { <https://w3id.org/ica-kg/id/record/r1> ?p ?o } }")),
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(("writer:" + SECRET).getBytes()));
            assertEquals(200, w.statusCode(), w.body());
            List<Listed> after = expected(s);
            assertEquals(RECORDS, after.size(), "one added, one removed");
            assertTrue(after.contains(new Listed("/id/record/added", "Added & <new>")), "the added instance");
            assertTrue(after.stream().noneMatch(e -> "/id/record/r1".equals(e.href())), "the removed one");
            sameListing(after, everyPage(s, after.size()));
        }
    }

    @Test
    void the_page_of_a_state_lists_a_bounded_number_of_values_per_property_and_links_to_the_rest() {
        for (Served s : List.of(memory, tdb2)) {
            String india = page(s, "/id/state/india");
            String outgoing = india.substring(india.indexOf("id=\"outgoing\""), india.indexOf("id=\"incoming\""));
            Matcher more = Pattern.compile("(\\d+) in all: <a href=\"([^\"]+)\">every one, (\\d+) pages</a>").matcher(outgoing);
            assertTrue(more.find(), outgoing);
            int total = Integer.parseInt(more.group(1)), pages = Integer.parseInt(more.group(3));
            assertTrue(total >= PASSAGES, more.group());
            assertEquals((total + EntityPage.OUTGOING_PER_PROPERTY - 1) / EntityPage.OUTGOING_PER_PROPERTY, pages);
            assertTrue(outgoing.split("<tr>", -1).length - 2 < 4 * EntityPage.OUTGOING_PER_PROPERTY,
                    "a bounded number of rows: " + outgoing.length());
            assertTrue(india.length() < 400_000, "the page stays small: " + india.length());
            assertTrue(outgoing.contains("more sources</div>"), "a label stated in every passage names some of them");
            String list = more.group(2).replace("&amp;", "&").replace("&#61;", "=");
            String last = page(s, "/id/state/india" + list + "&page=" + pages);
            assertTrue(last.contains("page " + pages + " of " + pages + " (" + total + " in all)"), last);
            assertTrue(last.contains("rel=\"prev\""), "links to the page before");
            int rows = total - (pages - 1) * EntityPage.OUTGOING_PER_PROPERTY;
            String lastOut = last.substring(last.indexOf("id=\"outgoing\""), last.indexOf("id=\"incoming\""));
            assertTrue(lastOut.split("<tr>", -1).length - 2 >= rows, "the last page lists the rest");
            assertEquals(400, s.get("/id/state/india" + list + "&page=" + (pages + 1), "Accept", "text/html").statusCode());
            assertEquals(400, s.get("/id/state/india?property=" + enc(ICA + "noSuchProperty"), "Accept", "text/html")
                    .statusCode());
        }
    }

    @Test
    void the_timeline_lists_the_latest_and_links_to_the_rest() throws InterruptedException {
        for (Served s : List.of(memory, tdb2)) {
            long until = System.nanoTime() + 60_000_000_000L;
            String timeline;
            while ((timeline = page(s, "/timeline")).contains("id=\"timeline-building\"")
                    || timeline.contains("id=\"timeline-stale\"")) {
                assertTrue(System.nanoTime() < until, "the timeline is made within seconds, not minutes");
                Thread.sleep(100);
            }
            assertTrue(timeline.contains(Chronology.MAX_ITEMS + " dated thing(s)"), timeline);
            assertEquals(Chronology.MAX_ITEMS, timeline.split("<li class=\"item\">", -1).length - 1);
            assertTrue(timeline.contains("Large meeting " + (PASSAGES - 1) + "<"), "the latest is listed");
            assertTrue(!timeline.contains("Large meeting 0<"), "the oldest is not");
            Matcher older = Pattern.compile("id=\"timeline-older\">[^<]*<a href=\"([^\"]+)\"").matcher(timeline);
            assertTrue(older.find(), timeline);
            HttpResponse<String> all = s.get(older.group(1).replace("&amp;", "&").replace("&#61;", "="),
                    "Accept", "text/csv");
            assertEquals(200, all.statusCode(), all.body());
            assertTrue(all.body().split("\r\n").length > PASSAGES, "the link lists every dated thing");
            assertTrue(all.body().contains("Large meeting 0"), "the oldest too");
        }
    }

    @Test
    void search_finds_by_label_in_either_store() {
        for (Served s : List.of(memory, tdb2)) {
            String json = s.get("/search?q=" + enc("large meeting 1199") + "&format=json").body();
            assertTrue(json.indexOf("\"href\":\"/id/meeting/large-1199\"") == json.indexOf("\"href\":"), json);
            assertTrue(json.contains("\"match\":\"exact\""), json);
            String india = s.get("/search?q=India&format=json").body();
            assertTrue(india.indexOf("\"href\":\"/id/state/india\"") == india.indexOf("\"href\":"), india);
            assertEquals(1, india.split("\"href\":\"/id/state/india\"", -1).length - 1, "once: " + india);
        }
    }

    @Test
    void the_service_description_lists_a_bounded_number_of_graphs_and_says_how_many_there_are() {
        for (Served s : List.of(memory, tdb2)) {
            HttpResponse<String> r = s.get("/sparql", "Accept", "application/n-triples");
            assertEquals(200, r.statusCode(), r.body());
            long listed = r.body().lines().filter(l -> l.contains("sparql-service-description#namedGraph>")).count();
            assertEquals(ServiceDescription.MAX_NAMED_GRAPHS, listed);
            long graphs = count(s, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
            assertTrue(r.body().contains(graphs + " named graphs; the first " + ServiceDescription.MAX_NAMED_GRAPHS),
                    r.body().lines().filter(l -> l.contains("comment")).toList().toString());
        }
    }

    @Test
    void the_page_of_a_state_with_thousands_of_incoming_links_pages_them() {
        for (Served s : List.of(memory, tdb2)) {
            String india = page(s, "/id/state/india");
            Matcher pages = Pattern.compile("page 1 of (\\d+)").matcher(india);
            assertTrue(pages.find(), india);
            assertTrue(Integer.parseInt(pages.group(1)) >= 2 * PASSAGES / EntityPage.INCOMING_PAGE_SIZE, pages.group());
            assertTrue(india.contains("rel=\"next\" href=\"?page&#61;2\""), "links to the next page");
            String neighbours = s.get("/graph.json?iri=" + enc("https://w3id.org/ica-kg/id/state/india")).body();
            assertTrue(neighbours.contains("\"truncated\":true"), neighbours);
        }
    }

    static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), series + " in " + metrics);
        return Double.parseDouble(m.group(1));
    }

    static String scrape(Served s) {
        long start = System.nanoTime();
        HttpResponse<String> r = s.get("/metrics");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "a scrape answers within seconds, not minutes");
        return r.body();
    }

    /** The home page once its counts and latest events are made (a page asks for them, then waits a moment). */
    static String settled(Served s) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        String home;
        while ((home = page(s, "/")).contains("id=\"counts-stale\"") || !home.contains(" statements about ")
                || home.contains("latest events are being found")) {
            assertTrue(System.nanoTime() < until, "the counts and events are made within seconds, not minutes");
            Thread.sleep(100);
        }
        return home;
    }

    /** Asks the home page until it shows counts of the current data (it starts the count). */
    static void awaitCounts(Served s) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        String home;
        while ((home = page(s, "/")).contains("id=\"counts-stale\"") || !home.contains(" statements about ")) {
            assertTrue(System.nanoTime() < until, "the counts follow within seconds, not minutes");
            Thread.sleep(100);
        }
    }

    @Test
    void a_scrape_reads_the_last_counts_and_never_starts_a_count_or_waits_for_one() throws Exception {
        for (Served s : List.of(memory, tdb2)) {
            awaitCounts(s);
            long triples = count(s, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            String before = scrape(s);
            assertEquals(1, sample(before, "ica_store_counts_current"), before);
            assertEquals(triples, sample(before, "ica_store_triples"), before);
            String name = "scraped-" + (s == memory ? "memory" : "tdb2");
            HttpResponse<String> w = s.send(HttpRequest.newBuilder(URI.create(s.url("/update")))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                            + "INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/" + name + "> { "
                            + "<https://w3id.org/ica-kg/id/state/" + name + "> rdfs:label \"" + name + "\"@en } }")),
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(("writer:" + SECRET).getBytes()));
            assertEquals(200, w.statusCode(), w.body());
            // No page asks: every scrape answers with the counts from before the write, marked, and starts no count.
            for (int i = 0; i < 5; i++) {
                String after = scrape(s);
                assertEquals(0, sample(after, "ica_store_counts_current"), after);
                assertEquals(triples, sample(after, "ica_store_triples"), after);
                Thread.sleep(100);
            }
            awaitCounts(s);
            String counted = scrape(s);
            assertEquals(1, sample(counted, "ica_store_counts_current"), counted);
            assertEquals(triples + 1, sample(counted, "ica_store_triples"), counted);
        }
    }

    @Test
    void a_server_on_a_tdb2_store_stops_within_seconds_while_it_counts_and_frees_the_store() throws Exception {
        Path store = dir.resolve("stopped-store");
        TestServer first = TestServer.start(c -> c.withData(List.of(data())).withStore(store));
        long triples = count(first, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        Thread asking = new Thread(() -> {
            try {
                first.get("/", "Accept", "text/html"); // starts the counts; the stop may cut it off
            } catch (RuntimeException e) {
                // Cut off by the stop.
            }
        });
        asking.setDaemon(true);
        asking.start();
        Thread.sleep(20);
        long start = System.nanoTime();
        first.close();
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "the stop ends within seconds, not minutes");
        try (TestServer again = TestServer.start(c -> c.withData(List.of(data())).withStore(store))) {
            awaitCounts(again);
            assertTrue(page(again, "/").contains(triples + " statements about"), "the store opens again, whole");
        }
    }
}
