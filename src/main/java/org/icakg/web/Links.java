package org.icakg.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
        String base = vocab.base(); // vocab.entityNs() and ontologyNs() without making them for every link
        if (iri.startsWith(base)) {
            if (iri.startsWith(Vocab.ENTITIES_PATH, base.length()))
                return "/id/" + encodePath(iri.substring(base.length() + Vocab.ENTITIES_PATH.length()));
            if (iri.startsWith(Vocab.TERMS_PATH, base.length()))
                return "/ontology#" + iri.substring(base.length() + Vocab.TERMS_PATH.length());
        }
        return isWeb(iri) ? iri : null;
    }

    /** True for absolute {@code http(s)} IRIs; whitespace or control characters anywhere make it false. */
    static boolean isWeb(String iri) {
        if (!startsLowerCased(iri, "http://") && !startsLowerCased(iri, "https://"))
            return false;
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c <= 0x20 || c == 0x7f)
                return false;
        }
        return true;
    }

    /** Whether {@code s} starts with {@code prefix} (lower-case ASCII) once its ASCII letters are lower-cased. */
    private static boolean startsLowerCased(String s, String prefix) {
        if (s.length() < prefix.length())
            return false;
        for (int i = 0; i < prefix.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            if (c != prefix.charAt(i))
                return false;
        }
        return true;
    }

    /** Characters kept as they are in a link's path; every other byte of the UTF-8 form is percent-encoded. */
    private static final String KEPT = "-._~!$&'()*+,=:@/";

    /**
     * The path that names {@code local} (the part of an entity IRI after {@code /id/}) for the server: {@code %},
     * {@code ?}, {@code #}, {@code ;}, spaces and non-ASCII characters are percent-encoded, so that the server decodes
     * the path back to exactly {@code local}.
     */
    static String encodePath(String local) {
        int i = 0;
        while (i < local.length() && kept(local.charAt(i)))
            i++;
        if (i == local.length())
            return local; // nothing to encode, as for most entities
        StringBuilder b = new StringBuilder();
        for (byte x : local.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (kept(c))
                b.append(c);
            else
                b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return b.toString();
    }

    private static boolean kept(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0);
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
