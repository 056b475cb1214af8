package org.icakg.http;

/**
 * The model of {@code error.mustache}: the page's title (status and reason phrase, also read by {@code head.mustache}),
 * the status and the message. Error pages never hold the query editor.
 */
public record ErrorPage(String title, int status, String message) {

    /** The page for {@code problem}, e.g. "404 Not Found". */
    static ErrorPage of(Problem problem) {
        return new ErrorPage(problem.status() + " " + ProblemResponses.title(problem.status()), problem.status(),
                problem.getMessage());
    }

    /** Read by {@code head.mustache}: an error page does not load the query editor's style sheet. */
    public boolean editor() {
        return false;
    }
}
