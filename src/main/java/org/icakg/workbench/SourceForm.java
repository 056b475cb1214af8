package org.icakg.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.icakg.kb.Vocab;

import io.javalin.http.Context;

/**
 * The form registering a source document: its description, its text, and its passages as the maintainer edited them.
 * Turns into the statements of the sources graph, written as the bundled data writes them: the
 * {@code ica:SourceDocument}, and one {@code ica:Passage} per passage with its exact {@code ica:quote}, its
 * {@code ica:position} in reading order and the document it {@code dcterms:isPartOf}.
 */
record SourceForm(String title, String publisher, String date, String url, String licence, String description,
                  String slug, String text, String passages) {

    /** Fields of the form, in the order of the page. */
    static final List<String> FIELDS = List.of("title", "publisher", "date", "url", "licence", "description", "slug",
            "text", "passages");
    /** Longest text accepted, in characters. */
    static final int MAX_TEXT = 200_000;

    static SourceForm read(Context ctx) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String value = ctx.formParam(f);
            v.put(f, value == null ? "" : value.replace("\r\n", "\n"));
        }
        return new SourceForm(v.get("title").strip(), v.get("publisher").strip(), v.get("date").strip(),
                v.get("url").strip(), v.get("licence").strip(), v.get("description").strip(), v.get("slug").strip(),
                v.get("text"), v.get("passages"));
    }

    static SourceForm empty() {
        return new SourceForm("", "", "", "", "", "", "", "", "");
    }

    /** The same form with the passages proposed by sentence. */
    SourceForm split() {
        return new SourceForm(title, publisher, date, url, licence, description, slug, text,
                Passages.asEditable(Passages.sentences(text)));
    }

    /** The slug of the document's IRI: the one given, else made from the title. */
    String slugOrTitle() {
        return slug.isEmpty() ? Words.slug(title) : slug;
    }

    /** The form's fields as its page shows them ({@code {{#f.title}}}): each value with its problems. */
    record Shown(Pages.FormField title, Pages.FormField publisher, Pages.FormField date, Pages.FormField url,
                 Pages.FormField licence, Pages.FormField description, Pages.FormField slug, Pages.FormField text,
                 Pages.FormField passages) {}

    /** This form as its page shows it, with the problems {@code issues} found by field. */
    Shown shown(Issues issues) {
        return new Shown(new Pages.FormField(title, issues.of("title")),
                new Pages.FormField(publisher, issues.of("publisher")), new Pages.FormField(date, issues.of("date")),
                new Pages.FormField(url, issues.of("url")), new Pages.FormField(licence, issues.of("licence")),
                new Pages.FormField(description, issues.of("description")),
                new Pages.FormField(slug, issues.of("slug")), new Pages.FormField(text, issues.of("text")),
                new Pages.FormField(passages, issues.of("passages")));
    }

    /** What the registration writes, once the form is read without problems. */
    record Registration(Node document, List<Node> passages, List<Quad> quads) {}

    /**
     * The statements registering this source, or null with {@code issues} saying what is missing or unreadable.
     * {@code publisherAgent}: the agent already named so, or null to add one.
     */
    Registration registration(Vocab vocab, Issues issues, java.util.function.Function<String, Node> existingAgent) {
        if (title.isEmpty())
            issues.reject("title", "A source needs its title (or a descriptive one when the text has none).", "");
        if (text.isBlank())
            issues.reject("text", "Paste the text of the source: its passages quote it.", "");
        else if (text.length() > MAX_TEXT)
            issues.reject("text", "The text is limited to " + MAX_TEXT + " characters; got " + text.length() + ".", "");
        String s = slugOrTitle();
        if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*"))
            issues.reject(slug.isEmpty() ? "title" : "slug", "The name in the IRI (slug) is lower-case letters, digits "
                    + "and single hyphens, such as my-article.", slug);
        Node issued = null;
        if (!date.isEmpty()) {
            try {
                issued = Dates.parse(date);
            } catch (IllegalArgumentException e) {
                issues.reject("date", e.getMessage(), date);
            }
        }
        if (!url.isEmpty() && !isWeb(url))
            issues.reject("url", "The URL of the source is an http or https address.", url);
        List<Passages.Span> spans = List.of();
        if (!text.isBlank()) {
            try {
                spans = Passages.locate(text, passages.isBlank() ? Passages.asEditable(Passages.sentences(text)) : passages);
                if (spans.isEmpty())
                    issues.reject("passages", "The source has no passage: keep at least one.", "");
            } catch (Passages.NotInText e) {
                issues.reject("passages", e.getMessage(), "");
            }
        }
        if (issues.hasViolations())
            return null;

        Node g = vocab.sourcesGraph();
        Node doc = NodeFactory.createURI(vocab.entityNs() + "document/" + s);
        List<Quad> q = new ArrayList<>();
        q.add(Quad.create(g, doc, RDF.type.asNode(), vocab.termNode("SourceDocument")));
        q.add(Quad.create(g, doc, RDFS.label.asNode(), en(publisher.isEmpty() ? title : publisher + ": " + title)));
        q.add(Quad.create(g, doc, DCTerms.title.asNode(), en(title)));
        if (!publisher.isEmpty()) {
            Node agent = existingAgent.apply(publisher);
            if (agent == null) {
                agent = NodeFactory.createURI(vocab.entityNs() + "agent/" + Words.slug(publisher));
                q.add(Quad.create(g, agent, RDF.type.asNode(), vocab.termNode("Agent")));
                q.add(Quad.create(g, agent, RDFS.label.asNode(), en(publisher)));
            }
            q.add(Quad.create(g, doc, DCTerms.publisher.asNode(), agent));
        }
        if (issued != null)
            q.add(Quad.create(g, doc, DCTerms.issued.asNode(), issued));
        if (!url.isEmpty())
            q.add(Quad.create(g, doc, DCTerms.source.asNode(), NodeFactory.createURI(url)));
        if (isWeb(licence))
            q.add(Quad.create(g, doc, DCTerms.license.asNode(), NodeFactory.createURI(licence)));
        else if (!licence.isEmpty())
            q.add(Quad.create(g, doc, DCTerms.rights.asNode(), en(licence)));
        if (!description.isEmpty())
            q.add(Quad.create(g, doc, DCTerms.description.asNode(), en(description)));
        q.add(Quad.create(g, doc, vocab.termNode("sourceFile"), NodeFactory.createLiteralString(SourceTexts.sourceFile(s))));
        List<Node> passageNodes = new ArrayList<>();
        String digits = spans.size() > 99 ? "%03d" : "%02d";
        for (int i = 0; i < spans.size(); i++) {
            int n = i + 1;
            Node p = NodeFactory.createURI(vocab.entityNs() + "passage/" + s + "-" + String.format(digits, n));
            passageNodes.add(p);
            q.add(Quad.create(g, p, RDF.type.asNode(), vocab.termNode("Passage")));
            q.add(Quad.create(g, p, RDFS.label.asNode(), en(title + ", passage " + n)));
            q.add(Quad.create(g, p, DCTerms.isPartOf.asNode(), doc));
            q.add(Quad.create(g, p, vocab.termNode("position"), NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger)));
            q.add(Quad.create(g, p, vocab.termNode("quote"), en(spans.get(i).quote())));
            // Offsets in characters (Unicode code points) of the text as written to its file, end exclusive.
            q.add(Quad.create(g, p, vocab.termNode("startOffset"), integer(text.codePointCount(0, spans.get(i).start()))));
            q.add(Quad.create(g, p, vocab.termNode("endOffset"), integer(text.codePointCount(0, spans.get(i).end()))));
        }
        return new Registration(doc, passageNodes, q);
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    static boolean isWeb(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && s.length() > 8
                && s.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '{'
                || c == '}' || c == '|' || c == '\\' || c == '^' || c == '`');
    }
}
