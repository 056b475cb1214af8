package org.icakg.workbench;

import java.io.StringWriter;
import java.util.List;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;

/**
 * The workbench's pages: Mustache templates under {@code workbench/} on the class path, each rendered from a record
 * declared next to its controller ({@code web/TemplateModelsTest} checks every tag against it); {@code {{x}}} is
 * HTML-escaped.
 */
final class Pages {

    private final MustacheFactory factory = new DefaultMustacheFactory("workbench");

    /** Renders {@code workbench/NAME.mustache} from its page record. */
    String render(String name, Object page) {
        StringWriter out = new StringWriter();
        factory.compile(name + ".mustache").execute(out, page);
        return out.toString();
    }

    /** What every page's head and forms read ({@code {{head.title}}}): its title, the maintainer, the form token. */
    record Head(String title, String user, String csrf) {}

    /** A link: its words and where it goes. */
    record Link(String label, String href) {}

    /** One field of a form as its template shows it: the value typed and the problems found with it. */
    record FormField(String value, List<Issues.Issue> issues) {

        /** True when a problem of the field is a violation (the field is marked bad). */
        public boolean bad() { return Issues.violated(issues); }

        /** True when the field has any problem. */
        public boolean warned() { return !issues.isEmpty(); }
    }
}
