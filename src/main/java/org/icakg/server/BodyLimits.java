package org.icakg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.http.Problem;
import org.icakg.web.Route;

/**
 * Refuses request bodies over the limits before anything reads them: every body over the configured body limit
 * (413), and SPARQL queries over {@link #MAX_QUERY_BYTES} (413), since parsing a query text of megabytes takes
 * seconds of processor time that the query time limit does not count. A query posted without a length (chunked)
 * is refused with 411, as its size could not be checked.
 */
final class BodyLimits extends HttpFilter {

    /** Longest SPARQL query text accepted in a request body, in bytes. */
    static final long MAX_QUERY_BYTES = 1024 * 1024;

    private final long maxBodyBytes;

    BodyLimits(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!refused(req, res, maxBodyBytes))
            chain.doFilter(req, res);
    }

    /** True when the request was refused (and answered); false when it may go on. */
    static boolean refused(HttpServletRequest req, HttpServletResponse res, long maxBodyBytes) {
        long length = req.getContentLengthLong();
        if (length > maxBodyBytes)
            return refuse(req, res, Problem.contentTooLarge("Request body too large: the limit is " + maxBodyBytes
                    + " bytes, this one is " + length + " bytes. Split the change into smaller requests."));
        if (!Route.SPARQL_QUERY_POST.path().equals(req.getRequestURI()) || !"POST".equals(req.getMethod()))
            return false;
        if (length > MAX_QUERY_BYTES)
            return refuse(req, res, Problem.contentTooLarge("SPARQL request too large: the limit is " + MAX_QUERY_BYTES
                    + " bytes, this one is " + length + " bytes. Shorten the query (fewer VALUES rows, no long comments)."));
        if (length < 0 && req.getHeader("Transfer-Encoding") != null)
            return refuse(req, res, Problem.lengthRequired("Send the SPARQL request with a Content-Length header "
                    + "(not chunked), so its size can be checked against the limit of " + MAX_QUERY_BYTES + " bytes."));
        return false;
    }

    /**
     * Most bytes of a refused body read and thrown away before the refusal is sent. A client is usually still sending
     * when the refusal comes; if the connection were closed with its bytes unread, the reset could reach the client
     * before the answer, and it would see a broken connection instead of the 413.
     */
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    private static boolean refuse(HttpServletRequest req, HttpServletResponse res, Problem problem) {
        long length = req.getContentLengthLong();
        if (length > 0 && length <= MAX_DRAINED_BYTES) {
            try (InputStream body = req.getInputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The client stopped sending: answer all the same, the connection closes after it.
            }
        }
        problem.send(req, res);
        return true;
    }
}
