package org.icakg.web;

import java.io.OutputStream;
import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

import io.javalin.http.Context;

/**
 * Writes the live store, or one graph of it, to a response as it reads it, inside one read transaction: no copy of the
 * store, no answer held in memory. N-Triples, N-Quads, Turtle and TriG stream statement by statement, JSON-LD subject by
 * subject in expanded form ({@link JsonLdStream}), RDF/XML subject by subject with Jena's plain writer (which keeps
 * the set of subjects and namespaces, not the output; its pretty writer analyses the whole graph first). A write that
 * commits meanwhile is not seen: the answer is one consistent state of the store.
 */
final class StoreStreams {

    private StoreStreams() {}

    /** The whole store: every named graph for TriG, N-Quads and JSON-LD, the union of them for triple formats. */
    static void dataset(Context ctx, DatasetGraph store, RdfFormat format, PrefixMap prefixes) {
        send(ctx, store, format, out -> {
            if (format == RdfFormat.JSONLD)
                JsonLdStream.quads(out, store.find());
            else if (!format.isQuads())
                triples(out, store.getUnionGraph(), format, prefixes);
            else
                quads(out, store.find(), format, prefixes);
        });
    }

    /** One graph ({@code graph}), or the union of all when it is null, in a triple format. */
    static void graph(Context ctx, DatasetGraph store, Node graph, RdfFormat format, PrefixMap prefixes) {
        send(ctx, store, format, out -> triples(out, graph == null ? store.getUnionGraph() : store.getGraph(graph),
                format, prefixes));
    }

    private interface Writing {
        void write(OutputStream out);
    }

    private static void send(Context ctx, DatasetGraph store, RdfFormat format, Writing writing) {
        ctx.contentType(format.mediaType() + ";charset=utf-8");
        VaryHeader.add(ctx.res(), "Accept");
        OutputStream out = ctx.outputStream();
        Txn.executeRead(store, () -> writing.write(out));
    }

    private static void triples(OutputStream out, Graph graph, RdfFormat format, PrefixMap prefixes) {
        if (format == RdfFormat.JSONLD) {
            JsonLdStream.triples(out, graph.find());
            return;
        }
        if (format == RdfFormat.RDFXML) {
            RDFWriter.source(withPrefixes(graph, prefixes)).format(RDFFormat.RDFXML_PLAIN).output(out);
            return;
        }
        RDFFormat streaming = format == RdfFormat.TURTLE ? RDFFormat.TURTLE_BLOCKS : RDFFormat.NTRIPLES_UTF8;
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, streaming);
        stream.start();
        prefixes.forEach(stream::prefix);
        Iterator<Triple> it = graph.find();
        it.forEachRemaining(stream::triple);
        stream.finish();
    }

    private static void quads(OutputStream out, Iterator<Quad> quads, RdfFormat format, PrefixMap prefixes) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out,
                format == RdfFormat.TRIG ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS_UTF8);
        stream.start();
        prefixes.forEach(stream::prefix);
        quads.forEachRemaining(stream::quad);
        stream.finish();
    }

    /** The graph as it is, with the site's prefixes for the writer (the store's own are left alone). */
    private static Graph withPrefixes(Graph graph, PrefixMap prefixes) {
        PrefixMapping mapping = Prefixes.adapt(prefixes);
        return new WrappedGraph(graph) {
            @Override
            public PrefixMapping getPrefixMapping() { return mapping; }
        };
    }
}
