package org.icakg.web;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Chooses an RDF format for a request and writes graphs and data sets in it. */
final class RdfResponses {

    private RdfResponses() {}

    /**
     * The format a request asks for among {@code offered}: {@code ?format=} first, then {@code Accept}.
     * Answers 400 for an unknown {@code ?format=} and 406 when nothing offered is acceptable.
     */
    static RdfFormat negotiate(Context ctx, List<RdfFormat> offered) {
        String param = ctx.queryParam("format");
        var chosen = RdfFormat.negotiate(param, ctx.header("Accept"), offered);
        if (chosen.isPresent())
            return chosen.get();
        String names = String.join(", ", offered.stream().map(RdfFormat::param).toList());
        if (param != null)
            throw new BadRequestResponse("Unknown format '" + param + "'; use one of: " + names);
        ctx.status(HttpStatus.NOT_ACCEPTABLE);
        throw new io.javalin.http.HttpResponseException(HttpStatus.NOT_ACCEPTABLE.getCode(),
                "None of the accepted media types is available; offered: "
                        + String.join(", ", offered.stream().map(RdfFormat::mediaType).toList()));
    }

    /** Writes a data set; triple formats get the union of its graphs. */
    static void send(Context ctx, DatasetGraph dsg, RdfFormat format, PrefixMap prefixes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.isQuads()) {
            dsg.prefixes().putAll(prefixes);
            RDFWriter.source(dsg).lang(format.lang()).output(out);
        } else {
            // Triple formats: the default graph and every named graph, merged.
            Graph g = withPrefixes(prefixes);
            dsg.find().forEachRemaining(q -> g.add(q.asTriple()));
            RDFWriter.source(g).lang(format.lang()).output(out);
        }
        result(ctx, format, out);
    }

    /** Writes a graph (as the default graph when a quads format is asked for). */
    static void send(Context ctx, Graph graph, RdfFormat format, PrefixMap prefixes) {
        Graph g = withPrefixes(prefixes);
        graph.find().forEachRemaining(g::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.isQuads())
            RDFWriter.source(DatasetGraphFactory.wrap(g)).lang(format.lang()).output(out);
        else
            RDFWriter.source(g).lang(format.lang()).output(out);
        result(ctx, format, out);
    }

    /** An empty graph of our own, so that setting prefixes never touches a shared graph. */
    private static Graph withPrefixes(PrefixMap prefixes) {
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        prefixes.forEach((p, iri) -> g.getPrefixMapping().setNsPrefix(p, iri));
        return g;
    }

    private static void result(Context ctx, RdfFormat format, ByteArrayOutputStream out) {
        ctx.contentType(format.mediaType() + ";charset=utf-8");
        VaryHeader.add(ctx.res(), "Accept");
        ctx.result(out.toByteArray());
    }
}
