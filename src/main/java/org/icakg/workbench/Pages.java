package org.icakg.workbench;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;

/** The workbench's pages: Mustache templates under {@code workbench/} on the class path; {@code {{x}}} is HTML-escaped. */
final class Pages {

    private final MustacheFactory factory = new DefaultMustacheFactory("workbench");

    /** Renders {@code workbench/NAME.mustache}. */
    String render(String name, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        factory.compile(name + ".mustache").execute(out, scope);
        return out.toString();
    }

    /** A page's scope: its title, the maintainer, and the form token. */
    static Map<String, Object> scope(String title, String user, String token) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("user", user);
        m.put("csrf", token);
        return m;
    }

    /** One field of a form as its template shows it: the value typed and the problems found with it. */
    static Map<String, Object> field(String value, List<Issues.Issue> issues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("issues", issues);
        m.put("bad", issues.stream().anyMatch(Issues.Issue::violation));
        m.put("warned", !issues.isEmpty());
        return m;
    }
}
