package org.icakg.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the filters (a malformed or ambiguous path, a bad
 * {@code Host}, headers over the limit): plain text whatever the {@code Accept} header, with the same safety headers
 * as every other answer, and no stack trace.
 */
final class PlainErrorHandler extends ErrorHandler {

    /** Answers Jetty's own errors, for the server and for the servlet context, with this handler. */
    static void install(Server server) {
        PlainErrorHandler handler = new PlainErrorHandler();
        server.setErrorHandler(handler);
        ServletContextHandler context = server.getDescendant(ServletContextHandler.class);
        if (context != null)
            context.setErrorHandler(handler);
    }

    /** An answer with a body for every method, not only GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        byte[] body = (code + " " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
