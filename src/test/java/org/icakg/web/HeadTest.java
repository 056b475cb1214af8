package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.icakg.support.Fixtures;
import org.icakg.support.Maintainer;
import org.icakg.support.Served;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HEAD answers what GET answers, status and headers alike, and sends no body: on every path, errors included. */
class HeadTest {

    /** Headers a client or a cache reads from a HEAD instead of fetching the body. */
    static final List<String> SAME = List.of("content-type", "etag", "vary", "link", "content-location",
            "content-length", "www-authenticate", "content-disposition", "location");

    @TempDir
    static java.nio.file.Path tmp;
    @RegisterExtension
    static final ServerExtension server = ServerExtension.of(
            () -> TestServer.serving(Fixtures.inMemory(), c -> c.withUsersFile(Maintainer.usersFile(tmp))));

    static HttpResponse<String> request(String method, String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        return accept.isEmpty() ? server.send(b) : server.send(b, "Accept", accept);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /                                          | text/html        | 200
            /id/state/kazakhstan                       | ''               | 200
            /id/state/kazakhstan                       | text/html        | 200
            /id/state/kazakhstan?format=jsonld         | ''               | 200
            /id/state/nowhere                          | text/turtle      | 404
            /id/state/kazakhstan                       | image/png        | 406
            /id/state/kazakhstan?format=nonsense       | ''               | 400
            /audit                                     | ''               | 401
            /nowhere-at-all                            | ''               | 404
            /void                                      | text/turtle      | 200
            /sparql                                    | text/turtle      | 200
            /sparql                                    | text/html        | 303
            /sparql?query=ASK%7B%7D                    | application/sparql-results+json | 200
            /sparql?query=SELEC                        | ''               | 400
            /search?q=kaz                              | text/html        | 200
            /classes                                   | text/html        | 200
            /ontology                                  | text/turtle      | 200
            /shapes                                    | text/html        | 200
            /query                                     | text/html        | 200
            /data?default                              | application/n-triples | 200
            /dumps/ica-kg.ttl                          | ''               | 200
            /dumps/ica-kg.nothing                      | ''               | 404
            /validate                                  | text/html        | 200
            /graph.json?iri=https%3A%2F%2Fw3id.org%2Fica-kg%2Fid%2Fstate%2Fkazakhstan | '' | 200
            """)
    void head_gives_the_status_and_headers_of_get(String path, String accept, int status) {
        HttpResponse<String> get = request("GET", path, accept);
        HttpResponse<String> head = request("HEAD", path, accept);
        assertEquals(status, get.statusCode(), "GET " + path + ": " + get.body());
        assertEquals(get.statusCode(), head.statusCode(), "HEAD " + path);
        for (String name : SAME)
            assertEquals(get.headers().allValues(name), head.headers().allValues(name), "HEAD " + path + " header " + name);
    }

    @Test
    void head_sends_no_body_on_the_wire() throws IOException {
        String answer = raw("HEAD /id/state/kazakhstan HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");
        int end = answer.indexOf("\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: text/html"), answer);
        String length = answer.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .findFirst().orElse("content-length: 0").split(":")[1].strip();
        assertTrue(Integer.parseInt(length) > 1000, "the length of the page GET would send: " + answer);
        assertEquals("", answer.substring(end + 4), "no body after the headers");
    }

    static String raw(String request) throws IOException {
        return raw(server, request);
    }

    /** Sends a request over a plain socket and returns every byte the server sent before closing. */
    static String raw(Served server, String request) throws IOException {
        URI u = URI.create(server.url("/"));
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
