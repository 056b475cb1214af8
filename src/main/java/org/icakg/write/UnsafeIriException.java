package org.icakg.write;

import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * A write carrying an IRI whose scheme browsers execute ({@code javascript:}, {@code vbscript:}, {@code data:}).
 * Pages never make such IRIs into links, but other tools that show the data might: they are refused at the door.
 */
public final class UnsafeIriException extends RuntimeException {

    /** Schemes refused in written data, lower case, without the colon. */
    public static final Set<String> SCHEMES = Set.of("javascript", "vbscript", "data");

    private UnsafeIriException(String iri, String scheme) {
        super("The IRI <" + iri + "> uses the scheme '" + scheme + ":', which browsers execute; it is refused in "
                + "data. Use an http(s) IRI, or put the text in a literal.");
    }

    /** Throws when a term of {@code q} is an IRI with one of the {@link #SCHEMES}. */
    public static void check(Quad q) {
        for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()})
            if (n.isURI())
                check(n.getURI());
    }

    private static void check(String iri) {
        int colon = iri.indexOf(':');
        if (colon <= 0)
            return;
        String scheme = iri.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (SCHEMES.contains(scheme))
            throw new UnsafeIriException(iri, scheme);
    }
}
