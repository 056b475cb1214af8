package org.icakg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;

import io.javalin.Javalin;

/**
 * A server under test other than this service (which the benchmark launches as a user does, {@code java -jar
 * target/ica-kg.jar serve}), run in its own JVM so that each has its own heap and a cold start: {@code fuseki FILE}
 * (stock embedded Fuseki, default settings), {@code hello} (a plain Javalin route), or {@code build-store FILE DIR}
 * (load a TDB2 store and exit).
 * It prints {@code ready PORT} on standard output, then answers {@code heap} (used heap after a full GC, in
 * bytes) and {@code stop} read from standard input.
 */
public final class BenchTarget {

    private BenchTarget() {}

    public static void main(String[] args) throws IOException {
        AutoCloseable server;
        int port;
        switch (args[0]) {
            case "fuseki" -> {
                FusekiServer fuseki = FusekiServer.create().port(0).add("/ds", stockDataset(Path.of(args[1]))).build().start();
                server = fuseki::stop;
                port = fuseki.getHttpPort();
            }
            case "hello" -> {
                Javalin hello = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get("/hello", ctx -> ctx.result("hello"));
                }).start("127.0.0.1", 0);
                server = hello::stop;
                port = hello.port();
            }
            case "build-store" -> {
                KnowledgeBase kb = KnowledgeBase.open(Bundle.withData(List.of(Path.of(args[1]))), Vocab.DEFAULT,
                        Stores.tdb2(Path.of(args[2])));
                kb.dataset().close();
                System.out.println("ready 0");
                return;
            }
            default -> throw new IllegalArgumentException("unknown target '" + args[0] + "'");
        }
        System.out.println("ready " + port);
        serveCommands(server);
    }

    /**
     * What a stock Fuseki user gets from the same file: a transactional in-memory data set. Its default graph is
     * not the union of the named graphs, so the statements are also copied there, or the mix would query nothing.
     */
    static DatasetGraph stockDataset(Path file) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            RDFDataMgr.read(dsg, file.toString());
            List<Quad> named = dsg.stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY).toList();
            named.forEach(q -> dsg.add(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(), q.getObject()));
        });
        return dsg;
    }

    private static void serveCommands(AutoCloseable server) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            if (line.equals("heap")) {
                memory.gc();
                System.out.println("heap " + memory.getHeapMemoryUsage().getUsed());
            }
        }
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("stopping: " + e);
        }
        System.exit(0);
    }
}
