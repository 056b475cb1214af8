package org.icakg.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.icakg.server.IcaServer;
import org.icakg.ServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a free loopback port for the tests of one class: started before the first test, stopped after the
 * last. Declare it as a static field, and talk to it as to a {@link TestServer}:
 * <pre>{@code
 * @RegisterExtension
 * static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);
 * }</pre>
 * The server is made when the class starts, so the factory may read other static fields set by then ({@code @TempDir}).
 */
public final class ServerExtension implements Served, BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestServer> starting;
    private TestServer server;

    private ServerExtension(Supplier<TestServer> starting) {
        this.starting = starting;
    }

    /** The server {@code starting} makes. */
    public static ServerExtension of(Supplier<TestServer> starting) {
        return new ServerExtension(starting);
    }

    /** The bundled ontology, shapes and data, in memory. */
    public static ServerExtension bundled() {
        return of(TestServer::bundled);
    }

    /** The bundled ontology and shapes with other data files or folders. */
    public static ServerExtension withData(Path... data) {
        return of(() -> TestServer.withData(data));
    }

    /** Defaults on port 0, adjusted by {@code adjust}. */
    public static ServerExtension start(UnaryOperator<ServerConfig> adjust) {
        return of(() -> TestServer.start(adjust));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starting.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null)
            server.close();
        server = null;
    }

    /** The running server and its client. */
    public TestServer client() {
        if (server == null)
            throw new IllegalStateException("the server runs only while the test class does");
        return server;
    }

    @Override
    public IcaServer server() { return client().server(); }

    @Override
    public String url(String path) { return client().url(path); }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return client().post(path, contentType, body, headers);
    }

    @Override
    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        return client().send(request, headers);
    }
}
