package org.icakg.workbench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.vocabulary.RDFS;
import org.icakg.kb.Prefixes;
import org.icakg.kb.Vocab;

/** Names of things as a maintainer reads them: labels, short IRIs, slugs for new IRIs, links to entity pages. */
final class Words {

    /** Longest slug minted for a new IRI, in characters. */
    static final int MAX_SLUG = 60;

    private final Vocab vocab;
    private final PrefixMap prefixes;

    Words(Vocab vocab, PrefixMap prefixes) {
        this.vocab = vocab;
        this.prefixes = prefixes;
    }

    /** The English (or any) label of {@code node} in {@code graph}, else its short name; call inside a read. */
    String label(Graph graph, Node node) {
        if (node.isLiteral())
            return node.getLiteralLexicalForm();
        String any = null;
        var it = graph.find(node, RDFS.label.asNode(), Node.ANY);
        try {
            while (it.hasNext()) {
                Node l = it.next().getObject();
                if (!l.isLiteral())
                    continue;
                if ("en".equalsIgnoreCase(l.getLiteralLanguage()))
                    return l.getLiteralLexicalForm();
                any = l.getLiteralLexicalForm();
            }
        } finally {
            it.close();
        }
        return any != null ? any : shortName(node);
    }

    /** {@code ica:Meeting} for a term with a declared prefix, else the IRI. */
    String shortName(Node node) {
        return Prefixes.shortForm(prefixes, node);
    }

    /** The local page of an entity IRI of this server, or null. */
    String href(Node node) {
        if (!node.isURI() || !node.getURI().startsWith(vocab.entityNs()))
            return null;
        String local = node.getURI().substring(vocab.entityNs().length());
        return local.matches("[A-Za-z0-9._~/-]+") ? "/id/" + local : null;
    }

    /** A query-string value. */
    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Lower-case ASCII words joined by hyphens: "India–Central Asia Dialogue" → "india-central-asia-dialogue". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_SLUG)
            s = s.substring(0, MAX_SLUG).replaceAll("-+$", "");
        return s;
    }

    /** "CooperationMechanism" → "cooperation-mechanism": the kind segment of a new entity's IRI. */
    static String kind(Node cls) {
        String local = cls.getLocalName();
        return local.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
