package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.icakg.support.Fixtures;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;

/** Without any maintainer configured, writes are off and say how to turn them on. */
class WritesOffTest {

    @Test
    void without_users_an_update_is_a_403_saying_how_to_enable_writes() {
        try (TestServer server = TestServer.serving(Fixtures.inMemory(), c -> c)) {
            HttpResponse<String> r = server.post("/update", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                    "Authorization", "Basic YWxpY2U6c2VjcmV0");
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("--users") && r.body().contains("ICA_KG_USERS"), r.body());
            assertEquals(200, server.post("/validate", "text/turtle", "<urn:a> <urn:b> <urn:c> .").statusCode(),
                    "dry runs need no credentials");
        }
    }
}
