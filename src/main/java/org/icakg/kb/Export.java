package org.icakg.kb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.icakg.store.Stores;

/**
 * Writes a store back to files a maintainer can commit, in the layout of the project: {@code data/} with one TriG
 * file per source document holding the graphs of its passages ({@code data/NAME.trig} for the document whose
 * {@code ica:sourceFile} is {@code sources/NAME.txt}), {@code data/sources.trig} for the sources graph, one file per
 * group of graphs under {@code {base}graph/} ({@code graph/external/…} → {@code data/external.trig}), and
 * {@code sources/} with the text of each document copied from the folder of texts. So once {@code data/} and
 * {@code sources/} hold an export, {@code git diff} after the next export shows only what changed. TriG because a file
 * must keep the names of its graphs, which carry the provenance. A graph fitting none of these is written to a file
 * of its own, laid out by its IRI under the base ({@code …/id/passage/x} becomes {@code data/id/passage/x.trig}).
 * The inferred graph is left out (it is recomputed on load) and so is the ontology (it is maintained in
 * {@code ontology/} and no write can change it). Output is deterministic: graphs sorted by IRI, statements sorted by
 * subject ({@code rdf:type} first, then by predicate and object), prefixes sorted, blank nodes labelled in order.
 */
public final class Export {

    private final Vocab vocab;
    private final PrefixMap prefixes;

    /** {@code prefixes}: those declared in the bundled files, so the files read like the ones they replace. */
    public Export(Vocab vocab, PrefixMap prefixes) {
        this.vocab = vocab;
        this.prefixes = prefixes;
    }

    /** What an export wrote: the files, sorted, and the documents whose text was not found in the folder of texts. */
    public record Exported(List<Path> files, List<String> missingTexts) {}

    /** Folders of an export, as in the project. */
    public static final String DATA = "data", SOURCES = "sources";

    /**
     * Writes every exported graph under {@code out/data} (out absent or empty) and copies the text of each source
     * document from {@code texts} (the folder {@code ica:sourceFile} paths point into; null for none) to
     * {@code out/sources}.
     */
    public Exported write(DatasetGraph store, Path out, Path texts) {
        requireEmpty(out);
        return Txn.calculateRead(store, () -> {
            List<Path> files = new ArrayList<>();
            Map<String, List<Node>> graphs = graphsByFile(store);
            Map<String, String> names = prefixes(store, graphs.values().stream().flatMap(List::stream).toList());
            for (Map.Entry<String, List<Node>> e : graphs.entrySet()) {
                Path file = out.resolve(DATA).resolve(e.getKey());
                writeGraphs(store, e.getValue(), file, names);
                files.add(file);
            }
            List<String> missing = new ArrayList<>();
            for (Map.Entry<Node, String> doc : sourceFiles(store).entrySet()) {
                String name = doc.getValue().substring(SOURCES.length() + 1);
                Path from = texts == null ? null : texts.resolve(name);
                if (from == null || !Files.isRegularFile(from)) {
                    missing.add(doc.getKey().getURI() + " (" + doc.getValue() + ")");
                    continue;
                }
                Path to = out.resolve(SOURCES).resolve(name);
                try {
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot copy " + from + " to " + to, ex);
                }
                files.add(to);
            }
            files.sort(Comparator.naturalOrder());
            return new Exported(files, missing);
        });
    }

    /** Exported graphs by their file's path under {@code data/}, files sorted, graphs sorted by IRI. */
    private Map<String, List<Node>> graphsByFile(DatasetGraph store) {
        Map<String, List<Node>> out = new TreeMap<>();
        Map<Node, String> texts = sourceFiles(store);
        store.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && !vocab.isInferred(g) && !g.equals(vocab.ontologyGraph())
                    && store.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext())
                out.computeIfAbsent(fileOf(store, g, texts), k -> new ArrayList<>()).add(g);
        });
        out.values().forEach(l -> l.sort(Comparator.comparing(Node::getURI)));
        return out;
    }

    /** The file of a graph: its document's, the sources graph's, its group's under {@code graph/}, else its own. */
    private String fileOf(DatasetGraph store, Node g, Map<Node, String> texts) {
        if (g.equals(vocab.sourcesGraph()))
            return "sources.trig";
        List<Quad> part = Iter.toList(store.find(vocab.sourcesGraph(), g, DCTerms.isPartOf.asNode(), Node.ANY));
        if (!part.isEmpty()) {
            Node doc = part.get(0).getObject();
            String text = texts.get(doc);
            if (text != null)
                return text.substring(SOURCES.length() + 1, text.length() - ".txt".length()) + ".trig";
            if (doc.isURI() && doc.getURI().startsWith(vocab.entityNs())) {
                String local = doc.getURI().substring(doc.getURI().lastIndexOf('/') + 1);
                if (local.matches(SEGMENT))
                    return local + ".trig";
            }
        }
        String graphs = vocab.base() + "graph/";
        if (g.getURI().startsWith(graphs)) {
            String[] rest = g.getURI().substring(graphs.length()).split("/");
            if (rest.length >= 1 && rest[0].matches(SEGMENT) && (rest.length == 1 || rest.length == 2 && rest[1].matches(SEGMENT)))
                return rest[0] + ".trig";
        }
        return fileFor(g.getURI());
    }

    private static final String SEGMENT = "[A-Za-z0-9][A-Za-z0-9._-]*";

    /** The {@code ica:sourceFile} of each source document, when it names a file of {@code sources/}. */
    private Map<Node, String> sourceFiles(DatasetGraph store) {
        Map<Node, String> out = new TreeMap<>(Comparator.comparing(Node::toString));
        store.find(vocab.sourcesGraph(), Node.ANY, vocab.termNode("sourceFile"), Node.ANY).forEachRemaining(q -> {
            Node v = q.getObject();
            if (v.isLiteral() && v.getLiteralLexicalForm().matches(SOURCES + "/[a-z0-9-]+\\.txt"))
                out.put(q.getSubject(), v.getLiteralLexicalForm());
        });
        return out;
    }

    /** A graph's own file: {@code {base}a/b/c} → {@code a/b/c.trig}; other IRIs → {@code other/NAME-HASH.trig}. */
    String fileFor(String iri) {
        if (iri.startsWith(vocab.base())) {
            String rel = iri.substring(vocab.base().length());
            List<String> segments = List.of(rel.split("/"));
            if (!rel.isEmpty() && segments.stream().allMatch(s -> s.matches("[A-Za-z0-9][A-Za-z0-9._-]*")))
                return rel + ".trig";
        }
        String name = iri.replaceFirst("^[a-z]+://", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        return "other/" + name.substring(0, Math.min(60, name.length())) + "-" + shortHash(iri) + ".trig";
    }

    /**
     * The declared prefixes, then the standard ones and one per kind of entity ({@code state:} for
     * {@code {base}id/state/}) for namespaces still without one; sorted by prefix.
     */
    private Map<String, String> prefixes(DatasetGraph store, java.util.Collection<Node> graphs) {
        Map<String, String> out = new TreeMap<>(prefixes.getMapping());
        java.util.Set<String> namespaces = new java.util.HashSet<>(out.values());
        Map<String, String> more = new TreeMap<>(Prefixes.STANDARD);
        more.put("ica", vocab.ontologyNs());
        for (Node g : graphs)
            store.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                kind(q.getSubject(), more);
                kind(q.getObject(), more);
            });
        more.forEach((prefix, ns) -> {
            if (!out.containsKey(prefix) && namespaces.add(ns))
                out.put(prefix, ns);
        });
        return out;
    }

    private void kind(Node n, Map<String, String> into) {
        if (!n.isURI() || !n.getURI().startsWith(vocab.entityNs()))
            return;
        String rest = n.getURI().substring(vocab.entityNs().length());
        int slash = rest.indexOf('/');
        if (slash > 0 && rest.substring(0, slash).matches("[a-z][a-z0-9-]*"))
            into.putIfAbsent(rest.substring(0, slash), vocab.entityNs() + rest.substring(0, slash + 1));
    }

    private void writeGraphs(DatasetGraph store, List<Node> graphs, Path file, Map<String, String> names) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream os = Files.newOutputStream(file)) {
                StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.TRIG_BLOCKS);
                w.start();
                names.forEach(w::prefix);
                for (Node graph : graphs) {
                    List<Triple> triples = new ArrayList<>();
                    store.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> triples.add(q.asTriple()));
                    triples.sort(STATEMENT_ORDER);
                    triples.forEach(t -> w.quad(Quad.create(graph, t)));
                }
                w.finish();
                os.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Subjects (IRIs before blank nodes), then {@code rdf:type} first, then predicates and objects. */
    static final Comparator<Triple> STATEMENT_ORDER = Comparator
            .comparing((Triple t) -> t.getSubject().isBlank())
            .thenComparing(t -> NodeFmtLib.strNT(t.getSubject()))
            .thenComparing(t -> !t.getPredicate().equals(RDF.type.asNode()))
            .thenComparing(t -> t.getPredicate().getURI())
            .thenComparing(t -> NodeFmtLib.strNT(t.getObject()));

    private static void requireEmpty(Path out) {
        if (!Files.exists(out))
            return;
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent())
                throw new Stores.StoreException("export folder " + out + " is not empty; export into a new folder "
                        + "(then replace data/ with it)");
        } catch (IOException e) {
            throw new Stores.StoreException("cannot read export folder " + out + ": " + e.getMessage());
        }
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
