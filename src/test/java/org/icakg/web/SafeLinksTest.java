package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.kb.Vocab;
import org.icakg.support.HtmlLinks;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data with {@code javascript:}, {@code data:} and {@code vbscript:} IRIs in every position (entity, class,
 * property, value, source passage, document, {@code owl:sameAs}): every page shows them as text and links only
 * local paths and {@code http(s)} IRIs.
 */
class SafeLinksTest {

    static final Path DATA = Path.of("src/test/resources/fixtures/unsafe-links");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(() -> TestServer.withData(DATA));

    @ParameterizedTest
    @ValueSource(strings = {"/", "/search?q=scripted", "/search?q=india", "/timeline", "/classes", "/map",
            "/class?iri=https%3A%2F%2Fw3id.org%2Fica-kg%2Fontology%23State",
            "/class?iri=https%3A%2F%2Fw3id.org%2Fica-kg%2Fontology%23Meeting",
            "/class?iri=javascript%3Awindow.__pwned%3D10%2F%2Fclass", "/id/state/india", "/id/state/kazakhstan",
            "/id/passage/ordinary", "/ontology", "/shapes", "/query", "/validate"})
    void a_page_links_only_local_paths_and_http_iris(String path) {
        HttpResponse<String> r = server.get(path, "Accept", "text/html");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        List<String> unsafe = HtmlLinks.unsafe(r.body());
        assertTrue(unsafe.isEmpty(), path + " links " + unsafe);
    }

    @Test
    void script_iris_are_shown_as_text_where_they_appear() {
        assertTrue(server.get("/timeline", "Accept", "text/html").body().contains("Scripted meeting"),
                "the meeting with a javascript: IRI is on the timeline, as text");
        assertTrue(server.get("/search?q=scripted", "Accept", "text/html").body().contains("Scripted state"));
        String kazakhstan = server.get("/id/state/kazakhstan", "Accept", "text/html").body();
        assertTrue(kazakhstan.contains("Scripted meeting"), "the value is shown");
        assertFalse(kazakhstan.matches("(?s).*<a [^>]*>Scripted meeting</a>.*"), "as text, not as a link");
        String india = server.get("/id/state/india", "Accept", "text/html").body();
        assertTrue(india.contains("href=\"http://www.wikidata.org/entity/Q668\""), "http links stay links");
    }

    @Test
    void the_neighbourhood_picture_gets_no_script_links() {
        HttpResponse<String> r = server.get("/graph.json?iri=" + TestServer.enc("https://w3id.org/ica-kg/id/state/india"));
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"href\"\\s*:\\s*\"([^\"]*)\"").matcher(r.body());
        while (m.find())
            assertTrue(HtmlLinks.isSafe(m.group(1)), m.group(1));
    }

    @Test
    void only_http_and_https_iris_and_local_ones_become_link_targets() {
        Vocab vocab = new Vocab(Vocab.DEFAULT_BASE);
        assertEquals("/id/state/india", Links.href(vocab, "https://w3id.org/ica-kg/id/state/india"));
        assertEquals("https://www.wikidata.org/wiki/Q668", Links.href(vocab, "https://www.wikidata.org/wiki/Q668"));
        assertEquals("HTTP://example.org/", Links.href(vocab, "HTTP://example.org/"));
        assertEquals("HtTpS://example.org/", Links.href(vocab, "HtTpS://example.org/"));
        assertEquals("/ontology#Forum", Links.href(vocab, "https://w3id.org/ica-kg/ontology#Forum"));
        assertEquals("/id/x/a%20b%3Fc%23d%25%3B%D2%9A/e", Links.href(vocab, "https://w3id.org/ica-kg/id/x/a b?c#d%;Қ/e"));
        assertEquals("https://w3id.org/ica-kg/other", Links.href(vocab, "https://w3id.org/ica-kg/other"));
        for (String iri : List.of("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x",
                "file:///etc/passwd", "urn:isbn:123", "mailto:a@example.org", " http://example.org/",
                "http://exa mple.org/", "http://example.org/\n", "//evil.example/", "http\u017F://example.org/", "http:/x",
                "https:\t//example.org/", "http://example.org/\u007f"))
            assertNull(Links.href(vocab, iri), iri);
    }

    @Test
    void a_page_with_a_script_link_would_be_caught() {
        assertFalse(HtmlLinks.unsafe("<a href=\"javascript&#x3A;x\">x</a>").isEmpty());
        assertFalse(HtmlLinks.unsafe("<svg><a xlink:href=\"data:text/html,x\"></a></svg>").isEmpty());
        assertTrue(HtmlLinks.unsafe("<a href=\"/id/x\">x</a><a href=\"https://example.org/\">y</a>").isEmpty());
    }
}
