package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.system.Txn;
import org.icakg.kb.Loader;
import org.icakg.kb.RdfSource;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;
import org.junit.jupiter.api.Test;

/**
 * The directive that keeps the optimising compiler off the code only a load runs matches the parser and loader a
 * load runs through, and nothing a query runs through, from the store's indexes to the writer of its JSON answer.
 */
class LoadDirectivesTest {

    private static final List<String> PATTERNS = patterns(LoadDirectives.ENTRY);

    @Test
    void the_directive_is_part_of_the_file_the_jvm_reads() {
        assertTrue(JitDirectives.TEXT.contains(LoadDirectives.ENTRY));
        assertTrue(PATTERNS.size() > 5, "the patterns are read from the directive: " + PATTERNS);
    }

    @Test
    void a_load_of_trig_runs_through_matched_code() {
        List<StackTraceElement> atAdd = stackAtFirstAdd("@prefix ex: <http://example.org/> . ex:g { ex:a ex:p \"x\"@en , 3 ; ex:q ex:b . }");
        assertTrue(atAdd.stream().anyMatch(f -> f.getClassName().equals("org.icakg.kb.Loader$Sink") && matched(f)),
                "the loader's sink is matched: " + atAdd);
        assertTrue(atAdd.stream().anyMatch(f -> f.getClassName().equals("org.icakg.kb.TrigReader") && matched(f)),
                "the reader of TriG is matched: " + atAdd);
    }

    /** The stack of the first statement a load of {@code trig} adds to a store. */
    private static List<StackTraceElement> stackAtFirstAdd(String trig) {
        List<StackTraceElement> atAdd = new ArrayList<>();
        DatasetGraph store = new DatasetGraphWrapper(Stores.inMemory()) {
            @Override
            public void add(Node g, Node s, Node p, Node o) {
                if (atAdd.isEmpty())
                    atAdd.addAll(List.of(Thread.currentThread().getStackTrace()));
                super.add(g, s, p, o);
            }
        };
        Txn.executeWrite(store, () -> assertEquals(List.of(), new Loader(Vocab.DEFAULT).load(
                new RdfSource("t.trig", Lang.TRIG, trig.getBytes(StandardCharsets.UTF_8)), store, NodeFactory.createURI("http://example.org/u"))));
        return atAdd;
    }

    @Test
    void a_load_of_trig_that_riot_reads_and_the_stores_write_path_run_through_matched_code() {
        // A collection: RIOT reads it.
        List<StackTraceElement> atAdd = stackAtFirstAdd("@prefix ex: <http://example.org/> . ex:g { ex:a ex:p ( 1 2 ) . }");
        assertTrue(atAdd.stream().anyMatch(f -> f.getClassName().startsWith("org.apache.jena.riot.lang.") && matched(f)),
                "the TriG grammar is matched: " + atAdd);
        List<StackTraceElement> inStore = new ArrayList<>();
        DatasetGraph memory = Stores.inMemory();
        Txn.executeWrite(memory, () -> {
            Stores.addAll(memory, NodeFactory.createURI("http://example.org/g"), List.of(org.apache.jena.graph.Triple.create(
                    NodeFactory.createURI("http://example.org/a"), NodeFactory.createURI("http://example.org/p"),
                    witness(inStore))));
        });
        assertTrue(inStore.stream().anyMatch(f -> f.getClassName().equals("org.icakg.store.QuadIndex") && matched(f)),
                "the store's write path is matched: " + inStore);
    }

    /** An IRI that records the stack that first asks its hash code (the store's index asks it of every statement). */
    private static Node witness(List<StackTraceElement> stack) {
        return new org.apache.jena.graph.Node_URI("http://example.org/witness") {
            @Override
            public int hashCode() {
                if (stack.isEmpty())
                    stack.addAll(List.of(Thread.currentThread().getStackTrace()));
                return super.hashCode();
            }
        };
    }

    @Test
    void no_frame_of_a_query_answered_as_json_is_matched() {
        List<StackTraceElement> inQuery = new ArrayList<>();
        String function = "urn:x-test:stack";
        FunctionRegistry.get().put(function, uri -> new FunctionBase0() {
            @Override
            public NodeValue exec() {
                if (inQuery.isEmpty())
                    inQuery.addAll(List.of(Thread.currentThread().getStackTrace()));
                return NodeValue.TRUE;
            }
        });
        try {
            DatasetGraph store = Stores.inMemory();
            String trig = "@prefix ex: <http://example.org/> . ex:g { ex:a ex:p ex:b . ex:b ex:p ex:c . ex:a a ex:C . }";
            Txn.executeWrite(store, () -> new Loader(Vocab.DEFAULT).load(
                    new RdfSource("t.trig", Lang.TRIG, trig.getBytes(StandardCharsets.UTF_8)), store, NodeFactory.createURI("http://example.org/u")));
            String query = "SELECT ?x ?z (COUNT(*) AS ?n) WHERE { ?x <http://example.org/p> ?y . ?y <http://example.org/p> ?z "
                    + "FILTER(<" + function + ">()) } GROUP BY ?x ?z";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Txn.executeRead(store, () -> {
                try (QueryExecution q = QueryExecutionFactory.create(query, org.apache.jena.query.DatasetFactory.wrap(store))) {
                    ResultSetFormatter.outputAsJSON(out, q.execSelect());
                }
            });
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("http://example.org/c"), "the query answers");
            assertFalse(inQuery.isEmpty(), "the filter ran");
            assertTrue(inQuery.stream().anyMatch(f -> f.getClassName().startsWith("org.icakg.store.")), "the store is on the stack: " + inQuery);
            for (StackTraceElement f : inQuery)
                assertFalse(matched(f), "a query's frame is kept from the optimising compiler: " + f);
        } finally {
            FunctionRegistry.get().remove(function);
        }
    }

    /** True when one of the directive's patterns ({@code package/Class.method}, {@code *} at either end) matches {@code frame}. */
    private static boolean matched(StackTraceElement frame) {
        String cls = frame.getClassName().replace('.', '/');
        for (String pattern : PATTERNS) {
            int dot = pattern.lastIndexOf('.');
            if (part(pattern.substring(0, dot), cls) && part(pattern.substring(dot + 1), frame.getMethodName()))
                return true;
        }
        return false;
    }

    private static boolean part(String pattern, String name) {
        if (pattern.equals("*"))
            return true;
        boolean start = pattern.startsWith("*"), end = pattern.endsWith("*");
        String core = pattern.substring(start ? 1 : 0, pattern.length() - (end && pattern.length() > 1 ? 1 : 0));
        if (start && end)
            return name.contains(core);
        if (start)
            return name.endsWith(core);
        if (end)
            return name.startsWith(core);
        return name.equals(core);
    }

    private static List<String> patterns(String entry) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(entry);
        while (m.find())
            out.add(m.group(1));
        return out;
    }
}
