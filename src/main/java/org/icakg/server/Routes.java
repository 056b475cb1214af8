package org.icakg.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;

/**
 * The app's route templates, read from its route table, for labelling requests: a path counts as the template it
 * matches ({@code /id/<path>}), or as {@code other}; never as itself, so that labels stay few whatever is asked.
 */
final class Routes {

    static final Routes NONE = new Routes(Set.of(), List.of());
    static final String OTHER = "other";

    private final Set<String> exact;
    private final List<ParsedEndpoint> templated;

    private Routes(Set<String> exact, List<ParsedEndpoint> templated) {
        this.exact = exact;
        this.templated = templated;
    }

    /** The routes of {@code app} (call once every route is declared). */
    static Routes of(Javalin app) {
        Set<String> exact = new HashSet<>();
        List<ParsedEndpoint> templated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            String path = e.endpoint.path;
            if (!e.endpoint.method.isHttpMethod() || !seen.add(path))
                continue;
            if (path.contains("{") || path.contains("<") || path.contains("*"))
                templated.add(e);
            else
                exact.add(path);
        }
        return new Routes(Set.copyOf(exact), List.copyOf(templated));
    }

    /** The template {@code path} matches, or {@link #OTHER}. */
    String template(String path) {
        if (path == null)
            return OTHER;
        if (exact.contains(path))
            return path;
        for (ParsedEndpoint e : templated)
            if (e.matches(path))
                return e.endpoint.path;
        return OTHER;
    }
}
