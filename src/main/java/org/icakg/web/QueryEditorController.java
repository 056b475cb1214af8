package org.icakg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;

import org.icakg.kb.Prefixes;

import io.javalin.http.Context;

/** {@code /query}: the YASGUI editor, served from its webjar, with the competency questions as examples. */
final class QueryEditorController {

    private final Templates templates;
    private final List<Example> examples;
    private final KnowledgeBase kb;
    /** The editor's prefixes, made at their first use: a reopened store reads its prefixes only when asked. */
    private volatile Map<String, String> prefixes;

    QueryEditorController(Templates templates, KnowledgeBase kb) {
        this.templates = templates;
        this.kb = kb;
        this.examples = loadExamples(kb);
    }

    private Map<String, String> prefixMap() {
        Map<String, String> p = prefixes;
        if (p == null) {
            p = new java.util.TreeMap<>(Prefixes.STANDARD);
            p.putAll(kb.prefixes().getMapping());
            prefixes = p = java.util.Collections.unmodifiableMap(p);
        }
        return p;
    }

    /** The model of {@code query.mustache}: the editor's page, with the competency questions. */
    record Page(String title, List<Example> examples) implements PageHead {
        @Override
        public boolean editor() { return true; }
    }

    /** A competency question: its file, title and description (from its header comments), and the query. */
    record Example(String file, String title, String description, String query) {}

    void page(Context ctx) {
        templates.html(ctx, "query", new Page("Query", examples));
    }

    /** {@code /query/examples.json}: the competency questions (title, description, query) and the prefixes. */
    void examples(Context ctx) {
        ctx.json(Map.of("examples", examples, "prefixes", prefixMap()));
    }

    /** {@code /query/prefixes.json}: prefix → namespace, the editor's prefix completion (in prefix.cc's format). */
    void prefixes(Context ctx) {
        ctx.json(prefixMap());
    }

    private static List<Example> loadExamples(KnowledgeBase kb) {
        List<Example> out = new ArrayList<>();
        Bundle.bundledText("queries", ".rq").forEach((file, text) -> out.add(new Example(file,
                header(text, "title", file), header(text, "description", ""), kb.vocab().rebaseText(text))));
        return List.copyOf(out);
    }

    /** The value of a {@code # name: value} comment line at the top of a query file. */
    static String header(String text, String name, String dflt) {
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.startsWith("# " + name + ":"))
                return l.substring(name.length() + 3).trim();
        }
        return dflt;
    }
}
