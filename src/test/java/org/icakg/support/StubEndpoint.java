package org.icakg.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Endpoints on loopback that misbehave as remote SPARQL endpoints can: one that answers an error with a secret in
 * its body, one that redirects, one that is slow, and a socket that accepts and never answers. Each counts the
 * requests it gets, so a test can assert that a refused call sent nothing. Registered as an extension (a static field,
 * before the {@link ServerExtension} that names its URLs) it is stopped after the class's last test.
 */
public final class StubEndpoint implements AfterAllCallback, AutoCloseable {

    /** Text in every stub body; it must never reach a client of the server under test. */
    public static final String SECRET = "stub-secret-7f3a";

    private final HttpServer http;
    private final ServerSocket silent;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Long> silentClosedAt = new CopyOnWriteArrayList<>();
    private final AtomicInteger silentAccepted = new AtomicInteger();

    /** A running stub, for a static field. */
    public static StubEndpoint started() {
        try {
            return new StubEndpoint();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    public StubEndpoint() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.createContext("/", this::answer);
        http.start();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptSilently);
    }

    /**
     * {@code http://127.0.0.1:port{path}} of the HTTP stub: {@code /error} (500), {@code /redirect}, {@code /huge}
     * (results of about 11 MB), {@code /slow}; other paths 200 with a secret.
     */
    public String url(String path) { return "http://127.0.0.1:" + http.getAddress().getPort() + path; }

    /** The socket that accepts connections and never answers. */
    public String silentUrl() { return "http://127.0.0.1:" + silent.getLocalPort() + "/sparql"; }

    /** Requests the HTTP stub got for {@code path}. */
    public int hits(String path) { return hits.getOrDefault(path, new AtomicInteger()).get(); }

    /** Connections the silent socket accepted. */
    public int silentAccepted() { return silentAccepted.get(); }

    /** {@link System#nanoTime()} at which each connection to the silent socket was closed by its client. */
    public List<Long> silentClosedAt() { return List.copyOf(silentClosedAt); }

    private void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        ex.getRequestBody().readAllBytes();
        switch (path) {
            case "/error" -> send(ex, 500, "text/plain", "internal detail " + SECRET);
            case "/redirect" -> {
                ex.getResponseHeaders().add("Location", url("/target"));
                send(ex, 302, "text/plain", "moved " + SECRET);
            }
            case "/huge" -> send(ex, 200, "application/sparql-results+json", "{\"head\": {\"vars\": [\"s\"]}, "
                    + "\"results\": {\"bindings\": [" + ("{\"s\": {\"type\": \"literal\", \"value\": \"" + SECRET
                    + "\"}},").repeat(200_000) + "{}]}}");
            case "/slow" -> {
                sleep(30_000);
                send(ex, 200, "text/plain", "late " + SECRET);
            }
            default -> send(ex, 200, "text/html", "<html>" + SECRET + "</html>");
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        try {
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        } finally {
            ex.close();
        }
    }

    private void acceptSilently() {
        while (!silent.isClosed()) {
            try {
                Socket s = silent.accept();
                silentAccepted.incrementAndGet();
                threads.submit(() -> readUntilClosed(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readUntilClosed(Socket s) {
        try (s; InputStream in = s.getInputStream()) {
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // Keep reading the request and never answer.
            }
        } catch (IOException e) {
            // A reset counts as closed too.
        }
        silentClosedAt.add(System.nanoTime());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        silent.close();
        threads.shutdownNow();
    }
}
