package org.icakg.federation;

import static org.icakg.support.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.icakg.support.Fixtures;
import org.icakg.support.Served;
import org.icakg.support.ServerExtension;
import org.icakg.support.StubEndpoint;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code SERVICE} may reach: endpoints on loopback that misbehave (an error with a secret body, a redirect,
 * a slow one, one that never answers), endpoints nobody allowed, this server itself, and calls nested deeply.
 * Every case answers within seconds, leaks nothing of a remote's body, and leaves the server answering.
 * <p>
 * The cases about the time limit run on a server whose limit is short ({@link #TIME_LIMIT}); the others on one whose
 * limit is long ({@link #AMPLE_LIMIT}), so that a slow machine, where a remote's error may take seconds to arrive,
 * still shows the status that error gives (502) rather than the time limit's (503).
 */
class FederationGuardsTest {

    static final Duration TIME_LIMIT = Duration.ofSeconds(3);
    /** The limit of the server that shows what a remote's answer gives: far above any call of these tests. */
    static final Duration AMPLE_LIMIT = Duration.ofSeconds(120);
    static final Path DATA = Fixtures.TINY;

    @RegisterExtension
    static final StubEndpoint stub = StubEndpoint.started();
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(c -> c.withData(List.of(DATA))
            .withQueryTimeout(AMPLE_LIMIT).withFederation(c.federation().allowing(List.of(stub.url("/error"),
                    stub.url("/redirect"), stub.url("/huge")))));
    @RegisterExtension
    static final ServerExtension limited = ServerExtension.start(c -> c.withData(List.of(DATA))
            .withQueryTimeout(TIME_LIMIT).withFederation(c.federation().allowing(List.of(stub.url("/slow"),
                    stub.silentUrl()))));

    @AfterEach
    void servers_still_answer_other_queries() {
        for (Served s : List.of(server, limited)) {
            HttpResponse<String> r = s.get("/sparql?query=" + enc("ASK { ?s ?p ?o }"));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("true"), r.body());
        }
    }

    static String serviceQuery(String endpoint) {
        return "SELECT * WHERE { SERVICE <" + endpoint + "> { ?s ?p ?o } }";
    }

    HttpResponse<String> query(Served s, String q, String... headers) {
        return s.get("/sparql?query=" + enc(q), headers);
    }

    @Test
    void an_endpoint_nobody_allowed_is_refused_with_403_naming_it_and_the_option_and_is_never_called() {
        String endpoint = stub.url("/sparql");
        HttpResponse<String> r = query(server, serviceQuery(endpoint));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains(endpoint), r.body());
        assertTrue(r.body().contains("--federation"), r.body());
        assertFalse(r.body().contains(StubEndpoint.SECRET), r.body());
        assertEquals(0, stub.hits("/sparql"));
    }

    @Test
    void a_service_iri_made_by_bind_is_checked_like_a_written_one() {
        String q = "SELECT * WHERE { BIND(IRI(CONCAT(\"" + stub.url("/spar") + "\", \"ql\")) AS ?e) "
                + "SERVICE ?e { ?s ?p ?o } }";
        HttpResponse<String> r = query(server, q);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains(stub.url("/sparql")), r.body());
        assertEquals(0, stub.hits("/sparql"));
    }

    @Test
    void an_unbound_service_variable_is_refused_with_a_4xx() {
        HttpResponse<String> r = query(server, "SELECT * WHERE { SERVICE ?e { ?s ?p ?o } }");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
    }

    @Test
    void a_remote_error_gives_502_with_its_status_but_never_its_body() {
        HttpResponse<String> r = query(server, serviceQuery(stub.url("/error")));
        assertEquals(502, r.statusCode(), r.body());
        assertTrue(r.body().contains(stub.url("/error")) && r.body().contains("500"), r.body());
        assertFalse(r.body().contains(StubEndpoint.SECRET), r.body());
    }

    @Test
    void a_redirect_is_not_followed() {
        HttpResponse<String> r = query(server, serviceQuery(stub.url("/redirect")));
        assertEquals(502, r.statusCode(), r.body());
        assertTrue(r.body().contains("redirect"), r.body());
        assertFalse(r.body().contains(StubEndpoint.SECRET), r.body());
        assertFalse(r.body().contains("/target"), r.body());
        assertEquals(0, stub.hits("/target"));
    }

    @Test
    void an_answer_larger_than_the_limit_gives_502_naming_the_limit() {
        HttpResponse<String> r = query(server, serviceQuery(stub.url("/huge")));
        assertEquals(502, r.statusCode(), r.body());
        assertTrue(r.body().contains(Integer.toString(FederatedService.MAX_RESULT_BYTES)), r.body());
        assertFalse(r.body().contains(StubEndpoint.SECRET), r.body());
    }

    @Test
    void silent_service_ignores_a_remote_failure_but_not_a_refusal() {
        HttpResponse<String> failed = query(server, "SELECT * WHERE { SERVICE SILENT <" + stub.url("/error") + "> { ?s ?p ?o } }");
        assertEquals(200, failed.statusCode(), failed.body());
        HttpResponse<String> refused = query(server, "SELECT * WHERE { SERVICE SILENT <" + stub.url("/sparql") + "> { ?s ?p ?o } }");
        assertEquals(403, refused.statusCode(), refused.body());
    }

    @Test
    void a_slow_endpoint_is_cut_off_at_the_query_time_limit() {
        long start = System.nanoTime();
        HttpResponse<String> r = query(limited, serviceQuery(stub.url("/slow")));
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(seconds < 15, "answered after " + seconds + " s with a time limit of " + TIME_LIMIT);
        assertFalse(r.body().contains(StubEndpoint.SECRET), r.body());
    }

    @Test
    void an_endpoint_that_never_answers_is_hung_up_on_at_the_time_limit() throws InterruptedException {
        int closedBefore = stub.silentClosedAt().size();
        long start = System.nanoTime();
        HttpResponse<String> r = query(limited, serviceQuery(stub.silentUrl()));
        assertEquals(503, r.statusCode(), r.body());
        assertTrue((System.nanoTime() - start) / 1_000_000_000 < 15, "answered within seconds");
        assertTrue(waitFor(() -> stub.silentClosedAt().size() > closedBefore, 10_000),
                "the connection to the silent endpoint was closed");
    }

    @Test
    void a_client_that_leaves_leaves_no_outbound_call_behind_past_the_time_limit() throws Exception {
        int acceptedBefore = stub.silentAccepted(), closedBefore = stub.silentClosedAt().size();
        Socket client = new Socket(InetAddress.getLoopbackAddress(), limited.server().port());
        OutputStream out = client.getOutputStream();
        out.write(("GET /sparql?query=" + enc(serviceQuery(stub.silentUrl())) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertTrue(waitFor(() -> stub.silentAccepted() > acceptedBefore, 10_000), "the call was made");
        client.close();
        assertTrue(waitFor(() -> stub.silentClosedAt().size() > closedBefore, 15_000),
                "the outbound call was ended (time limit " + TIME_LIMIT + ")");
    }

    @Test
    void a_query_to_this_server_itself_is_refused_even_when_its_address_is_named() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String self = "http://127.0.0.1:" + port + "/sparql";
        try (TestServer s = TestServer.start(c -> c.withPort(port).withData(List.of(DATA))
                .withFederation(c.federation().allowing(List.of(self))))) {
            HttpResponse<String> r = query(s, serviceQuery(self));
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("this server itself"), r.body());
            assertEquals(200, query(s, "ASK {}").statusCode());
        }
    }

    @Test
    void service_nested_twenty_deep_to_this_server_is_answered_at_once() {
        String self = server.url("/sparql");
        String q = "SELECT * WHERE { " + ("SERVICE <" + self + "> { ").repeat(20) + "?s ?p ?o" + " }".repeat(20) + " }";
        long start = System.nanoTime();
        HttpResponse<String> r = query(server, q);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue((System.nanoTime() - start) / 1_000_000_000 < 10, "answered within seconds");
    }

    @Test
    void the_public_base_of_this_server_counts_as_itself() {
        HttpResponse<String> r = query(server, serviceQuery("https://w3id.org/ica-kg/sparql"));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("this server itself"), r.body());
    }

    @Test
    void a_query_that_arrived_through_enough_hops_makes_no_further_call() {
        int before = stub.hits("/error");
        HttpResponse<String> r = query(server, serviceQuery(stub.url("/error")), FederatedService.DEPTH_HEADER,
                Integer.toString(FederationPolicy.DEFAULT_MAX_DEPTH));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("hop"), r.body());
        assertEquals(before, stub.hits("/error"));
    }

    @Test
    void calls_nested_through_two_servers_stop_at_the_depth_limit() throws IOException {
        int portA;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            portA = free.getLocalPort();
        }
        String a = "http://127.0.0.1:" + portA + "/sparql";
        try (TestServer b = TestServer.start(c -> c.withData(List.of(DATA)).withQueryTimeout(AMPLE_LIMIT)
                .withFederation(c.federation().allowing(List.of(a))));
             TestServer serverA = TestServer.start(c -> c.withPort(portA).withData(List.of(DATA))
                     .withQueryTimeout(AMPLE_LIMIT).withFederation(c.federation().allowing(List.of(b.url("/sparql")))))) {
            StringBuilder q = new StringBuilder("SELECT * WHERE { ");
            for (int i = 0; i < 20; i++)
                q.append("SERVICE <").append(i % 2 == 0 ? b.url("/sparql") : a).append("> { ");
            q.append("?s ?p ?o").append(" }".repeat(20)).append(" }");
            long start = System.nanoTime();
            HttpResponse<String> r = query(serverA, q.toString());
            assertTrue(r.statusCode() == 403 || r.statusCode() == 502, r.statusCode() + " " + r.body());
            assertTrue((System.nanoTime() - start) / 1_000_000_000 < 10, "answered within seconds");
            assertEquals(200, query(serverA, "ASK {}").statusCode());
            assertEquals(200, query(b, "ASK {}").statusCode());
        }
    }

    @Test
    void a_public_only_endpoint_whose_name_resolves_to_loopback_is_refused_after_resolution() {
        String endpoint = "http://localhost:" + stub.url("/").split(":")[2].replace("/", "") + "/public";
        FederationPolicy publicOnly = new FederationPolicy(List.of(),
                List.of(FederationPolicy.Endpoint.parse(endpoint)), FederationPolicy.DEFAULT_MAX_DEPTH);
        try (TestServer s = TestServer.start(c -> c.withData(List.of(DATA)).withFederation(publicOnly))) {
            HttpResponse<String> r = query(s, serviceQuery(endpoint));
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("loopback") && r.body().contains("--federation"), r.body());
            assertEquals(0, stub.hits("/public"));
        }
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean())
                return true;
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
