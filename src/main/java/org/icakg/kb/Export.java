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
import org.apache.jena.vocabulary.RDF;
import org.icakg.store.Stores;

/**
 * Writes a store back to files a maintainer can commit: one TriG file per named graph holding asserted statements
 * (TriG because a file must keep the name of its graph, which carries the provenance), laid out by the graph's IRI
 * under the base ({@code …/id/passage/joint-statement-03} becomes {@code id/passage/joint-statement-03.trig}).
 * The inferred graph is left out (it is recomputed on load) and so is the ontology (it is maintained in
 * {@code ontology/} and no write can change it). Output is deterministic: statements sorted by subject
 * ({@code rdf:type} first, then by predicate and object), prefixes sorted, blank nodes labelled in order.
 */
public final class Export {

    private final Vocab vocab;
    private final PrefixMap prefixes;

    /** {@code prefixes}: those declared in the bundled files, so the files read like the ones they replace. */
    public Export(Vocab vocab, PrefixMap prefixes) {
        this.vocab = vocab;
        this.prefixes = prefixes;
    }

    /** Writes every exported graph under {@code out} (absent or empty); returns the files, sorted. */
    public List<Path> write(DatasetGraph store, Path out) {
        requireEmpty(out);
        return Txn.calculateRead(store, () -> {
            List<Path> files = new ArrayList<>();
            Map<String, Node> graphs = graphsByFile(store);
            Map<String, String> names = prefixes(store, graphs.values());
            for (Map.Entry<String, Node> e : graphs.entrySet()) {
                Path file = out.resolve(e.getKey());
                writeGraph(store, e.getValue(), file, names);
                files.add(file);
            }
            return files;
        });
    }

    /** Exported graphs, keyed (and so sorted) by their file's relative path. */
    private Map<String, Node> graphsByFile(DatasetGraph store) {
        Map<String, Node> out = new TreeMap<>();
        store.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && !vocab.isInferred(g) && !g.equals(vocab.ontologyGraph())
                    && store.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext())
                out.put(fileFor(g.getURI()), g);
        });
        return out;
    }

    /** {@code {base}a/b/c} → {@code a/b/c.trig}; other IRIs → {@code other/NAME-HASH.trig}. */
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

    private void writeGraph(DatasetGraph store, Node graph, Path file, Map<String, String> names) {
        List<Triple> triples = new ArrayList<>();
        store.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> triples.add(q.asTriple()));
        triples.sort(STATEMENT_ORDER);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream os = Files.newOutputStream(file)) {
                StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.TRIG_BLOCKS);
                w.start();
                names.forEach(w::prefix);
                triples.forEach(t -> w.quad(Quad.create(graph, t)));
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
