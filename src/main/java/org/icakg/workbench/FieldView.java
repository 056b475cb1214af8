package org.icakg.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * A {@link Field} as the form template shows it ({@code {{#fields}}} of {@code statements.mustache}): label, help,
 * inputs with what was typed, the values already stated, problems. {@code kind} is the field's {@link Field.Kind} in
 * lower case; the template picks its inputs by the flag of that kind ({@code {{#date}}}, {@code {{#entity}}}, …).
 */
record FieldView(String key, String id, String path, String name, String description, List<String> rules,
                 String cardinality, boolean required, boolean recommended, String kind, boolean multiLine,
                 String valueClass, String valueClassName, String datatypes, String dateHint, List<Issues.Issue> issues,
                 List<Input> inputs, boolean multiple, List<Existing> existing) {

    /** Inputs shown for a field taking several values, beyond those already typed. */
    static final int SPARE_INPUTS = 1;

    /** One input of the field: the value typed in it, its position, whether it names an entity to create. */
    record Input(String value, int index, boolean isNew, boolean first, List<Option> options) {}

    /** One value of a select ({@code sh:in}). */
    record Option(String iri, String label, boolean selected) {}

    /**
     * A value the entity has already; {@code token} (null otherwise) when the form's passage states it, so it can be
     * ticked for removal, {@code removing} when it is.
     */
    record Existing(String label, String href, String token, boolean removing) {}

    public boolean bad() { return Issues.violated(issues); }

    public boolean warned() { return !issues.isEmpty(); }

    public boolean entity() { return is(Field.Kind.ENTITY); }

    public boolean choice() { return is(Field.Kind.CHOICE); }

    public boolean date() { return is(Field.Kind.DATE); }

    public boolean integer() { return is(Field.Kind.INTEGER); }

    public boolean text() { return is(Field.Kind.TEXT); }

    public boolean string() { return is(Field.Kind.STRING); }

    public boolean iri() { return is(Field.Kind.IRI); }

    /** {@code {{#boolean}}} ({@code boolean} cannot name a method). */
    public boolean isBoolean() { return is(Field.Kind.BOOLEAN); }

    private boolean is(Field.Kind k) {
        return kind.equals(name(k));
    }

    private static String name(Field.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code passageGraph}: the graph of the form's passage; an existing value it states can be ticked for removal
     * (or correction, with the right value typed beside it).
     */
    static FieldView of(Field f, StatementDraft.Input input, List<Issues.Issue> issues, Node entity,
                        Graph union, Graph passageGraph, Words words) {
        List<String> typed = input.values().getOrDefault(f.key(), List.of());
        Set<Integer> create = input.create().getOrDefault(f.key(), Set.of());
        int shown = f.single() ? 1 : Math.max(1, (int) typed.stream().filter(v -> !v.isBlank()).count() + SPARE_INPUTS);
        List<Input> inputs = new ArrayList<>();
        for (int i = 0, t = 0; inputs.size() < shown; i++) {
            String value = "";
            boolean isNew = false;
            while (t < typed.size() && typed.get(t).isBlank())
                t++;
            if (t < typed.size()) {
                value = typed.get(t);
                isNew = create.contains(t);
                t++;
            }
            inputs.add(new Input(value, i, isNew, i == 0, options(f, value, union, words)));
        }
        return new FieldView(f.key(), "f-" + f.key().replaceAll("[^A-Za-z0-9]", "-"), f.path().getURI(), f.name(),
                f.description(), f.rules(), f.cardinality(), f.minCount() > 0 && f.required(),
                f.minCount() > 0 && !f.required(), name(f.kind()), f.multiLine(),
                f.valueClass() == null ? null : f.valueClass().getURI(),
                f.valueClass() == null ? null : words.label(union, f.valueClass()),
                String.join(", ", f.datatypes().stream().map(words::shortName).toList()), Dates.HINT, issues, inputs,
                !f.single(), entity == null ? null : existing(f, input, entity, union, passageGraph, words));
    }

    private static List<Existing> existing(Field f, StatementDraft.Input input, Node entity, Graph union,
                                           Graph passageGraph, Words words) {
        List<Existing> existing = new ArrayList<>();
        List<String> removing = input.remove().getOrDefault(f.key(), List.of());
        (f.inverse() ? union.find(Node.ANY, f.path(), entity) : union.find(entity, f.path(), Node.ANY)).forEachRemaining(t -> {
            Node value = f.inverse() ? t.getSubject() : t.getObject();
            String label, href;
            if (f.viewer() == Field.Viewer.URI && value.isURI()) {
                label = value.getURI();
                href = words.href(value) != null ? words.href(value) : SourceForm.isWeb(value.getURI()) ? value.getURI() : null;
            } else {
                label = f.viewer() == Field.Viewer.LITERAL && value.isLiteral() ? value.getLiteralLexicalForm() : words.label(union, value);
                href = words.href(value);
            }
            String token = passageGraph.contains(t) ? StatementDraft.token(value) : null;
            existing.add(new Existing(label, href, token, token != null && removing.contains(token)));
        });
        return existing;
    }

    private static List<Option> options(Field f, String selected, Graph union, Words words) {
        List<Option> out = new ArrayList<>();
        for (Node o : f.options())
            out.add(new Option(o.getURI(), words.label(union, o), o.getURI().equals(selected)));
        return out;
    }
}
