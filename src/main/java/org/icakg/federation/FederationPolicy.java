package org.icakg.federation;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which SPARQL endpoints a query may call with {@code SERVICE}: the endpoints the operator names
 * ({@code --federation}, {@code --federation-file}) and, unless they are turned off with {@code --federation none},
 * the well-known public endpoints the data links to ({@link #DEFAULT_ENDPOINTS}), which are called only on public
 * addresses.
 * <p>
 * An endpoint the operator names may be on a loopback or private address; a default endpoint may not (a public name
 * that resolves to a private address is refused).
 *
 * @param named      endpoints named by the operator, each an exact endpoint or (ending in {@code /}) a prefix
 * @param publicOnly endpoints allowed only on public addresses (by default {@link #DEFAULT_ENDPOINTS})
 * @param maxDepth   most nested hops: a query that arrives after this many federated hops makes no further call
 */
public record FederationPolicy(List<Endpoint> named, List<Endpoint> publicOnly, int maxDepth) {

    /** Public endpoints allowed by default: Wikidata, which the graph links to with {@code owl:sameAs}. */
    public static final List<String> DEFAULT_ENDPOINTS = List.of("https://query.wikidata.org/sparql");
    /** Default for {@link #maxDepth}: a call may come from one federated hop, no further. */
    public static final int DEFAULT_MAX_DEPTH = 2;
    /** The option that names allowed endpoints, quoted in refusals. */
    public static final String OPTION = "--federation";
    /** The word that turns the default endpoints off. */
    public static final String NONE = "none";

    public FederationPolicy {
        named = List.copyOf(named);
        publicOnly = List.copyOf(publicOnly);
        if (maxDepth < 1 || maxDepth > 16)
            throw new IllegalArgumentException("federation depth must be between 1 and 16, got " + maxDepth);
    }

    /** The default endpoints only. */
    public static FederationPolicy defaults() {
        return new FederationPolicy(List.of(), DEFAULT_ENDPOINTS.stream().map(Endpoint::parse).toList(),
                DEFAULT_MAX_DEPTH);
    }

    /**
     * This policy with the operator's entries added: endpoint URLs, prefixes ending in {@code /}, or {@code none}
     * (no default endpoints).
     * @throws IllegalArgumentException naming an entry that is not an http(s) URL with a host
     */
    public FederationPolicy allowing(List<String> entries) {
        List<Endpoint> all = new ArrayList<>(named);
        List<Endpoint> publicOnes = publicOnly;
        for (String e : entries) {
            if (NONE.equalsIgnoreCase(e.strip()))
                publicOnes = List.of();
            else
                all.add(Endpoint.parse(e.strip()));
        }
        return new FederationPolicy(all, publicOnes, maxDepth);
    }

    /** Entries from a file: one a line; blank lines and lines starting with {@code #} are skipped. */
    public FederationPolicy allowingFile(Path file) {
        try {
            List<String> entries = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            return allowing(entries);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read federation file " + file + ": " + e.getMessage());
        }
    }

    public FederationPolicy withMaxDepth(int depth) {
        return new FederationPolicy(named, publicOnly, depth);
    }

    /** The entry that allows {@code endpoint}, if any: the operator's first, then the defaults. */
    public Optional<Endpoint> match(URI endpoint) {
        for (Endpoint e : named)
            if (e.matches(endpoint))
                return Optional.of(e);
        return publicOnly.stream().filter(e -> e.matches(endpoint)).findFirst();
    }

    /** True when the operator named this host and port, so that it may be on a loopback or private address. */
    public boolean namesHost(String host, int port) {
        return named.stream().anyMatch(e -> e.host().equalsIgnoreCase(host) && e.port() == port);
    }

    /**
     * One allowed endpoint, or a prefix of endpoints when {@code path} ends in {@code /}.
     *
     * @param scheme {@code http} or {@code https}
     * @param host   host name or address literal, lower case, IPv6 without brackets
     * @param port   port, the scheme's default when the URL gives none
     * @param path   path, {@code /} when the URL gives none
     */
    public record Endpoint(String scheme, String host, int port, String path) {

        /** Parses an endpoint URL or prefix. */
        public static Endpoint parse(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("federation endpoint is not a URL: '" + url + "' (" + e.getReason() + ")");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null)
                throw new IllegalArgumentException("federation endpoint must be an http(s) URL with a host, got '" + url + "'");
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null)
                throw new IllegalArgumentException("federation endpoint must have no user, query or fragment, got '" + url + "'");
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new Endpoint(scheme, hostOf(uri), portOf(uri), path);
        }

        /** True when {@code uri} is this endpoint, or is under it when this is a prefix. */
        public boolean matches(URI uri) {
            if (uri.getScheme() == null || uri.getHost() == null || !scheme.equalsIgnoreCase(uri.getScheme())
                    || !host.equals(hostOf(uri)) || port != portOf(uri))
                return false;
            String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path.endsWith("/") ? p.startsWith(path) && !p.contains("/../") : p.equals(path);
        }

        @Override
        public String toString() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return scheme + "://" + h + ":" + port + path;
        }

        static String hostOf(URI uri) {
            String h = uri.getHost().toLowerCase(Locale.ROOT);
            return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        }

        static int portOf(URI uri) {
            if (uri.getPort() >= 0)
                return uri.getPort();
            return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
    }
}
