package org.icakg.web;

import org.icakg.kb.Vocab;

/** Turns IRIs into links that stay on this server where the server answers them. */
final class Links {

    private Links() {}

    /** A local path for IRIs under the entity namespace, the IRI itself otherwise. */
    static String local(Vocab vocab, String iri) {
        if (iri.startsWith(vocab.entityNs()))
            return "/id/" + iri.substring(vocab.entityNs().length());
        if (iri.startsWith(vocab.ontologyNs()))
            return "/ontology#" + iri.substring(vocab.ontologyNs().length());
        return iri;
    }

    /** Like {@link #local}, but null for IRIs a browser should not follow (any scheme but http and https). */
    static String href(Vocab vocab, String iri) {
        String local = local(vocab, iri);
        return local.startsWith("/") || local.startsWith("http://") || local.startsWith("https://") ? local : null;
    }
}
