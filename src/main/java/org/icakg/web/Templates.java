package org.icakg.web;

import java.io.StringWriter;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;

/** Server-side HTML from Mustache templates under {@code templates/}; {@code {{x}}} is HTML-escaped. */
public final class Templates {

    private final MustacheFactory factory = new DefaultMustacheFactory("templates");

    /** Renders {@code templates/NAME.mustache} with a scope (a map or an object). */
    public String render(String name, Object scope) {
        StringWriter out = new StringWriter();
        factory.compile(name + ".mustache").execute(out, scope);
        return out.toString();
    }
}
