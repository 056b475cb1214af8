package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;

import org.icakg.http.ErrorPage;
import org.icakg.workbench.WorkbenchPages;

/**
 * Every tag of every page template names something its model has. Mustache renders a name it cannot find as
 * nothing, so a renamed field would silently blank part of a page; this walks each template's tags (sections,
 * inverted sections, partials) against the model's record accessors, scope by scope as Mustache looks them up. Every
 * template of the sources is a page here or a partial of one: a new template without its row fails the build.
 */
class TemplateModelsTest {

    /** Where the templates are: each is {@code RESOURCES/DIR/NAME.mustache}. */
    static final Path RESOURCES = Path.of("src/main/resources");

    /** Each page template ({@code DIR/NAME}, without {@code .mustache}) and the record it is rendered with. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("templates/home", HomeController.Page.class),
            Map.entry("templates/search", SearchController.Page.class),
            Map.entry("templates/classes", ClassController.Index.class),
            Map.entry("templates/timeline", TimelineController.Page.class),
            Map.entry("templates/entity", EntityPage.Model.class),
            Map.entry("templates/class", ClassController.Page.class),
            Map.entry("templates/query", QueryEditorController.Page.class),
            Map.entry("templates/map", MapController.Page.class),
            Map.entry("templates/validate", ReportResponses.Page.class),
            Map.entry("templates/shapes", VocabularyPages.ShapesPage.class),
            Map.entry("templates/ontology", VocabularyPages.OntologyPage.class),
            Map.entry("templates/error", ErrorPage.class),
            Map.entry("workbench/home", WorkbenchPages.HOME),
            Map.entry("workbench/source", WorkbenchPages.SOURCE),
            Map.entry("workbench/source-form", WorkbenchPages.REGISTRATION),
            Map.entry("workbench/passage", WorkbenchPages.PASSAGE),
            Map.entry("workbench/statements", WorkbenchPages.STATEMENTS),
            Map.entry("workbench/change", WorkbenchPages.CHANGE));

    static List<String> templates() {
        return MODELS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void every_tag_of_the_template_is_in_its_model(String template) {
        assertEquals(List.of(), missing(template, MODELS.get(template)));
    }

    @Test
    void every_template_is_a_page_with_its_model_or_a_partial_of_one() throws IOException {
        Set<String> checked = new TreeSet<>(MODELS.keySet());
        MODELS.keySet().forEach(page -> checked.addAll(partials(page)));
        Set<String> all = templateFiles();
        assertTrue(all.size() > MODELS.size(), "templates found under " + RESOURCES.toAbsolutePath() + ": " + all);
        all.removeAll(checked);
        assertEquals(Set.of(), all, "templates that are no page of MODELS and no partial of one: give each page a row");
    }

    @Test
    void a_tag_the_model_lacks_is_found() {
        record Bare(String title) {}
        List<String> missing = missing("templates/home", Bare.class);
        assertTrue(missing.contains("templates/home: {{counts}} is not in [Bare]"), missing.toString());
        assertTrue(missing.contains("templates/home: {{editor}} is not in [Bare]"), "partials are walked too: " + missing);
    }

    @Test
    void a_model_with_a_map_cannot_be_checked() {
        record Loose(String title, Map<String, Object> chart) {}
        assertThrows(IllegalArgumentException.class, () -> missing("templates/timeline", Loose.class));
    }

    @Test
    void a_template_outside_the_table_is_found() {
        assertTrue(templateFiles().contains("workbench/issues"), "partials are among the files");
        assertTrue(partials("workbench/statements").containsAll(List.of("workbench/head", "workbench/passage-head",
                "workbench/issues", "workbench/issues-general", "workbench/foot")), partials("workbench/statements").toString());
        assertTrue(!partials("workbench/home").contains("workbench/issues"), "only the partials a page includes");
    }

    /** Every {@code DIR/NAME} of a template file under {@link #RESOURCES}. */
    static Set<String> templateFiles() {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mustache"))
                    .map(f -> RESOURCES.relativize(f).toString().replace('\\', '/').replaceFirst("\\.mustache$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The partials {@code page} includes, at any depth, as {@code DIR/NAME}. */
    static Set<String> partials(String page) {
        Set<String> out = new TreeSet<>();
        collectPartials(dir(page), compile(page).getCodes(), out);
        return out;
    }

    private static void collectPartials(String dir, Code[] codes, Set<String> out) {
        if (codes == null)
            return;
        for (Code code : codes) {
            if (code instanceof PartialCode)
                out.add(dir + "/" + code.getName());
            collectPartials(dir, code.getCodes(), out);
        }
    }

    /** The tags of {@code DIR/NAME.mustache} that no scope of {@code model} answers. */
    static List<String> missing(String template, Class<?> model) {
        List<String> out = new ArrayList<>();
        walk(template, compile(template).getCodes(), new ArrayList<>(List.of(model)), out);
        return out;
    }

    /** {@code DIR/NAME.mustache} compiled as the app does: by a factory for its folder (where its partials are). */
    private static Mustache compile(String template) {
        return new DefaultMustacheFactory(dir(template)).compile(template.substring(template.indexOf('/') + 1) + ".mustache");
    }

    private static String dir(String template) {
        return template.substring(0, template.indexOf('/'));
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
