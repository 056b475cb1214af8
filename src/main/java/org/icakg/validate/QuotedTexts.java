package org.icakg.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.DCTerms;
import org.icakg.kb.Vocab;

/**
 * What SHACL cannot see: that the text a document's {@code ica:sourceFile} names exists, and that each of its
 * passages quotes that text. A passage with {@code ica:startOffset}/{@code ica:endOffset} must quote exactly the
 * characters (Unicode code points) between them; one without must appear in the text, white space aside.
 */
public final class QuotedTexts {

    /** The folder every {@code ica:sourceFile} value starts with. */
    static final String FOLDER = "sources/";
    private static final int SHOWN = 80;

    private final Node sourceFile, quote, start, end, missingText, quoteNotInText;

    public QuotedTexts(Vocab vocab) {
        this.sourceFile = vocab.termNode("sourceFile");
        this.quote = vocab.termNode("quote");
        this.start = vocab.termNode("startOffset");
        this.end = vocab.termNode("endOffset");
        this.missingText = NodeFactory.createURI(vocab.base() + "validation#MissingSourceText");
        this.quoteNotInText = NodeFactory.createURI(vocab.base() + "validation#QuoteNotInSourceText");
    }

    /**
     * Findings on {@code data}. {@code texts} gives the text of a file in the sources folder by its name
     * ({@code NAME.txt}), empty when there is none.
     */
    public List<ReportEntry> check(Graph data, Function<String, Optional<String>> texts) {
        List<ReportEntry> out = new ArrayList<>();
        Map<Node, String> textOf = new java.util.HashMap<>();
        for (Triple t : data.find(Node.ANY, sourceFile, Node.ANY).toList()) {
            String value = t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : "";
            String name = value.startsWith(FOLDER) ? value.substring(FOLDER.length()) : "";
            Optional<String> text = name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                    ? Optional.empty() : texts.apply(name);
            if (text.isPresent())
                textOf.put(t.getSubject(), text.get());
            else
                out.add(entry(t.getSubject(), sourceFile, t.getObject(), missingText, name.isEmpty()
                        ? "ica:sourceFile must name a file in the sources folder, as \"sources/NAME.txt\"; got \"" + shown(value) + "\""
                        : "The text \"" + value + "\" that ica:sourceFile names is not in the sources folder"));
        }
        for (Triple t : data.find(Node.ANY, quote, Node.ANY).toList()) {
            Node passage = t.getSubject();
            if (!t.getObject().isLiteral())
                continue;
            String said = t.getObject().getLiteralLexicalForm();
            List<String> documents = data.find(passage, DCTerms.isPartOf.asNode(), Node.ANY)
                    .mapWith(Triple::getObject).filterKeep(textOf::containsKey).mapWith(textOf::get).toList();
            if (documents.isEmpty())
                continue;
            Optional<Integer> from = offset(data, passage, start), to = offset(data, passage, end);
            String problem = null;
            if (from.isPresent() && to.isPresent()) {
                String text = documents.get(0);
                String between = between(text, from.get(), to.get());
                if (between == null)
                    problem = "The offsets " + from.get() + "–" + to.get() + " are outside the text ("
                            + text.codePointCount(0, text.length()) + " characters)";
                else if (!between.equals(said))
                    problem = "The quote differs from the text between offsets " + from.get() + " and " + to.get()
                            + ", which reads \"" + shown(between) + "\"";
            } else if (documents.stream().noneMatch(text -> spaced(text).contains(spaced(said)))) {
                problem = "The quote is not in the text of its document (white space aside)";
            }
            if (problem != null)
                out.add(entry(passage, quote, t.getObject(), quoteNotInText, problem));
        }
        return out;
    }

    private static Optional<Integer> offset(Graph data, Node passage, Node property) {
        return data.find(passage, property, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral)
                .mapWith(o -> {
                    try {
                        return Integer.parseInt(o.getLiteralLexicalForm().strip());
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }).nextOptional().filter(n -> n >= 0);
    }

    /** The code points {@code [from, to)} of {@code text}; null when out of range. */
    static String between(String text, int from, int to) {
        int length = text.codePointCount(0, text.length());
        if (from > to || to > length)
            return null;
        return text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
    }

    private static String spaced(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String shown(String s) {
        String one = spaced(s);
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN) + "…";
    }

    private static ReportEntry entry(Node focus, Node path, Node value, Node component, String message) {
        return ReportEntry.create().focusNode(focus).resultPath(new P_Link(path)).value(value)
                .severity(Severity.Violation).sourceConstraintComponent(component).message(message);
    }

}
