package org.icakg.store;

/** What tests of other packages need to know of {@link PredicateColumns}. */
public final class PredicateColumnsAccess {

    private PredicateColumnsAccess() {}

    /** Look-ups of a predicate, one way, before its column is built. */
    public static int usesBeforeBuild() { return PredicateColumns.USES_BEFORE_BUILD; }
}
