package org.icakg.web;

/** What {@code head.mustache} reads from the model of every page: its title, and whether it holds the query editor. */
interface PageHead {

    /** The page's title, before " · ica-kg". */
    String title();

    /** True on the query editor's page, which loads the editor's style sheet and uses the whole width. */
    default boolean editor() {
        return false;
    }
}
