package org.icakg.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.icakg.ServerConfig;
import org.icakg.server.IcaServer;

/** A real server on a free loopback port, and a real HTTP client to talk to it. */
public final class TestServer implements Served, AutoCloseable {

    private final IcaServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(IcaServer server) {
        this.server = server;
    }

    /** The bundled ontology, shapes and data, in memory. */
    public static TestServer bundled() {
        return start(c -> c);
    }

    /** The bundled ontology and shapes with other data files or folders. */
    public static TestServer withData(Path... data) {
        return start(c -> c.withData(List.of(data)));
    }

    /** Defaults on port 0, adjusted by {@code adjust}. */
    public static TestServer start(UnaryOperator<ServerConfig> adjust) {
        return new TestServer(IcaServer.start(adjust.apply(ServerConfig.defaults().withPort(0))));
    }

    /** A knowledge base that is already open, served with defaults on port 0 adjusted by {@code adjust}. */
    public static TestServer serving(org.icakg.kb.KnowledgeBase kb, UnaryOperator<ServerConfig> adjust) {
        return new TestServer(IcaServer.start(adjust.apply(ServerConfig.defaults().withPort(0)), kb));
    }

    @Override
    public IcaServer server() { return server; }

    @Override
    public String url(String path) { return server.url() + path; }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Sends a request with extra header name/value pairs. */
    @Override
    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2)
            request.header(headers[i], headers[i + 1]);
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** URL-encodes a query parameter value. */
    public static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
