package org.icakg.server;

import java.io.IOException;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Puts the headers that make answers safe to open in a browser on every answer, whoever writes it (the pages,
 * Fuseki, the error path), and again after a response is reset: {@code X-Content-Type-Options: nosniff}, so that no
 * browser runs a plain-text or JSON answer as a page, and a Content-Security-Policy that allows scripts only from this
 * server's own files (no inline script, no {@code javascript:} links, no plugins, not framed by other sites).
 */
final class SecurityHeaders extends HttpFilter {

    /**
     * The policy of every answer. Inline styles stay allowed (the query editor and the graph drawing set them); inline
     * scripts, event-handler attributes and {@code javascript:} URLs do not run.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        apply(res);
        chain.doFilter(req, new HttpServletResponseWrapper(res) {
            @Override
            public void reset() {
                super.reset();
                apply(res);
            }
        });
    }

    /** Sets the headers on a response. */
    static void apply(HttpServletResponse res) {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** Sets the headers on an answer written in Jetty's own request handling ({@link EarlyAnswers}). */
    static void apply(HttpFields.Mutable headers) {
        headers.put(NOSNIFF);
        headers.put(POLICY);
    }

    /** The same, encoded once: written as bytes to every answer instead of being checked character by character. */
    private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField POLICY = new PreEncodedHttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY);
}
