package org.icakg.server;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.support.Maintainer;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: Prometheus text with bounded labels, counting what an operator watches. */
class MetricsTest {

    /** A sample line of the text exposition format: name, optional labels, a value, an optional timestamp. */
    static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\"\\\\n])*\",?)*\\})? "
                    + "(-?[0-9.]+([eE][+-]?[0-9]+)?|[+-]?Inf|NaN)( -?[0-9]+)?");
    static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void a_thousand_random_unknown_paths_do_not_grow_metrics_and_every_line_is_prometheus_text() {
        try (TestServer server = TestServer.bundled()) {
            server.get("/nothing-here");
            server.get("/id/nothing/here");
            String before = server.get("/metrics").body();
            Random random = new Random(42);
            for (int i = 0; i < 1000; i++) {
                String junk = Long.toHexString(random.nextLong()) + "x".repeat(random.nextInt(200));
                server.get(i % 2 == 0 ? "/" + junk : "/id/" + junk + "/" + i);
            }
            HttpResponse<String> after = server.get("/metrics");
            assertEquals(200, after.statusCode());
            assertTrue(after.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            String body = after.body();
            // The same series, only larger counts (and a few more digits in the JVM's numbers).
            assertTrue(body.length() < before.length() + 2_000, before.length() + " then " + body.length() + " bytes");
            assertFalse(body.contains("xxxxxxxx"), "a raw path in the labels");
            assertTrue(sample(body, "http_server_requests_seconds_count{method=\"GET\",route=\"other\",status=\"4xx\"}") >= 500,
                    body);
            for (String line : body.split("\n"))
                assertTrue(line.isEmpty() || SAMPLE.matcher(line).matches() || COMMENT.matcher(line).matches(),
                        "not Prometheus text: " + line);
        }
    }

    @Test
    void metrics_count_requests_by_route_template_latency_writes_refused_calls_and_store_size(@TempDir Path dir) {
        try (TestServer server = Maintainer.server(dir)) {
            String first = server.get("/metrics").body();
            assertTrue(Double.isNaN(sample(first, "ica_store_triples")), "no counts before a page asks: " + first);
            assertTrue(Double.isNaN(sample(first, "ica_store_counts_current")), first);
            server.get("/id/state/india");
            server.get("/sparql?query=" + enc("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"));
            String insert = "INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/metrics-1> { "
                    + "<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> \"m\" } }";
            HttpResponse<String> ok = server.send(HttpRequest.newBuilder(URI.create(server.url("/update")))
                    .header("Content-Type", "application/sparql-update").header("Authorization", Maintainer.AUTH)
                    .POST(HttpRequest.BodyPublishers.ofString(insert)));
            assertEquals(200, ok.statusCode(), ok.body());
            HttpResponse<String> anonymous = server.post("/update", "application/sparql-update", insert);
            assertEquals(401, anonymous.statusCode());
            String body = server.get("/metrics").body();
            assertTrue(sample(body, "http_server_requests_seconds_count{method=\"GET\",route=\"/id/<path>\",status=\"2xx\"}") >= 1, body);
            assertTrue(body.contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/id/<path>\",status=\"2xx\",le=\"0.1\"}"), body);
            assertEquals(1, sample(body, "ica_federation_refused_total{reason=\"not_allowed\"}"), body);
            assertEquals(1, sample(body, "ica_writes_total{outcome=\"committed\"}"), body);
            assertEquals(1, sample(body, "ica_writes_total{outcome=\"refused\"}"), body);
            // A scrape reads the last counts; a page asks for new ones after the write, and the scrape follows.
            server.get("/");
            long triples = Long.parseLong(server.get("/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                    "Accept", "text/csv").body().split("\r\n")[1]);
            long until = System.nanoTime() + 60_000_000_000L;
            String counted = server.get("/metrics").body();
            while (sample(counted, "ica_store_counts_current") != 1 && System.nanoTime() < until) {
                server.get("/");
                counted = server.get("/metrics").body();
            }
            assertEquals(1, sample(counted, "ica_store_counts_current"), "the counts follow within seconds: " + counted);
            assertEquals(triples, sample(counted, "ica_store_triples"), counted);
            assertTrue(sample(body, "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"}") > 0
                    || body.contains("jvm_memory_used_bytes{area=\"heap\""), body);
        }
    }
}
