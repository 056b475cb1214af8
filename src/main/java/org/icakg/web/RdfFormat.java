package org.icakg.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.riot.Lang;

import org.icakg.http.Negotiation;

/** The representations an IRI, a dump or a description can be served in. */
public enum RdfFormat {
    HTML("html", "text/html", null, "html"),
    TURTLE("turtle", "text/turtle", Lang.TURTLE, "ttl"),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD, "jsonld"),
    NTRIPLES("ntriples", "application/n-triples", Lang.NTRIPLES, "nt"),
    RDFXML("rdfxml", "application/rdf+xml", Lang.RDFXML, "rdf"),
    TRIG("trig", "application/trig", Lang.TRIG, "trig"),
    NQUADS("nquads", "application/n-quads", Lang.NQUADS, "nq");

    /**
     * Other names clients use for these formats, by default or of old: rdflib asks for {@code text/plain} (N-Triples),
     * {@code text/n3} and {@code text/rdf+n3} (N3, of which Turtle is a subset), SPARQLWrapper for
     * {@code application/turtle} and {@code application/n3}, and XML tools for {@code application/xml}. The answer
     * carries the format's own media type.
     */
    private static final Map<String, RdfFormat> ALIASES = Map.ofEntries(
            Map.entry("text/plain", NTRIPLES), Map.entry("nt", NTRIPLES), Map.entry("n-triples", NTRIPLES),
            Map.entry("text/n3", TURTLE), Map.entry("text/rdf+n3", TURTLE), Map.entry("application/n3", TURTLE),
            Map.entry("n3", TURTLE), Map.entry("ttl", TURTLE), Map.entry("application/x-turtle", TURTLE),
            Map.entry("application/turtle", TURTLE),
            Map.entry("application/xml", RDFXML), Map.entry("xml", RDFXML), Map.entry("rdf/xml", RDFXML),
            Map.entry("json-ld", JSONLD), Map.entry("application/json", JSONLD),
            Map.entry("application/x-trig", TRIG), Map.entry("n-quads", NQUADS), Map.entry("text/x-nquads", NQUADS));

    private final String param;
    private final String mediaType;
    private final Lang lang;
    private final String extension;

    RdfFormat(String param, String mediaType, Lang lang, String extension) {
        this.param = param;
        this.mediaType = mediaType;
        this.lang = lang;
        this.extension = extension;
    }

    /** The value of {@code ?format=} that selects it. */
    public String param() { return param; }

    public String mediaType() { return mediaType; }

    public Lang lang() { return lang; }

    public String extension() { return extension; }

    public boolean isQuads() { return this == TRIG || this == NQUADS; }

    /** Every RDF (non-HTML) format. */
    public static List<RdfFormat> rdf() {
        return Arrays.stream(values()).filter(f -> f != HTML).toList();
    }

    /** By {@code ?format=} value, file extension, media type or one of the other names clients use. */
    public static Optional<RdfFormat> byName(String name) {
        if (name == null)
            return Optional.empty();
        String n = name.trim().toLowerCase();
        return Arrays.stream(values())
                .filter(f -> f.param.equals(n) || f.extension.equals(n) || f.mediaType.equals(n))
                .findFirst().or(() -> Optional.ofNullable(ALIASES.get(n)));
    }

    /** The other media types clients send for this format (see {@link #ALIASES}). */
    public List<String> aliasMediaTypes() {
        return ALIASES.entrySet().stream().filter(e -> e.getValue() == this && e.getKey().contains("/"))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * The format for a request: {@code ?format=} wins, then the Accept header. A client that
     * accepts anything (curl sends {@code *}{@code /*}) gets Turtle; browsers send {@code text/html} first.
     */
    public static Optional<RdfFormat> negotiate(String formatParam, String accept, List<RdfFormat> offered) {
        if (formatParam != null && !formatParam.isBlank())
            return RdfFormat.byName(formatParam).filter(offered::contains);
        return Negotiation.choose(accept, OFFERS.computeIfAbsent(List.copyOf(offered), RdfFormat::offer))
                .flatMap(RdfFormat::byName);
    }

    /** The media types offered for each list of formats (a page offers the same few lists again and again). */
    private static final Map<List<RdfFormat>, List<String>> OFFERS = new ConcurrentHashMap<>();

    private static List<String> offer(List<RdfFormat> offered) {
        List<RdfFormat> order = new ArrayList<>(offered);
        // A client that accepts anything (curl, most libraries) gets Turtle, not HTML.
        if (order.remove(RdfFormat.TURTLE))
            order.add(0, RdfFormat.TURTLE);
        List<String> types = new ArrayList<>(order.stream().map(RdfFormat::mediaType).toList());
        // Then the other names of the same formats, so that a wildcard still picks a format's own type first.
        order.forEach(f -> types.addAll(f.aliasMediaTypes()));
        return List.copyOf(types);
    }
}
