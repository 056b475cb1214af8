package org.icakg.validate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.icakg.kb.RdfSource;
import org.icakg.kb.Vocab;

/**
 * Where each subject is first written in the Turtle-family input files: "file:line".
 * A node is indexed at the first line that starts (after indentation) with its IRI or prefixed name.
 */
public final class LineIndex {

    private static final Pattern PREFIX = Pattern.compile("(?i)^\\s*@?prefix\\s+([\\w.-]*):\\s*<([^>]*)>");
    private static final Pattern LEADING_TERM = Pattern.compile("^\\s*(<[^>\\s]*>|[A-Za-z][\\w.-]*:[^\\s;,.]*(?:\\.[^\\s;,.]+)*)");

    private final Map<String, String> firstLine = new HashMap<>();

    public LineIndex(List<RdfSource> sources, Vocab vocab) {
        for (RdfSource source : sources)
            index(source, vocab);
    }

    /** "file:line" where the node is written, or null when it is not found (e.g. a blank node). */
    public String locate(Node node) {
        return node != null && node.isURI() ? firstLine.get(node.getURI()) : null;
    }

    private void index(RdfSource source, Vocab vocab) {
        String[] lines = new String(source.content(), StandardCharsets.UTF_8).split("\r?\n", -1);
        Map<String, String> prefixes = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher pm = PREFIX.matcher(lines[i]);
            if (pm.find()) {
                prefixes.put(pm.group(1), pm.group(2));
                continue;
            }
            Matcher tm = LEADING_TERM.matcher(lines[i]);
            if (!tm.find())
                continue;
            String iri = expand(tm.group(1), prefixes);
            if (iri != null)
                firstLine.putIfAbsent(vocab.rebase(iri), source.name() + ":" + (i + 1));
        }
    }

    private static String expand(String term, Map<String, String> prefixes) {
        if (term.startsWith("<"))
            return term.substring(1, term.length() - 1);
        int colon = term.indexOf(':');
        String ns = prefixes.get(term.substring(0, colon));
        return ns == null ? null : ns + term.substring(colon + 1).replace("\\", "");
    }
}
