package org.icakg.kb;

import java.util.function.BiConsumer;

import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.irix.IRIx;

/**
 * A base IRI that remembers what it resolved: a Turtle or TriG file names the same predicates, classes and entities
 * again and again, and the parser resolves every IRI it reads against the base (Jena's resolver keeps 500 of them;
 * a million-statement file has hundreds of thousands of distinct IRIs, so most of its look-ups miss and each
 * miss parses the IRI again). Resolving is a pure function of the text, so a remembered result is the same result;
 * a text that fails to resolve is not remembered (it fails again, with its error). An absolute IRI of the plainest
 * form ({@link PlainIri}), which resolves to itself, is taken as it is, without Jena's IRI parser nor this cache.
 * For one parser (not thread-safe).
 */
final class CachedBase extends IRIx {

    /** Resolved IRIs kept (slots of a hash-indexed array: a new IRI replaces the one in its slot). */
    static final int SIZE = 1 << 16;

    private final IRIx base;
    private final Cache<String, IRIx> resolved = CacheFactory.createSimpleCache(SIZE);

    CachedBase(IRIx base) {
        super(base.str());
        this.base = base;
    }

    @Override
    public IRIx resolve(String other) {
        IRIx plain = PlainIri.of(other);
        if (plain != null)
            return plain;
        IRIx known = resolved.getIfPresent(other);
        if (known != null)
            return known;
        IRIx iri = base.resolve(other);
        resolved.put(other, iri);
        return iri;
    }

    @Override public IRIx resolve(IRIx other) { return base.resolve(other); }
    @Override public boolean isAbsolute() { return base.isAbsolute(); }
    @Override public boolean isRelative() { return base.isRelative(); }
    @Override public boolean hasScheme(String scheme) { return base.hasScheme(scheme); }
    @Override public String scheme() { return base.scheme(); }
    @Override public boolean isReference() { return base.isReference(); }
    @Override public IRIx normalize() { return base.normalize(); }
    @Override public IRIx relativize(IRIx other) { return base.relativize(other); }
    @Override public boolean hasViolations() { return base.hasViolations(); }
    @Override public void handleViolations(BiConsumer<Boolean, String> violation) { base.handleViolations(violation); }
    @Override public Object getImpl() { return base.getImpl(); }
    @Override public int hashCode() { return base.hashCode(); }
    @Override public boolean equals(Object other) { return base.equals(other instanceof CachedBase c ? c.base : other); }
}
