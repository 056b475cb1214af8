package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;

import org.icakg.http.ErrorPage;

/**
 * Every tag of every page template names something its model has. Mustache renders a name it cannot find as
 * nothing, so a renamed field would silently blank part of a page; this walks each template's tags (sections,
 * inverted sections, partials) against the model's record accessors, scope by scope as Mustache looks them up.
 */
class TemplateModelsTest {

    /** Each page template and the record it is rendered with. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("home", HomeController.Page.class),
            Map.entry("search", SearchController.Page.class),
            Map.entry("classes", ClassController.Index.class),
            Map.entry("timeline", TimelineController.Page.class),
            Map.entry("entity", EntityPage.Model.class),
            Map.entry("class", ClassController.Page.class),
            Map.entry("query", QueryEditorController.Page.class),
            Map.entry("map", MapController.Page.class),
            Map.entry("validate", ReportResponses.Page.class),
            Map.entry("shapes", VocabularyPages.ShapesPage.class),
            Map.entry("ontology", VocabularyPages.OntologyPage.class),
            Map.entry("error", ErrorPage.class));

    static List<String> templates() {
        return MODELS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void every_tag_of_the_template_is_in_its_model(String template) {
        assertEquals(List.of(), missing(template, MODELS.get(template)));
    }

    @Test
    void a_tag_the_model_lacks_is_found() {
        record Bare(String title) {}
        List<String> missing = missing("home", Bare.class);
        assertTrue(missing.contains("home: {{triples}} is not in [Bare]"), missing.toString());
        assertTrue(missing.contains("home: {{editor}} is not in [Bare]"), "partials are walked too: " + missing);
    }

    @Test
    void a_model_with_a_map_cannot_be_checked() {
        record Loose(String title, Map<String, Object> chart) {}
        assertThrows(IllegalArgumentException.class, () -> missing("timeline", Loose.class));
    }

    /** The tags of {@code templates/NAME.mustache} that no scope of {@code model} answers. */
    static List<String> missing(String template, Class<?> model) {
        List<String> out = new ArrayList<>();
        Code[] codes = new DefaultMustacheFactory("templates").compile(template + ".mustache").getCodes();
        walk(template, codes, new ArrayList<>(List.of(model)), out);
        return out;
    }

    private static void walk(String template, Code[] codes, List<Type> scopes, List<String> out) {
        if (codes == null)
            return;
        for (Code code : codes) {
            if (code instanceof PartialCode) {
                walk(template, code.getCodes(), scopes, out);
                continue;
            }
            boolean section = code instanceof IterableCode, inverted = code instanceof NotIterableCode;
            if (!section && !(code instanceof ValueCode))
                continue;
            Optional<Type> type = lookUp(code.getName(), scopes);
            if (type.isEmpty()) {
                out.add(template + ": {{" + code.getName() + "}} is not in " + names(scopes));
                continue;
            }
            if (!section)
                continue;
            List<Type> inner = new ArrayList<>(scopes);
            Type pushed = inverted ? null : scopeOf(type.get());
            if (pushed != null)
                inner.add(pushed);
            walk(template, code.getCodes(), inner, out);
        }
    }

    /** The type of what a name finds, searching the innermost scope first, as Mustache does. */
    private static Optional<Type> lookUp(String name, List<Type> scopes) {
        if (name.equals("."))
            return Optional.of(scopes.get(scopes.size() - 1));
        String[] parts = name.split("\\.");
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Optional<Type> found = member(raw(scopes.get(i)), parts[0]);
            if (found.isPresent()) {
                Type t = found.get();
                for (int k = 1; k < parts.length && t != null; k++)
                    t = member(raw(scopeOf(t)), parts[k]).orElse(null);
                return Optional.ofNullable(t);
            }
        }
        return Optional.empty();
    }

    /** The scope a section on a value of this type opens: the element of a list, nothing for a flag. */
    private static Type scopeOf(Type type) {
        Class<?> raw = raw(type);
        if (Map.class.isAssignableFrom(raw) || raw == Object.class)
            throw new IllegalArgumentException("a model with a " + raw.getSimpleName() + " cannot be checked: " + type);
        if (Collection.class.isAssignableFrom(raw) || Iterable.class.isAssignableFrom(raw))
            return ((ParameterizedType) type).getActualTypeArguments()[0];
        if (raw == boolean.class || raw == Boolean.class)
            return null;
        return type;
    }

    /** A public method {@code name}, {@code getName} or {@code isName}, or a field that is not private. */
    private static Optional<Type> member(Class<?> c, String name) {
        if (Map.class.isAssignableFrom(c))
            throw new IllegalArgumentException("a model with a map cannot be checked: {{" + name + "}} in a " + c.getSimpleName());
        if (c.isPrimitive() || c == String.class || Number.class.isAssignableFrom(c))
            return Optional.empty();
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String m : List.of(name, "get" + cap, "is" + cap)) {
            try {
                Method method = c.getMethod(m);
                if (method.getDeclaringClass() != Object.class)
                    return Optional.of(method.getGenericReturnType());
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass())
            for (Field f : k.getDeclaredFields())
                if (f.getName().equals(name) && !Modifier.isPrivate(f.getModifiers()))
                    return Optional.of(f.getGenericType());
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c)
            return c;
        if (type instanceof ParameterizedType p)
            return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("a model with a " + type + " cannot be checked");
    }

    private static List<String> names(List<Type> scopes) {
        return scopes.stream().map(t -> raw(t).getSimpleName()).toList();
    }
}
