package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.icakg.kb.Vocab;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Service Description and the VoID / DCAT description name the endpoint and the dumps under the configured base
 * ({@code --base}), whatever {@code Host} a request claims: a spoofed host never appears in an answer.
 */
class ConfiguredBaseTest {

    static final String BASE = "https://kg.example.org/ica/";
    static final String SPOOFED = "attacker.example";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(
            c -> c.withVocab(new Vocab(BASE)).withData(List.of(Fixtures.TINY)));

    @ParameterizedTest
    @ValueSource(strings = {"/sparql", "/void", "/sparql?format=jsonld", "/void?format=rdfxml"})
    void descriptions_name_the_configured_base_not_the_host_header(String path) throws IOException {
        String answer = HeadTest.raw(server, "GET " + path + " HTTP/1.1\r\nHost: " + SPOOFED
                + "\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains(BASE + "sparql"), answer);
        assertFalse(answer.contains(SPOOFED), answer);
    }
}
