package org.icakg.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.Lang;

/** The representations an IRI, a dump or a description can be served in. */
public enum RdfFormat {
    HTML("html", "text/html", null, "html"),
    TURTLE("turtle", "text/turtle", Lang.TURTLE, "ttl"),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD, "jsonld"),
    NTRIPLES("ntriples", "application/n-triples", Lang.NTRIPLES, "nt"),
    RDFXML("rdfxml", "application/rdf+xml", Lang.RDFXML, "rdf"),
    TRIG("trig", "application/trig", Lang.TRIG, "trig"),
    NQUADS("nquads", "application/n-quads", Lang.NQUADS, "nq");

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

    /** By {@code ?format=} value, file extension or media type. */
    public static Optional<RdfFormat> byName(String name) {
        if (name == null)
            return Optional.empty();
        String n = name.trim().toLowerCase();
        return Arrays.stream(values())
                .filter(f -> f.param.equals(n) || f.extension.equals(n) || f.mediaType.equals(n)
                        || (f == JSONLD && n.equals("json-ld")) || (f == NTRIPLES && n.equals("nt"))
                        || (f == RDFXML && (n.equals("xml") || n.equals("application/xml"))))
                .findFirst();
    }
}
