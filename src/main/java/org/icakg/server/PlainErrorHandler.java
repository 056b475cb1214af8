package org.icakg.server;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;

import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the servlets (a malformed path, a bad {@code Host}):
 * plain text whatever the {@code Accept} header, with the same safety headers as every other answer.
 */
final class PlainErrorHandler extends ErrorHandler {

    PlainErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        return super.generateAcceptableResponse(request, response, callback, MimeTypes.Type.TEXT_PLAIN.asString(),
                charsets, code, message, cause);
    }
}
