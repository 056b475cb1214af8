package org.icakg.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.icakg.server.IcaServer;

/** A running server under test and a client of it: a {@link TestServer}, or the one a {@link ServerExtension} runs. */
public interface Served {

    /** The running server. */
    IcaServer server();

    /** {@code http://host:port{path}} of the server. */
    String url(String path);

    /** Sends a request with extra header name/value pairs. */
    HttpResponse<String> send(HttpRequest.Builder request, String... headers);

    /** {@code GET path} with extra header name/value pairs. */
    default HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(java.net.URI.create(url(path))).GET(), headers);
    }
}
