package org.icakg.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/** A {@link Field} as the form template shows it: label, help, inputs with what was typed, problems. */
final class FieldView {

    /** Inputs shown for a field taking several values, beyond those already typed. */
    static final int SPARE_INPUTS = 1;

    private FieldView() {}

    /**
     * {@code passageGraph}: the graph of the form's passage; an existing value it states can be ticked for removal
     * (or correction, with the right value typed beside it).
     */
    static Map<String, Object> of(Field f, StatementDraft.Input input, List<Issues.Issue> issues, Node entity,
                                  Graph union, Graph passageGraph, Words words) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", f.key());
        m.put("id", "f-" + f.key().replaceAll("[^A-Za-z0-9]", "-"));
        m.put("path", f.path().getURI());
        m.put("name", f.name());
        m.put("description", f.description());
        m.put("rules", f.rules());
        m.put("cardinality", f.cardinality());
        m.put("required", f.minCount() > 0 && f.required());
        m.put("recommended", f.minCount() > 0 && !f.required());
        m.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put(f.kind().name().toLowerCase(java.util.Locale.ROOT), true);
        m.put("multiLine", f.multiLine());
        m.put("valueClass", f.valueClass() == null ? null : f.valueClass().getURI());
        m.put("valueClassName", f.valueClass() == null ? null : words.label(union, f.valueClass()));
        m.put("datatypes", String.join(", ", f.datatypes().stream().map(words::shortName).toList()));
        m.put("dateHint", Dates.HINT);
        m.put("issues", issues);
        m.put("bad", issues.stream().anyMatch(Issues.Issue::violation));
        m.put("warned", !issues.isEmpty());
        List<String> typed = input.values().getOrDefault(f.key(), List.of());
        Set<Integer> create = input.create().getOrDefault(f.key(), Set.of());
        int shown = f.single() ? 1 : Math.max(1, (int) typed.stream().filter(v -> !v.isBlank()).count() + SPARE_INPUTS);
        List<Map<String, Object>> inputs = new ArrayList<>();
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
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("value", value);
            in.put("index", i);
            in.put("isNew", isNew);
            in.put("first", i == 0);
            in.put("options", options(f, value, union, words));
            inputs.add(in);
        }
        m.put("inputs", inputs);
        m.put("multiple", !f.single());
        if (entity != null) {
            List<Map<String, Object>> existing = new ArrayList<>();
            List<String> removing = input.remove().getOrDefault(f.key(), List.of());
            (f.inverse() ? union.find(Node.ANY, f.path(), entity) : union.find(entity, f.path(), Node.ANY)).forEachRemaining(t -> {
                Node value = f.inverse() ? t.getSubject() : t.getObject();
                Map<String, Object> e = new LinkedHashMap<>();
                if (f.viewer() == Field.Viewer.URI && value.isURI()) {
                    e.put("label", value.getURI());
                    e.put("href", words.href(value) != null ? words.href(value) : SourceForm.isWeb(value.getURI()) ? value.getURI() : null);
                } else {
                    e.put("label", f.viewer() == Field.Viewer.LITERAL && value.isLiteral() ? value.getLiteralLexicalForm() : words.label(union, value));
                    e.put("href", words.href(value));
                }
                if (passageGraph.contains(t)) {
                    String token = StatementDraft.token(value);
                    e.put("token", token);
                    e.put("removing", removing.contains(token));
                }
                existing.add(e);
            });
            m.put("existing", existing);
        }
        return m;
    }

    private static List<Map<String, Object>> options(Field f, String selected, Graph union, Words words) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node o : f.options()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iri", o.getURI());
            m.put("label", words.label(union, o));
            m.put("selected", o.getURI().equals(selected));
            out.add(m);
        }
        return out;
    }
}
