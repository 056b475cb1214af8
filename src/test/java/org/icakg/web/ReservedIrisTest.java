package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.icakg.support.HtmlLinks;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entity IRIs holding {@code %}, {@code ?}, {@code #}, {@code ;}, {@code +}, an encoded slash or non-ASCII letters:
 * every link the site makes to them leads to them, and each can be dereferenced as it is written.
 */
class ReservedIrisTest {

    static final Path DATA = Path.of("src/test/resources/fixtures/reserved-iris.trig");
    static final List<String> LABELS = List.of("Percent-encoded space", "With a query", "Percent sign", "Non-ASCII",
            "Semicolon", "Fragment", "Plus", "Encoded slash");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> TestServer.withData(DATA));

    @Test
    void every_link_from_an_entity_page_reaches_the_entity_it_names() {
        String hub = server.get("/id/thing/hub", "Accept", "text/html").body();
        List<String> hrefs = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"(/id/thing/[^\"]*)\"").matcher(hub);
        while (m.find())
            hrefs.add(HtmlLinks.decode(m.group(1)));
        List<String> reached = new ArrayList<>();
        for (String href : hrefs) {
            HttpResponse<String> r = server.get(href, "Accept", "text/html");
            assertEquals(200, r.statusCode(), href + ": " + r.body());
            LABELS.stream().filter(l -> r.body().contains("<h1>" + l) || r.body().contains(">" + l + "<"))
                    .forEach(reached::add);
        }
        assertTrue(reached.containsAll(LABELS), "reached " + reached + " from " + hrefs);
    }

    @Test
    void the_search_page_links_reach_the_entities() {
        String page = server.get("/search?q=" + TestServer.enc("With a query"), "Accept", "text/html").body();
        Matcher m = Pattern.compile("href=\"(/id/thing/what[^\"]*)\"").matcher(page);
        assertTrue(m.find(), page);
        HttpResponse<String> r = server.get(HtmlLinks.decode(m.group(1)), "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("With a query"), r.body());
    }

    @ParameterizedTest
    @CsvSource({"/id/thing/a%20b, https://w3id.org/ica-kg/id/thing/a%20b",
            "/id/thing/what?x=1, https://w3id.org/ica-kg/id/thing/what?x=1",
            "/id/thing/100%25, https://w3id.org/ica-kg/id/thing/100%25",
            "/id/thing/one;two, https://w3id.org/ica-kg/id/thing/one;two",
            "/id/thing/plus+sign, https://w3id.org/ica-kg/id/thing/plus+sign",
            "/id/thing/almaty-%C3%BC, https://w3id.org/ica-kg/id/thing/almaty-ü"})
    void an_iri_dereferences_as_it_is_written(String path, String iri) {
        HttpResponse<String> r = server.get(path, "Accept", "application/n-triples");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        Graph g = RDFParser.fromString(r.body(), Lang.NTRIPLES).toGraph();
        assertTrue(g.contains(NodeFactory.createURI(iri), null, null), r.body());
    }
}
