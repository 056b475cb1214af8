package org.icakg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parse run ahead of the loading thread: what it reads reaches the sink in order, a parse's failure is thrown on
 * the loading thread after what was read before it, and a sink that fails stops the parse, which neither runs on to
 * the end of its input nor hangs, nor leaves a failure on the thread's uncaught-exception handler.
 */
@Timeout(60)
class ParseAheadTest {

    private static final Node G = NodeFactory.createURI("http://example.org/g"),
            P = NodeFactory.createURI("http://example.org/p");

    /** Failures of parse threads that reached the JVM's handler of uncaught exceptions during a test. */
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void recordUncaught() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (t.getName().equals("ica-kg-parse"))
                uncaught.add(e);
            else if (before != null)
                before.uncaughtException(t, e);
        });
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void statements_and_prefixes_reach_the_sink_in_the_order_read() {
        List<String> sent = new ArrayList<>(), received = new ArrayList<>();
        ParseAhead.run(out -> {
            for (int i = 0; i < 20_000; i++) {
                if (i % 5_000 == 0) {
                    out.prefix("p" + i, "http://example.org/" + i + "/");
                    sent.add("prefix p" + i);
                }
                out.quad(quad(i));
                sent.add("quad " + i);
            }
        }, new StreamRDFBase() {
            @Override
            public void quad(Quad q) { received.add("quad " + q.getObject().getLiteralLexicalForm()); }

            @Override
            public void prefix(String prefix, String iri) { received.add("prefix " + prefix); }
        });
        assertEquals(sent, received);
    }

    @Test
    void a_parse_failure_is_thrown_on_the_loading_thread_after_what_was_read_before_it() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad term at line 7");
        AtomicInteger taken = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParseAhead.run(out -> {
            for (int i = 0; i < 5_000; i++)
                out.quad(quad(i));
            throw thrown;
        }, counting(taken, Integer.MAX_VALUE)));
        assertSame(thrown, e);
        assertEquals(5_000, taken.get(), "every statement read before the failure");

        StackOverflowError deep = new StackOverflowError();
        IllegalStateException wrapped = assertThrows(IllegalStateException.class,
                () -> ParseAhead.run(out -> { throw deep; }, counting(new AtomicInteger(), Integer.MAX_VALUE)));
        assertSame(deep, wrapped.getCause(), "an error is handed on as the cause");
        assertTrue(uncaught.isEmpty(), uncaught.toString());
    }

    @Test
    void a_sink_that_fails_stops_the_parse_which_neither_runs_on_nor_hangs() throws InterruptedException {
        AtomicInteger read = new AtomicInteger(), taken = new AtomicInteger();
        List<Thread> parsers = new ArrayList<>();
        int endless = 50_000_000;
        Consumer<StreamRDF> parse = out -> {
            parsers.add(Thread.currentThread());
            for (int i = 0; i < endless; i++) {
                out.quad(quad(i));
                read.incrementAndGet();
            }
        };
        IllegalStateException full = assertThrows(IllegalStateException.class,
                () -> ParseAhead.run(parse, counting(taken, 10_000)));
        assertEquals("the store is full", full.getMessage(), "the sink's own failure, as it threw it");
        assertEquals(10_000, taken.get());
        Thread parser = parsers.get(0);
        parser.join(10_000);
        assertFalse(parser.isAlive(), "the parse thread ended");
        assertTrue(read.get() < 1_000_000, "the parse stopped soon after the sink, not at its end: " + read.get());
        assertTrue(uncaught.isEmpty(), "nothing left to the uncaught-exception handler: " + uncaught);
    }

    private static Quad quad(int i) {
        return Quad.create(G, NodeFactory.createURI("http://example.org/s" + i), P,
                NodeFactory.createLiteralString(Integer.toString(i)));
    }

    /** A sink that counts the statements it takes and fails at the one after {@code limit}. */
    private static StreamRDF counting(AtomicInteger taken, int limit) {
        return new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                if (taken.get() == limit)
                    throw new IllegalStateException("the store is full");
                taken.incrementAndGet();
            }
        };
    }
}
