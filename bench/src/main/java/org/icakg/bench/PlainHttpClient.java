package org.icakg.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client on one keep-alive connection, for the load driver (GET) and the write benchmark
 * (POST); bodies read and counted (Content-Length or chunked). Much cheaper per request than {@code java.net.http},
 * so on a small machine the server, not the client, is what gets measured.
 */
final class PlainHttpClient implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000, READ_TIMEOUT_MS = 120_000, MAX_LINE = 16_384;

    /** Status and body of one response. */
    record Response(int status, byte[] body) {
        String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends {@code GET path} with an {@code Accept} header and reads the whole response. */
    Response get(String path, String accept) throws IOException {
        if (socket == null)
            connect();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: " + accept
                + "\r\nUser-Agent: ica-kg-bench\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return read();
    }

    /** Sends {@code POST path} with a body, its type and an {@code Authorization} header; reads the response. */
    Response post(String path, String contentType, String authorization, byte[] body) throws IOException {
        if (socket == null)
            connect();
        String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json"
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nAuthorization: " + authorization + "\r\nUser-Agent: ica-kg-bench\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1."))
            throw new IOException("not an HTTP response: '" + statusLine + "'");
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false, close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(), value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked)
            readChunked(body);
        else if (length >= 0)
            readFully(body, length);
        else
            close = true;
        if (close)
            close();
        return new Response(status, body.toByteArray());
    }

    private void readChunked(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String size = line();
            int semi = size.indexOf(';');
            long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) { }
                return;
            }
            readFully(body, n);
            line();
        }
    }

    private void readFully(ByteArrayOutputStream body, long n) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0)
                throw new IOException("connection closed with " + n + " bytes of the body still expected");
            body.write(buf, 0, r);
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0)
                throw new IOException("connection closed in the middle of a response");
            if (b.length() > MAX_LINE)
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            if (c != '\r')
                b.append((char) c);
        }
        return b.toString();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        if (socket == null)
            return;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a connection the server may already have closed: nothing to do.
        }
        socket = null;
    }
}
