package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIx;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;

/**
 * The loader takes IRIs of the plainest form as they are written, without Jena's IRI parser: only where Jena's own
 * resolver would give the same IRI and report nothing about it, so files load to the same statements and bad IRIs
 * are reported as before.
 */
class PlainIriTest {

    private static final String BASE = Vocab.DEFAULT.base();

    @Test
    void an_iri_taken_as_written_is_what_jenas_resolver_makes_of_it_and_jena_reports_nothing_about_it() {
        IRIxResolver jena = IRIxResolver.create(IRIs.resolveIRI(BASE)).resolve(true).allowRelative(false).build();
        List<String> candidates = new ArrayList<>(bundledIris());
        candidates.addAll(List.of("https://w3id.org/ica-kg/id/passage/p-1", "http://example.org/", "http://example.org/a/",
                "https://w3id.org/ica-kg/ontology#Meeting", "http://example.org/a#", "http://x-y.example.org/~me/a.b_c",
                // not plain: each goes to Jena's parser
                "http://example.org", "http://example.org/a/../b", "http://example.org/./b", "http://example.org//b",
                "http://example.org/a/..", "http://Example.org/", "http://example.org:80/", "http://example.org/a?b=c",
                "http://example.org/a%20b", "http://-a.org/", "http://a-.org/", "http://1.2.3.4/", "http://example..org/",
                "http://example.org./", "HTTP://example.org/", "http://user@example.org/", "http://example.org/a#b/c",
                "http://example.org/a#b#c", "ftp://example.org/", "http://example.org/é", "http://exa_mple.org/",
                "urn:x:y", "relative/path", "#fragment", "http:/example.org/a", "http://" + "a".repeat(64) + ".org/"));
        candidates.addAll(random(20_000));
        int plain = 0;
        for (String text : candidates) {
            if (!PlainIri.isPlain(text))
                continue;
            plain++;
            IRIx resolved = jena.resolve(text);
            assertEquals(text, resolved.str(), "Jena resolves " + text + " to itself");
            assertFalse(resolved.hasViolations(), "Jena reports nothing about " + text);
            IRIx taken = PlainIri.of(text);
            assertEquals(resolved.str(), taken.str());
            assertEquals(resolved.isAbsolute(), taken.isAbsolute(), text);
            assertEquals(resolved.isRelative(), taken.isRelative(), text);
            assertEquals(resolved.isReference(), taken.isReference(), text);
            assertEquals(resolved.scheme(), taken.scheme(), text);
            assertEquals(taken, resolved, text);
            assertEquals(resolved.hashCode(), taken.hashCode(), text);
        }
        assertTrue(plain > 1_000, "the plain IRIs tried: " + plain);
        assertFalse(PlainIri.isPlain("http://example.org/a/../b"));
        assertFalse(PlainIri.isPlain("http://example.org:80/"));
        assertFalse(PlainIri.isPlain("http://1.2.3.4/"));
        assertTrue(PlainIri.isPlain("https://w3id.org/ica-kg/id/passage/p-1"));
    }

    @Test
    void a_file_parses_to_the_statements_and_the_iri_warnings_of_jenas_own_resolver() {
        String text = """
                PREFIX ica: <https://w3id.org/ica-kg/ontology#>
                PREFIX state: <https://w3id.org/ica-kg/id/state/>
                <https://w3id.org/ica-kg/graph/p1> {
                    state:india a ica:State ; ica:partner <../id/state/kazakhstan>, <http://example.org/a/./b> ;
                        ica:seeAlso <http://Example.org:8080/x?y=1#z>, <id/state/uzbekistan>, <http://example.org/a#b> .
                }
                <https://w3id.org/ica-kg/graph/p2> {
                    state:kazakhstan ica:seeAlso <http://example.org/a%zz>, <http://user@example.org/a>, <http:///a> .
                    state:kazakhstan ica:seeAlso <http://example.org:xx/>, <http://example.org/a{b}>, <HTTP://example.org/> .
                }
                """;
        List<String> ours = new ArrayList<>(), jenas = new ArrayList<>();
        DatasetGraph withOurs = parse(text, Loader.resolver(Vocab.DEFAULT), ours);
        DatasetGraph withJenas = parse(text, null, jenas);
        assertEquals(jenas, ours, "the same warnings, at the same lines and columns");
        assertTrue(ours.stream().anyMatch(w -> w.startsWith("8:34 ") && w.contains("PERCENT")), ours.toString());
        assertEquals(quads(withJenas), quads(withOurs), "the same statements");
    }

    /** Parses TriG text with {@code resolver} (Jena's default when null), recording warnings and errors. */
    private static DatasetGraph parse(String text, IRIxResolver resolver, List<String> reports) {
        DatasetGraph into = DatasetGraphFactory.create();
        var parser = RDFParser.fromString(text, Lang.TRIG).base(BASE).errorHandler(new ErrorHandler() {
            @Override public void warning(String message, long line, long col) { reports.add(line + ":" + col + " " + message); }
            @Override public void error(String message, long line, long col) { reports.add(line + ":" + col + " " + message); }
            @Override public void fatal(String message, long line, long col) { reports.add(line + ":" + col + " " + message); }
        });
        if (resolver != null)
            parser.resolver(resolver);
        parser.parse(into);
        return into;
    }

    /** Every IRI of the bundled files, as Jena reads them. */
    private static Set<String> bundledIris() {
        Set<String> iris = new TreeSet<>();
        Bundle bundle = Bundle.bundled();
        List<RdfSource> sources = new ArrayList<>(bundle.ontology());
        sources.addAll(bundle.shapes());
        sources.addAll(bundle.data());
        for (RdfSource s : sources) {
            DatasetGraph dsg = DatasetGraphFactory.create();
            RDFParser.source(new java.io.ByteArrayInputStream(s.content())).lang(s.lang()).base(BASE).parse(dsg);
            dsg.find().forEachRemaining(q -> {
                for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()})
                    if (n.isURI())
                        iris.add(n.getURI());
            });
        }
        return iris;
    }

    /** Strings close to the plain form: its characters and those that end it, in every place. */
    private static List<String> random(int count) {
        Random random = new Random(20250611);
        String[] schemes = {"http://", "https://", "http:/", "HTTP://", "https:"};
        String hostChars = "abcxyz0129-.._A";
        String pathChars = "abcXYZ019-._~/#%?:@é/..";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder(schemes[random.nextInt(random.nextInt(4) == 0 ? schemes.length : 2)]);
            int host = 1 + random.nextInt(12);
            for (int j = 0; j < host; j++)
                b.append(random.nextInt(5) == 0 ? hostChars.charAt(random.nextInt(hostChars.length()))
                        : (char) ('a' + random.nextInt(26)));
            if (random.nextInt(10) > 0)
                b.append(random.nextBoolean() ? ".org" : ".example.com");
            int path = random.nextInt(25);
            for (int j = 0; j < path; j++)
                b.append(random.nextInt(4) == 0 ? pathChars.charAt(random.nextInt(pathChars.length()))
                        : (char) ('a' + random.nextInt(26)));
            out.add(b.toString());
        }
        return out;
    }

    private static Set<String> quads(DatasetGraph dsg) {
        Set<String> out = new TreeSet<>();
        dsg.find().forEachRemaining(q -> out.add(q.toString()));
        return out;
    }
}
