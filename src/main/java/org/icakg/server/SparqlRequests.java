package org.icakg.server;

import jakarta.servlet.http.HttpServletRequest;

/** Recognises SPARQL Protocol query requests at {@code /sparql}. */
final class SparqlRequests {

    static final String PATH = "/sparql";

    private SparqlRequests() {}

    /** A query operation: GET or form POST with {@code query=}, or POST of {@code application/sparql-query}. */
    static boolean isQuery(HttpServletRequest req) {
        if (!PATH.equals(req.getRequestURI()))
            return false;
        String method = req.getMethod();
        String type = baseType(req.getContentType());
        if ("GET".equals(method) || "HEAD".equals(method))
            return hasQueryParam(req);
        if ("POST".equals(method)) {
            if ("application/sparql-query".equals(type))
                return true;
            if ("application/x-www-form-urlencoded".equals(type))
                return req.getParameter("query") != null && req.getParameter("update") == null;
        }
        return false;
    }

    /** The query text for the slow-query log. */
    static String queryText(HttpServletRequest req) {
        String q = req.getParameter("query");
        return q != null ? q.replaceAll("\\s+", " ") : "(query in request body)";
    }

    private static boolean hasQueryParam(HttpServletRequest req) {
        String qs = req.getQueryString();
        return qs != null && (qs.startsWith("query=") || qs.contains("&query="));
    }

    static String baseType(String contentType) {
        if (contentType == null)
            return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase();
    }
}
