package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Requests are counted under bounded labels: a known method or {@code other}, a status class or {@code other}. */
class MetricsLabelsTest {

    private static double count(String scrape, String labels) {
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{" + Pattern.quote(labels) + "\\} (\\S+)$")
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double counter(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void each_request_counts_once_under_its_method_route_and_status_class() {
        Metrics metrics = new Metrics();
        for (int i = 0; i < 3; i++)
            metrics.record("GET", "/sparql", 200, 1_000_000);
        metrics.record("GET", "/sparql", 503, 1_000_000);
        metrics.record("HEAD", "/sparql", 304, 1_000);
        metrics.record("PROPFIND", "/sparql", 207, 1_000);
        metrics.record("GET", "other", 999, 1_000);
        metrics.record("DELETE", "/data", 204, 1_000);
        metrics.record("GET", "/data", 200, 1_000);
        metrics.record("PUT", "/data", 400, 1_000);
        String s = metrics.scrape();
        assertEquals(3, count(s, "method=\"GET\",route=\"/sparql\",status=\"2xx\""), s);
        assertEquals(1, count(s, "method=\"GET\",route=\"/sparql\",status=\"5xx\""), s);
        assertEquals(1, count(s, "method=\"HEAD\",route=\"/sparql\",status=\"3xx\""), s);
        assertEquals(1, count(s, "method=\"other\",route=\"/sparql\",status=\"2xx\""), s);
        assertEquals(1, count(s, "method=\"GET\",route=\"other\",status=\"other\""), s);
        assertEquals(1, counter(s, "ica_query_timeouts_total"), s);
        // Writes: DELETE 204 committed, PUT 400 refused; a GET of /data is no write.
        assertEquals(1, counter(s, "ica_writes_total{outcome=\"committed\"}"), s);
        assertEquals(1, counter(s, "ica_writes_total{outcome=\"refused\"}"), s);
    }
}
