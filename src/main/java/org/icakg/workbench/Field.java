package org.icakg.workbench;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.path.Path;

/**
 * One field of a statement form: a property, merged from every property shape that applies to it for the form's
 * classes (the strictest cardinality, every message), with what its values are.
 *
 * @param key         the field's name in the form: the property's short name, such as {@code ica:meetingOf}
 *                    ({@code ^ica:concerns} for an inverse path)
 * @param path        the property the field writes
 * @param inverse     whether the field's values are the subjects of {@code path} and the entity its object
 * @param shapePaths  the paths of the property shapes merged into the field, as Jena parsed them
 * @param name        its label in the ontology
 * @param description its definition in the ontology
 * @param rules       the shapes' messages about it
 * @param minCount    fewest values (0 when none is needed)
 * @param required    whether too few values is a violation (else only a warning)
 * @param maxCount    most values, or null for any number
 * @param kind        what the values are
 * @param valueClass  the class of entity values ({@code sh:class}), or null
 * @param datatypes   the accepted datatypes, best first
 * @param options     the allowed values ({@code sh:in}), for a select
 * @param multiLine   a text area rather than one line ({@code dash:singleLine false} or {@code dash:editor dash:TextAreaEditor})
 * @param viewer      how its existing values are shown ({@code dash:viewer})
 */
record Field(String key, Node path, boolean inverse, List<Path> shapePaths, String name, String description, List<String> rules, int minCount,
             boolean required, Integer maxCount, Kind kind, Node valueClass, List<Node> datatypes, List<Node> options,
             boolean multiLine, Viewer viewer) {

    /**
     * How a value is shown, from the shape's {@code dash:viewer}: {@code dash:URIViewer} shows an IRI itself (a
     * link when it is http(s)), {@code dash:LiteralViewer} a literal's text, and {@code dash:LabelViewer} (and no
     * viewer) the label of a resource, linked to its page when it is an entity of the graph. Other DASH viewers are
     * shown as labels: {@code dash:HTMLViewer} never, since text from the data is always escaped.
     */
    enum Viewer {
        LABEL, URI, LITERAL;

        static Viewer of(Node dashViewer) {
            if (dashViewer == null || !dashViewer.isURI())
                return LABEL;
            return switch (dashViewer.getURI().substring(dashViewer.getURI().lastIndexOf('#') + 1)) {
                case "URIViewer" -> URI;
                case "LiteralViewer" -> LITERAL;
                default -> LABEL;
            };
        }
    }

    /** What a field's values are, and so how it is edited. */
    enum Kind {
        /** An entity of the graph, by autocomplete of its name, or created inline. */
        ENTITY,
        /** One of the shape's {@code sh:in} values, by a select. */
        CHOICE,
        /** A date as precise as the source: {@code xsd:gYear}, {@code xsd:gYearMonth} or {@code xsd:date}. */
        DATE,
        /** A whole number. */
        INTEGER,
        /** Words in English (a language-tagged string). */
        TEXT,
        /** A plain string, such as a code. */
        STRING,
        /** A web address. */
        IRI,
        /** True or false. */
        BOOLEAN
    }

    Field {
        shapePaths = List.copyOf(shapePaths);
        rules = List.copyOf(rules);
        datatypes = List.copyOf(datatypes);
        options = List.copyOf(options);
    }

    /** True when the field takes one value at most. */
    boolean single() { return maxCount != null && maxCount <= 1; }

    /** "required", "1 to 2", "at most 1", "any number": the cardinality in words. */
    String cardinality() {
        String max = maxCount == null ? null : maxCount.toString();
        if (minCount == 0)
            return max == null ? "any number" : maxCount == 0 ? "none" : "at most " + max;
        if (max == null)
            return "at least " + minCount;
        return minCount == maxCount ? "exactly " + max : minCount + " to " + max;
    }
}
