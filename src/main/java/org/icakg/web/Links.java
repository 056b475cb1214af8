package org.icakg.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.icakg.kb.Vocab;

/** Turns IRIs into links that stay on this server where the server answers them. */
final class Links {

    private Links() {}

    /** A local path for IRIs under the entity namespace, the IRI itself otherwise. */
    static String local(Vocab vocab, String iri) {
        if (iri.startsWith(vocab.entityNs()))
            return "/id/" + encodePath(iri.substring(vocab.entityNs().length()));
        if (iri.startsWith(vocab.ontologyNs()))
            return "/ontology#" + iri.substring(vocab.ontologyNs().length());
        return iri;
    }

    /** Like {@link #local}, but null for IRIs a browser should not follow (any scheme but http and https). */
    static String href(Vocab vocab, String iri) {
        String local = local(vocab, iri);
        return local.startsWith("/") || local.startsWith("http://") || local.startsWith("https://") ? local : null;
    }

    /** Characters kept as they are in a link's path; every other byte of the UTF-8 form is percent-encoded. */
    private static final String KEPT = "-._~!$&'()*+,=:@/";

    /**
     * The path that names {@code local} (the part of an entity IRI after {@code /id/}) for the server: {@code %},
     * {@code ?}, {@code #}, {@code ;}, spaces and non-ASCII characters are percent-encoded, so that the server decodes
     * the path back to exactly {@code local}.
     */
    static String encodePath(String local) {
        StringBuilder b = new StringBuilder();
        for (byte x : local.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0))
                b.append(c);
            else
                b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return b.toString();
    }

    /** Percent-decodes a path ({@code +} stays {@code +}); null when it holds a {@code %} not followed by two hex digits. */
    static String decodePath(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(bytes[i + 2], 16);
            if (lo < 0)
                return null;
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
