package org.icakg.web;

import java.io.StringWriter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;

import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * Server-side HTML from Mustache templates under {@code templates/}; {@code {{x}}} is HTML-escaped.
 * <p>
 * A page sent as a response is rendered straight to UTF-8 ({@link #html}), into an array sized from the last page the
 * same template made: rendering to a {@code String} first grew a {@code StringBuffer} a dozen times per page, copied
 * it to a {@code String} and encoded that again (README, "Rendering").
 */
public final class Templates {

    /** First guess at a page's size, before a template has rendered once. */
    private static final int FIRST_GUESS = 16 * 1024;

    private final MustacheFactory factory = new DefaultMustacheFactory("templates");
    /** Bytes of the last page of each template, the size of the next one's array (plus an eighth). */
    private final ConcurrentMap<String, Integer> lastSize = new ConcurrentHashMap<>();

    /** Renders {@code templates/NAME.mustache} with a scope (a map or an object). */
    public String render(String name, Object scope) {
        StringWriter out = new StringWriter();
        factory.compile(name + ".mustache").execute(out, scope);
        return out.toString();
    }

    /** {@link #render} as the UTF-8 bytes of the page. */
    public byte[] renderUtf8(String name, Object scope) {
        return write(name, scope).toByteArray();
    }

    /** Answers a request with the page {@code templates/NAME.mustache} renders from {@code scope}. */
    public void html(Context ctx, String name, Object scope) {
        send(ctx, renderUtf8(name, scope));
    }

    /** Answers a request with a page rendered by {@link #renderUtf8}, as {@code text/html}. */
    public static void send(Context ctx, byte[] page) {
        ctx.contentType(ContentType.TEXT_HTML).result(page);
    }

    private Utf8Writer write(String name, Object scope) {
        Integer last = lastSize.get(name);
        Utf8Writer out = new Utf8Writer(last == null ? FIRST_GUESS : last + last / 8);
        factory.compile(name + ".mustache").execute(out, scope);
        lastSize.put(name, out.size());
        return out;
    }
}
