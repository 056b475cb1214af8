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
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

import io.javalin.http.Context;

/**
 * Writes the live store, or one graph of it, to a response as it reads it, inside one read transaction: no copy of the
 * store, no answer held in memory. N-Triples, N-Quads, Turtle and TriG stream statement by statement; Jena's RDF/XML
 * and JSON-LD writers read the store directly but build their output as a whole. A write that commits meanwhile is not
 * seen: the answer is one consistent state of the store.
 */
final class StoreStreams {

    private StoreStreams() {}

    /** The whole store: every named graph for quads formats, the union of them for triple formats. */
    static void dataset(Context ctx, DatasetGraph store, RdfFormat format, PrefixMap prefixes) {
        send(ctx, store, format, out -> {
            if (!format.isQuads())
                triples(out, store.getUnionGraph(), format, prefixes);
            else if (format == RdfFormat.JSONLD)
                RDFWriter.source(withPrefixes(store, prefixes)).lang(format.lang()).output(out);
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
        RDFFormat streaming = switch (format) {
            case TURTLE -> RDFFormat.TURTLE_BLOCKS;
            case NTRIPLES -> RDFFormat.NTRIPLES_UTF8;
            default -> null;
        };
        if (streaming == null) {
            RDFWriter.source(withPrefixes(graph, prefixes)).lang(format.lang()).output(out);
            return;
        }
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

    private static DatasetGraph withPrefixes(DatasetGraph store, PrefixMap prefixes) {
        return new DatasetGraphWrapper(store) {
            @Override
            public PrefixMap prefixes() { return prefixes; }
        };
    }
}
