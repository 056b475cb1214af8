package org.icakg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the service's jar in tests of how the benchmark launches it: {@code serve --port P ...} notes each
 * start in the file {@code -Dfake.starts=FILE} names and answers every request 200 until it is stopped.
 */
public final class FakeServe {

    private FakeServe() {}

    public static void main(String[] args) throws IOException {
        int port = -1;
        for (int i = 0; i + 1 < args.length; i++)
            if (args[i].equals("--port"))
                port = Integer.parseInt(args[i + 1]);
        Files.writeString(Path.of(System.getProperty("fake.starts")), "start\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{ \"head\": {}, \"boolean\": true }".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
