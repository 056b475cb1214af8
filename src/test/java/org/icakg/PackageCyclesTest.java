package org.icakg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other one way only: no package reaches, through others, back to itself. Read from the
 * sources: every {@code org.icakg.…Class} a file names (in an import or in full) is a dependency of its package.
 */
class PackageCyclesTest {

    /** The sources of every module. */
    static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("bench/src/main/java"));
    /** A reference to a class of this project: its package is group 1 ({@code org.icakg} itself for the root). */
    static final Pattern REFERENCE = Pattern.compile("\\b(org\\.icakg(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
    /**
     * Cycles known and being removed, each as the sorted packages of one cycle. Empty since the last one
     * ({@code kb} and {@code store}) went; a new cycle fails the test.
     */
    static final Set<Set<String>> KNOWN = Set.of();

    @Test
    void no_package_reaches_back_to_itself() {
        Map<String, Map<String, Set<String>>> graph = dependencies();
        assertTrue(graph.size() > 8, "packages found: " + graph.keySet());
        List<String> found = new ArrayList<>();
        for (Set<String> cycle : cycles(graph))
            if (!KNOWN.contains(cycle))
                found.add(describe(cycle, graph));
        assertEquals(List.of(), found, "package cycles");
    }

    @Test
    void the_check_sees_a_cycle_when_there_is_one() {
        Map<String, Map<String, Set<String>>> g = new TreeMap<>();
        g.computeIfAbsent("a", k -> new TreeMap<>()).put("b", Set.of("A.java"));
        g.computeIfAbsent("b", k -> new TreeMap<>()).put("c", Set.of("B.java"));
        g.computeIfAbsent("c", k -> new TreeMap<>()).put("a", Set.of("C.java"));
        g.computeIfAbsent("d", k -> new TreeMap<>()).put("a", Set.of("D.java"));
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(g));
        g.get("c").remove("a");
        assertFalse(cycles(g).iterator().hasNext());
        Matcher m = REFERENCE.matcher("import org.icakg.sparql.plan.Rewrite; org.icakg.ServerConfig x; org.icakg.web.Route.OTHER");
        List<String> packages = new ArrayList<>();
        while (m.find())
            packages.add(m.group(1));
        assertEquals(List.of("org.icakg.sparql.plan", "org.icakg", "org.icakg.web"), packages);
    }

    /** package → package it depends on → the files that make it depend. */
    static Map<String, Map<String, Set<String>>> dependencies() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root))
                continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String pkg = root.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                    Map<String, Set<String>> out = graph.computeIfAbsent(pkg, k -> new TreeMap<>());
                    Matcher m = REFERENCE.matcher(Files.readString(file));
                    while (m.find())
                        if (!m.group(1).equals(pkg))
                            out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(root.relativize(file).toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    /** The strongly connected sets of more than one package (Tarjan's algorithm), each sorted. */
    static List<Set<String>> cycles(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet())
            if (!index.containsKey(v))
                connect(v, graph, index, low, stack, onStack, out);
        return out;
    }

    private static void connect(String v, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1)
                out.add(component);
        }
    }

    /** A cycle with the files behind each of its edges, for the failure message. */
    private static String describe(Set<String> cycle, Map<String, Map<String, Set<String>>> graph) {
        StringBuilder s = new StringBuilder("\n" + cycle + ":");
        for (String from : cycle)
            graph.getOrDefault(from, Map.of()).forEach((to, files) -> {
                if (cycle.contains(to))
                    s.append("\n  ").append(from).append(" -> ").append(to).append(" in ").append(files);
            });
        return s.toString();
    }
}
