package org.icakg.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.icakg.support.HtmlLinks;
import org.icakg.support.Maintainer;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text through every route of the route table ({@code WebApp} and {@code /sparql}): in path segments, query
 * parameters, form fields, bodies and headers, with browsers' and other clients' {@code Accept}, reaching every error
 * case (400, 401, 403, 404, 405, 406, 411, 413, 415, 422). With a fixed seed and a fixed count, every run sends the same
 * requests. No answer is a 5xx; no HTML or XML answer carries a payload unescaped; a payload comes back verbatim only in
 * a non-markup type marked {@code nosniff}; no page links a script IRI.
 */
class HostileInputFuzzTest {

    static final long SEED = 20_261_130L;
    static final int COUNT = 1_500;
    static final long MAX_BODY = 16 * 1024;
    static final String TOO_LARGE = "data post too large";

    /** Text that runs script, breaks out of attributes or templates, or trips up decoders. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.__pwned=1</script>",
            "\"><img src=x onerror=window.__pwned=1>",
            "'><svg onload=window.__pwned=1>",
            "javascript:window.__pwned=1",
            "</textarea><script>window.__pwned=1</script>",
            "</title><script>window.__pwned=1</script>",
            "{{x}}{{{x}}}{{>head}}",
            "<!--<script>-->",
            "<iframe srcdoc=\"<script>parent.__pwned=1</script>\">",
            "%3Cscript%3Ewindow.__pwned=1%3C/script%3E",
            "\u202e<b>\u200bb\u0000\ud83d\ude00é</b>",
            "<a href=\"javascript:window.__pwned=1\">x</a>",
            "]]><script>window.__pwned=1</script>",
            "\\\"<script>\\u003c",
            "<" + "x".repeat(3000) + ">");

    static final List<String> ACCEPTS = List.of("text/html", "text/html,application/xhtml+xml,*/*;q=0.8",
            "application/json", "*/*", "text/plain", "application/ld+json", "text/turtle", "application/xml",
            "application/sparql-results+xml", "image/png", ";", "text/html;q=abc", "*/x");

    /** One kind of request, with the payload put somewhere in it. */
    record Route(String name, Function<String, HttpRequest.Builder> request) {}

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(c -> c.withData(List.of(
            Path.of("src/test/resources/fixtures/browse"), Path.of("src/test/resources/fixtures/unsafe-links")))
            .withUsersFile(Maintainer.usersFile(dir)).withMaxBodyBytes(MAX_BODY));
    static final List<Route> routes = routes();

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** A path segment: percent-encoded, spaces as %20. */
    static String seg(String s) { return q(s).replace("+", "%20"); }

    static HttpRequest.Builder get(String path) { return HttpRequest.newBuilder(URI.create(server.url(path))).GET(); }

    static HttpRequest.Builder send(String method, String path, String type, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null)
            b.header("Content-Type", type);
        for (int i = 0; i + 1 < headers.length; i += 2)
            b.header(headers[i], headers[i + 1]);
        return b;
    }

    static String turtleWith(String p) {
        return "<https://w3id.org/ica-kg/id/test/fuzz> <http://www.w3.org/2000/01/rdf-schema#label> \""
                + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"@en .\n<" + p + "> <" + p + "> \"x\" .\n";
    }

    static List<Route> routes() {
        String auth = Maintainer.AUTH;
        List<Route> r = new ArrayList<>();
        // Pages and their parameters.
        r.add(new Route("home", p -> get("/?x=" + q(p))));
        r.add(new Route("entity path", p -> get("/id/" + seg(p))));
        r.add(new Route("entity kind/slug", p -> get("/id/state/" + seg(p))));
        r.add(new Route("entity format", p -> get("/id/state/kazakhstan?format=" + q(p))));
        r.add(new Route("entity page", p -> get("/id/state/kazakhstan?page=" + q(p))));
        r.add(new Route("search", p -> get("/search?q=" + q(p))));
        r.add(new Route("classes", p -> get("/classes?format=" + q(p))));
        r.add(new Route("class iri", p -> get("/class?iri=" + q(p))));
        r.add(new Route("class page", p -> get("/class?iri=" + q("https://w3id.org/ica-kg/ontology#State") + "&page=" + q(p))));
        r.add(new Route("graph.json", p -> get("/graph.json?iri=" + q(p))));
        r.add(new Route("timeline", p -> get("/timeline?from=" + q(p))));
        r.add(new Route("map", p -> get("/map?focus=" + q(p))));
        r.add(new Route("ontology format", p -> get("/ontology?format=" + q(p))));
        r.add(new Route("shapes format", p -> get("/shapes?format=" + q(p))));
        r.add(new Route("void format", p -> get("/void?format=" + q(p))));
        r.add(new Route("dumps", p -> get("/dumps/" + seg(p))));
        r.add(new Route("assets", p -> get("/assets/" + seg(p))));
        r.add(new Route("query editor", p -> get("/query?query=" + q(p))));
        r.add(new Route("examples", p -> get("/query/examples.json?x=" + q(p))));
        r.add(new Route("prefixes", p -> get("/query/prefixes.json?x=" + q(p))));
        r.add(new Route("health", p -> get("/health?x=" + q(p))));
        r.add(new Route("metrics", p -> get("/metrics?x=" + q(p))));
        r.add(new Route("unknown path", p -> get("/" + seg(p))));
        r.add(new Route("unknown nested path", p -> get("/no/such/" + seg(p) + "?" + q(p) + "=" + q(p))));
        // Graph Store Protocol: reads open, writes with credentials.
        r.add(new Route("data graph", p -> get("/data?graph=" + q(p))));
        r.add(new Route("data both", p -> get("/data?default&graph=" + q(p))));
        r.add(new Route("data format", p -> get("/data?default&format=" + q(p))));
        r.add(new Route("data put anonymous", p -> send("PUT", "/data?graph=" + q(p), "text/turtle", turtleWith(p))));
        r.add(new Route("data put", p -> send("PUT", "/data?graph=" + q(p), "text/turtle", turtleWith(p),
                "Authorization", auth)));
        r.add(new Route("data post invalid", p -> send("POST", "/data?graph=" + q("https://w3id.org/ica-kg/id/passage/fuzz"),
                "text/turtle", turtleWith(p), "Authorization", auth)));
        r.add(new Route("data post nonconforming", p -> send("POST", "/data?graph="
                + q("https://w3id.org/ica-kg/id/passage/fuzz"), "text/turtle",
                "<https://w3id.org/ica-kg/id/state/fuzz> a <https://w3id.org/ica-kg/ontology#State> ; "
                        + "<http://www.w3.org/2000/01/rdf-schema#comment> \"" + p.replace("\\", "\\\\")
                        .replace("\"", "\\\"") + "\" .", "Authorization", auth)));
        r.add(new Route("data post type", p -> send("POST", "/data?default", ascii(p), "x", "Authorization", auth)));
        r.add(new Route(TOO_LARGE, p -> send("POST", "/data?default", "text/turtle",
                "# " + p + "\n" + "#".repeat((int) MAX_BODY + 10), "Authorization", auth)));
        r.add(new Route("data delete", p -> send("DELETE", "/data?graph=" + q(p), null, null, "Authorization", auth)));
        r.add(new Route("data cross-site", p -> send("DELETE", "/data?graph=" + q(p), null, null, "Authorization", auth,
                "Origin", "https://" + ascii(p).replace(" ", ""))));
        r.add(new Route("data bad credentials", p -> send("PUT", "/data?default", "text/turtle", turtleWith(p),
                "Authorization", "Basic " + ascii(p))));
        // SPARQL.
        r.add(new Route("sparql query", p -> get("/sparql?query=" + q(p))));
        r.add(new Route("sparql literal", p -> get("/sparql?query=" + q("SELECT (\"" + p.replace("\\", "").replace("\"", "")
                + "\" AS ?x) {}"))));
        r.add(new Route("sparql iri", p -> get("/sparql?query=" + q("DESCRIBE <" + p + ">"))));
        r.add(new Route("sparql update param", p -> get("/sparql?update=" + q(p))));
        r.add(new Route("sparql form", p -> send("POST", "/sparql", "application/x-www-form-urlencoded", "query=" + q(p))));
        r.add(new Route("sparql body", p -> send("POST", "/sparql", "application/sparql-query", p)));
        r.add(new Route("sparql type", p -> send("POST", "/sparql", ascii(p), p)));
        r.add(new Route("sparql put", p -> send("PUT", "/sparql?query=" + q(p), "text/plain", p)));
        r.add(new Route("update anonymous", p -> send("POST", "/update", "application/sparql-update", p)));
        r.add(new Route("update", p -> send("POST", "/update", "application/sparql-update", p, "Authorization", auth)));
        r.add(new Route("update form", p -> send("POST", "/update", "application/x-www-form-urlencoded", "update=" + q(p),
                "Authorization", auth)));
        r.add(new Route("update insert", p -> send("POST", "/update", "application/sparql-update",
                "INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/fuzz> { " + turtleWith(p).lines()
                        .findFirst().orElseThrow() + " } }", "Authorization", auth)));
        // Validation and audit.
        r.add(new Route("validate page", p -> get("/validate?data=" + q(p))));
        r.add(new Route("validate form", p -> send("POST", "/validate", "application/x-www-form-urlencoded", "data=" + q(p))));
        r.add(new Route("validate turtle", p -> send("POST", "/validate", "text/turtle", p)));
        r.add(new Route("validate valid turtle", p -> send("POST", "/validate", "text/turtle", turtleWith(p))));
        r.add(new Route("audit limit", p -> get("/audit?limit=" + q(p)).header("Authorization", auth)));
        r.add(new Route("audit id", p -> get("/audit/" + seg(p)).header("Authorization", auth)));
        r.add(new Route("audit anonymous", p -> get("/audit/" + seg(p))));
        // The maintainers' workbench: its pages with credentials, its posts without the form's token, anonymous.
        r.add(new Route("workbench home", p -> get("/workbench?x=" + q(p)).header("Authorization", auth)));
        r.add(new Route("workbench new source", p -> get("/workbench/sources/new?x=" + q(p)).header("Authorization", auth)));
        r.add(new Route("workbench source", p -> get("/workbench/source?iri=" + q(p)).header("Authorization", auth)));
        r.add(new Route("workbench passage", p -> get("/workbench/passage?iri=" + q(p)).header("Authorization", auth)));
        r.add(new Route("workbench statement form", p -> get("/workbench/statements?passage=" + q(p) + "&class=" + q(p)
                + "&entity=" + q(p)).header("Authorization", auth)));
        r.add(new Route("workbench entities", p -> get("/workbench/entities.json?q=" + q(p) + "&class=" + q(p))
                .header("Authorization", auth)));
        r.add(new Route("workbench change", p -> get("/workbench/changes/" + seg(p)).header("Authorization", auth)));
        r.add(new Route("workbench asset", p -> get("/workbench/assets/" + seg(p))));
        r.add(new Route("workbench register", p -> send("POST", "/workbench/sources", "application/x-www-form-urlencoded",
                "action=register&title=" + q(p) + "&text=" + q(p), "Authorization", auth)));
        r.add(new Route("workbench statements post", p -> send("POST", "/workbench/statements",
                "application/x-www-form-urlencoded", "action=check&passage=" + q(p) + "&class=" + q(p), "Authorization", auth)));
        r.add(new Route("workbench anonymous", p -> get("/workbench/source?iri=" + q(p))));
        // Methods a path does not take.
        r.add(new Route("patch", p -> send("PATCH", "/search?q=" + q(p), "text/plain", p)));
        r.add(new Route("delete page", p -> send("DELETE", "/id/" + seg(p), null, null)));
        r.add(new Route("post page", p -> send("POST", "/timeline", "text/plain", p)));
        return List.copyOf(r);
    }

    /** Printable ASCII only, for headers (which cannot carry other characters). */
    static String ascii(String p) {
        String s = p.replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    @Test
    void hostile_text_through_every_route_is_never_a_5xx_and_never_comes_back_unescaped() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < COUNT; i++) {
            Route route = routes.get(random.nextInt(routes.size()));
            String payload = PAYLOADS.get(random.nextInt(PAYLOADS.size()));
            String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
            boolean hostileAccept = random.nextInt(10) == 0;
            HttpRequest.Builder b = route.request().apply(payload);
            b.setHeader("Accept", hostileAccept ? ascii(payload) : accept);
            HttpResponse<String> r;
            try {
                r = sendOnce(b);
            } catch (java.io.UncheckedIOException e) {
                // The server answers 413 and closes the connection without reading the body; a client still
                // sending it may see the connection reset before it reads the answer.
                if (route.name().equals(TOO_LARGE))
                    continue;
                failures.add(route.name() + " | " + payload + " → no answer: " + e.getCause());
                continue;
            }
            statuses.merge(r.statusCode(), 1, Integer::sum);
            String problem = check(r, payload);
            if (problem != null)
                failures.add(route.name() + " | Accept: " + accept + " | " + payload + " → " + r.statusCode() + " "
                        + r.headers().firstValue("Content-Type").orElse("-") + ": " + problem);
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + COUNT + " answers failed (statuses " + statuses + "):\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        for (int status : new int[] {200, 400, 401, 403, 404, 405, 406, 413, 415, 422})
            assertTrue(statuses.containsKey(status), "the pass reaches " + status + ": " + statuses);
    }

    /**
     * Sends a request, again once on a fresh attempt if the connection it went out on had been closed by the server
     * (after an answer with {@code Connection: close}, the client may reuse the connection before it sees the close).
     */
    static HttpResponse<String> sendOnce(HttpRequest.Builder b) {
        try {
            return server.send(b.copy());
        } catch (java.io.UncheckedIOException closed) {
            return server.send(b.copy());
        }
    }

    /** What is wrong with an answer to a request carrying {@code payload}, or null. */
    static String check(HttpResponse<String> r, String payload) {
        if (r.statusCode() >= 500)
            return "server error: " + abbreviate(r.body());
        if (!"nosniff".equals(r.headers().firstValue("X-Content-Type-Options").orElse(null)))
            return "no X-Content-Type-Options: nosniff";
        String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String body = r.body();
        boolean markup = type.startsWith("text/html") || type.contains("xml");
        if (type.startsWith("text/html")) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            if (!csp.contains("script-src 'self'") || csp.matches(".*script-src[^;]*unsafe-inline.*"))
                return "HTML without a Content-Security-Policy that forbids inline script: " + csp;
            List<String> unsafe = HtmlLinks.unsafe(body);
            if (!unsafe.isEmpty())
                return "links " + unsafe;
            if (body.contains("__pwned") && body.matches("(?s).*<(script|img|svg|iframe)[^>]*__pwned.*"))
                return "payload markup in the page: " + abbreviate(body);
        }
        if (payload.matches("(?s).*[<>\"'].*") && body.contains(payload) && markup)
            return "payload unescaped in a markup answer: " + abbreviate(body);
        if (body.contains(payload) && type.isEmpty())
            return "payload in an answer without a Content-Type";
        return null;
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
