package org.icakg.web;

import java.util.Locale;

import org.icakg.kb.Vocab;

/**
 * The one place an IRI becomes a link target: a local path for IRIs this server answers, the IRI itself when it is
 * {@code http} or {@code https}, and null for anything else ({@code javascript:}, {@code data:}, {@code file:},
 * {@code urn:} ...), which pages show as text, never as a link. Templates write {@code href} only from here.
 */
final class Links {

    private Links() {}

    /** The link target for {@code iri}, or null when a browser must not follow it. */
    static String href(Vocab vocab, String iri) {
        if (iri.startsWith(vocab.entityNs()))
            return "/id/" + iri.substring(vocab.entityNs().length());
        if (iri.startsWith(vocab.ontologyNs()))
            return "/ontology#" + iri.substring(vocab.ontologyNs().length());
        return isWeb(iri) ? iri : null;
    }

    /** True for absolute {@code http(s)} IRIs; whitespace or control characters anywhere make it false. */
    static boolean isWeb(String iri) {
        String lower = iri.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://"))
            return false;
        return iri.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
    }
}
