package org.icakg.kb;

import java.util.function.BiConsumer;

import org.apache.jena.irix.IRIx;

/**
 * An absolute {@code http} or {@code https} IRI of the plainest form, taken as it is written: a lower-case host name,
 * no port, user, query or percent sign, a path of segments of letters, digits and {@code . _ ~ -} (none of them
 * {@code .} or {@code ..}, none empty but the last) and an optional fragment of the same characters. Resolving such an
 * IRI against any base gives the IRI itself (RFC 3986, section 5.2.2: an absolute reference keeps its scheme,
 * authority and query, and its path loses only dot segments, which it has none of), and Jena's checker finds nothing
 * to report in it, so the parser can take it without Jena's IRI parser, which builds a parse tree for each one (a
 * fifth of a large file's parse, where most IRIs are of this form and named once). Whatever else is asked of it is
 * asked of the IRI as Jena's provider parses it, made the first time it is needed.
 */
final class PlainIri extends IRIx {

    private IRIx parsed;

    private PlainIri(String iri) {
        super(iri);
    }

    /** The IRI {@code text} when it has the plain form, else null. */
    static IRIx of(String text) {
        return isPlain(text) ? new PlainIri(text) : null;
    }

    /** True when {@code text} has the form described above. */
    static boolean isPlain(String text) {
        int i;
        if (text.startsWith("https://"))
            i = 8;
        else if (text.startsWith("http://"))
            i = 7;
        else
            return false;
        int n = text.length();
        // The host: labels of lower-case letters, digits and inner hyphens, at most 63 long, the last one (the
        // top-level domain) starting with a letter, so that no host is read as a number.
        int label = i;
        boolean lastStartsWithLetter = false;
        for (;; i++) {
            char c = i < n ? text.charAt(i) : '/';
            if (c == '.' || c == '/') {
                int length = i - label;
                if (length == 0 || length > 63 || text.charAt(label) == '-' || text.charAt(i - 1) == '-')
                    return false;
                lastStartsWithLetter = text.charAt(label) >= 'a' && text.charAt(label) <= 'z';
                if (c == '/')
                    break;
                label = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        if (!lastStartsWithLetter || i >= n)
            return false; // a host that could be a number, or no path
        // The path, from its first "/", then the fragment.
        int segment = i + 1;
        boolean fragment = false;
        for (i = segment; i <= n; i++) {
            char c = i < n ? text.charAt(i) : 0;
            if (c == '/' || c == '#' || c == 0) {
                if (!fragment) {
                    int length = i - segment;
                    if (length == 0 && c == '/')
                        return false; // an empty segment inside the path ("//")
                    if (length == 1 && text.charAt(segment) == '.' || length == 2 && text.startsWith("..", segment))
                        return false; // a dot segment, which resolution would remove
                }
                if (c == '#') {
                    if (fragment)
                        return false;
                    fragment = true;
                } else if (c == '/' && fragment) {
                    return false;
                }
                segment = i + 1;
            } else if (!unreserved(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    /** The IRI as Jena's provider parses it. */
    private IRIx parsed() {
        if (parsed == null)
            parsed = IRIx.create(str());
        return parsed;
    }

    /** As Jena's: with a scheme and without a fragment (RFC 3986's absolute-URI). */
    @Override public boolean isAbsolute() { return str().indexOf('#') < 0; }
    @Override public boolean isRelative() { return false; }
    @Override public boolean isReference() { return true; }
    @Override public boolean hasScheme(String scheme) { return scheme().equalsIgnoreCase(scheme); }
    @Override public String scheme() { return str().startsWith("https:") ? "https" : "http"; }
    @Override public boolean hasViolations() { return false; }
    @Override public void handleViolations(BiConsumer<Boolean, String> violation) { }
    @Override public IRIx resolve(String other) { return parsed().resolve(other); }
    @Override public IRIx resolve(IRIx other) { return parsed().resolve(other); }
    @Override public IRIx normalize() { return parsed().normalize(); }
    @Override public IRIx relativize(IRIx other) { return parsed().relativize(other); }
    @Override public Object getImpl() { return parsed().getImpl(); }
    @Override public int hashCode() { return parsed().hashCode(); }
    @Override public boolean equals(Object other) { return parsed().equals(other instanceof PlainIri p ? p.parsed() : other); }
}
