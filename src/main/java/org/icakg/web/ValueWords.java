package org.icakg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

import static org.icakg.web.ShapeWords.sh;

/** What kind of value a SHACL constraint asks for, and its other facets, in words. */
final class ValueWords {

    static final Map<String, String> NODE_KINDS = Map.of("IRI", "an IRI", "Literal", "a literal",
            "BlankNode", "a blank node", "BlankNodeOrIRI", "an IRI or blank node",
            "BlankNodeOrLiteral", "a blank node or literal", "IRIOrLiteral", "an IRI or literal");

    /** Single-valued facets: SHACL name → words before the value. */
    static final Map<String, String> FACETS = Map.ofEntries(
            Map.entry("minLength", "at least %s characters"), Map.entry("maxLength", "at most %s characters"),
            Map.entry("minInclusive", "≥ %s"), Map.entry("maxInclusive", "≤ %s"),
            Map.entry("minExclusive", "> %s"), Map.entry("maxExclusive", "< %s"),
            Map.entry("hasValue", "including the value %s"), Map.entry("node", "conforming to %s"),
            Map.entry("equals", "equal to the values of %s"), Map.entry("disjoint", "none of the values of %s"),
            Map.entry("lessThan", "less than the values of %s"), Map.entry("qualifiedValueShape", "qualified by %s"));

    private ValueWords() {}

    /** The kind of value: a datatype, a class, a node kind, or a choice among them ({@code sh:or}). */
    static String kind(ShapeWords w, Node c) {
        List<String> kinds = new ArrayList<>();
        one(w, c).ifPresent(kinds::add);
        Node or = w.object(c, sh("or"));
        if (or != null) {
            List<String> choices = w.list(or).stream().map(alt -> one(w, alt).orElse(w.words(alt)))
                    .filter(s -> !s.isEmpty()).toList();
            if (!choices.isEmpty())
                kinds.add(article(choices.get(0)) + choices.stream().map(ValueWords::bare).collect(Collectors.joining(" or ")));
        }
        return String.join(", ", kinds);
    }

    /** Everything else: {@code sh:in}, patterns, lengths, ranges, languages, referenced shapes. */
    static List<String> facets(ShapeWords w, Node c) {
        List<String> out = new ArrayList<>();
        Node in = w.object(c, sh("in"));
        if (in != null)
            out.add("one of " + w.list(in).stream().map(n -> value(w, n)).collect(Collectors.joining(", ")));
        String pattern = w.literal(c, sh("pattern"));
        if (pattern != null)
            out.add("matching /" + pattern + "/" + (w.literal(c, sh("flags")) == null ? "" : w.literal(c, sh("flags"))));
        FACETS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> {
            Node v = w.object(c, sh(f.getKey()));
            if (v != null)
                out.add(String.format(f.getValue(), v.isBlank() ? "a nested shape" : value(w, v)));
        });
        Node languages = w.object(c, sh("languageIn"));
        if (languages != null)
            out.add("in language " + w.list(languages).stream().map(Node::getLiteralLexicalForm).collect(Collectors.joining(" or ")));
        if ("true".equals(w.literal(c, sh("uniqueLang"))))
            out.add("one per language");
        if ("true".equals(w.literal(c, sh("closed"))))
            out.add("no properties but those listed");
        return out;
    }

    /** The datatype, class or node kind asked for, with its article ("an xsd:date", "a language-tagged string"). */
    private static java.util.Optional<String> one(ShapeWords w, Node c) {
        List<String> parts = new ArrayList<>();
        Node datatype = w.object(c, sh("datatype"));
        if (datatype != null)
            parts.add(datatype.equals(RDF.langString.asNode()) ? "a language-tagged string" : article(w.terms().name(datatype)) + w.terms().name(datatype));
        for (Node cls : w.objects(c, sh("class")))
            parts.add("an instance of " + w.terms().name(cls));
        Node kind = w.object(c, sh("nodeKind"));
        if (kind != null && datatype == null)
            parts.add(NODE_KINDS.getOrDefault(Terms.anchor(kind), Terms.anchor(kind)));
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(", ", parts));
    }

    private static String value(ShapeWords w, Node n) {
        return n.isLiteral() ? "\"" + n.getLiteralLexicalForm() + "\"" : w.terms().name(n);
    }

    private static String article(String word) {
        String w = bare(word);
        return w.matches("(?i)^[aeiou].*|^xsd:.*|^owl:.*|^rdf:.*") && !w.startsWith("u") ? "an " : "a ";
    }

    /** A phrase without its leading article. */
    private static String bare(String phrase) {
        return phrase.replaceFirst("^(an|a) ", "");
    }
}
