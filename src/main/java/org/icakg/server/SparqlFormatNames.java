package org.icakg.server;

import java.io.IOException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.RdfFormat;
import org.icakg.web.Route;

/**
 * The format names of the rest of the site ({@code jsonld}, {@code rdfxml}, {@code ntriples}, {@code nquads},
 * {@code n3}, …) also work in {@code format=} / {@code output=} / {@code results=} at {@code /sparql}: they are
 * handed to Fuseki as the media types they stand for. Fuseki's own names for result sets ({@code json}, {@code xml},
 * {@code csv}, …) keep their meaning.
 */
final class SparqlFormatNames extends RouteFilter {

    /** The parameters Fuseki reads a format from. */
    private static final Set<String> PARAMS = Set.of("format", "output", "results");
    /** Names Fuseki gives a meaning of its own (results of SELECT and ASK). */
    private static final Set<String> FUSEKI_NAMES = Set.of("json", "xml", "sparql", "text", "csv", "tsv", "thrift");

    /** A request to {@code /sparql} naming one of this site's formats. */
    @Override
    protected boolean applies(HttpServletRequest req) {
        return Route.SPARQL_QUERY.path().equals(req.getRequestURI())
                && PARAMS.stream().anyMatch(p -> mediaType(req.getParameter(p)) != null);
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new Renamed(req), res);
    }

    /** The media type a format name of this site stands for, or null to leave the value as it is. */
    static String mediaType(String value) {
        if (value == null || FUSEKI_NAMES.contains(value.strip().toLowerCase()) || value.contains("/"))
            return null;
        return RdfFormat.byName(value).filter(f -> f != RdfFormat.HTML).map(RdfFormat::mediaType).orElse(null);
    }

    private static final class Renamed extends HttpServletRequestWrapper {
        Renamed(HttpServletRequest request) { super(request); }

        @Override
        public String getParameter(String name) {
            String v = super.getParameter(name);
            return PARAMS.contains(name) && mediaType(v) != null ? mediaType(v) : v;
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            if (values == null || !PARAMS.contains(name))
                return values;
            String[] out = values.clone();
            for (int i = 0; i < out.length; i++)
                out[i] = mediaType(out[i]) != null ? mediaType(out[i]) : out[i];
            return out;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> out = new LinkedHashMap<>();
            for (Enumeration<String> names = getParameterNames(); names.hasMoreElements();) {
                String name = names.nextElement();
                out.put(name, getParameterValues(name));
            }
            return out;
        }
    }
}
