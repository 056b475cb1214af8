package org.icakg.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
            return "/id/" + encodePath(iri.substring(vocab.entityNs().length()));
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
