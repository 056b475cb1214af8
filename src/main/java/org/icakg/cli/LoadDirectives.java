package org.icakg.cli;

/**
 * The compiler directive that keeps HotSpot's optimising compiler (C2) off the code only a load runs: RIOT's Turtle
 * and TriG parser (tokenizer, grammar, the parser profile that makes terms, the parse-ahead thread, the character
 * reader, the making of language-tagged literals) and the knowledge base's loading and graph-by-graph inference
 * ({@code Loader$Sink}, {@code Inference.closeWithin}, the rules it applies ({@code Inference.consequences}), its
 * per-graph premises, the tasks that run it, and {@code InferredGraphs.addEntailed}, which writes what it entails).
 * C1 compiles them, without profiling, and they run from C1's code.
 *
 * <p>A load of a million statements kept C2 busy from its first second to the end (its compile queue never emptied),
 * so C2 took close to a core for as long as the load ran, on a machine of two cores where the parsing thread, the
 * indexing thread, the inference and the collector wait for one. Its largest compilations were the parser's
 * ({@code ParserProfileStd.create}, {@code LangTurtleBase.objectList}, {@code predicateObjectItem}, a second or two
 * each, some compiled twice after a deoptimisation as a new kind of term first appeared far into the file) and
 * the inference's; none of that code runs again once the server serves, except to parse a write's body and close a
 * write's graphs, both small. The query path (the store's indexes, the engine, the writers of answers) is never
 * matched: it is compiled as before.
 *
 * <p>A method this directive keeps from C2 can still be compiled into a caller C2 compiles, so the entry points are
 * matched too: with {@code closeWithin} alone, C2 compiled the rules on their own four times over (each time a rule
 * first fired far into the load) and once more inside the task's lambda, and {@code NodeFactory.createLiteralLang},
 * called by the parser, carried the language-tag parser into C2: together some 5 s of C2's 10 s of compilation
 * (JFR, every compilation recorded, busy machine) during a load of the 1 M benchmark file.
 *
 * <p>The reader of Turtle and TriG ({@code TrigReader}) and the thread that reads ahead ({@code ParseAhead}) are
 * matched as RIOT's parser was: C2 compiled the reader's literals with the parser profile inlined (1.7 s) and the
 * read-ahead loop with the whole store inlined (1.2 s). So is the in-memory store's write path ({@code Stores.addAll},
 * {@code MemoryStore.add}, {@code PendingWrite.add}, {@code QuadIndex.add}, {@code hold} and {@code with}, the
 * statement table's insertion, the union's and the graphs' lists), which a load runs two million times and a query
 * never: C2 compiled its entry points one after another, each with the rest inlined, some 2.5 s of its 8 s of
 * compilation in a 1 M load; C1's code writes a write's hundred statements as well. With them and the naming,
 * supports and date bounds of inferred statements matched, four pairs of same-minute launches of the 1 M load: ready
 * 8.3–8.9 s against 9.0–10.1 s, 15.6–17.0 s of processor time against 17.2–19.3 s; those last (which every write's
 * inference runs too) then made no difference (medians of four launches taking turns: 8,000 ms to ready without
 * them, 8,295 ms with them), so they are left to C2.
 *
 * <p>HotSpot's patterns, {@code package/Class.method} with {@code *} at either end of a part. A constant, so the
 * launcher builds no string for it.
 */
final class LoadDirectives {

    /** One directive of the JSON array of {@link JitDirectives#TEXT}. */
    static final String ENTRY = "{ match: [\"org/apache/jena/riot/lang/*.*\", \"org/apache/jena/riot/tokens/*.*\", "
            + "\"org/apache/jena/riot/system/ParserProfileStd.*\", \"org/apache/jena/riot/system/AsyncParser*.*\", "
            + "\"org/apache/jena/riot/system/FactoryRDF*.*\", \"org/apache/jena/atlas/io/PeekReader.*\", "
            + "\"org/apache/jena/atlas/io/CharStream*.*\", \"org/icakg/kb/Loader$Sink.*\", "
            + "\"org/icakg/kb/Inference.closeWithin\", \"org/icakg/kb/Inference.closeEach\", "
            + "\"org/icakg/kb/Inference.lambda$materialize*\", "
            + "\"org/icakg/kb/Inference$$Lambda*.*\", \"org/icakg/kb/Inference.consequences\", "
            + "\"org/icakg/kb/Inference$WithinGraph.*\", \"org/apache/jena/langtag/*.*\", "
            + "\"org/apache/jena/langtagx/*.*\", \"org/apache/jena/graph/NodeFactory.createLiteralLang\", "
            + "\"org/icakg/kb/InferredGraphs.addEntailed\", \"org/icakg/kb/ParseAhead*.*\", \"org/icakg/kb/TrigReader*.*\", "
            // The store's write path, which a load runs a million times and a query never:
            + "\"org/icakg/store/Stores.addAll\", \"org/icakg/store/MemoryStore.add*\", "
            + "\"org/icakg/store/PendingWrite.add*\", \"org/icakg/store/QuadIndex.add*\", \"org/icakg/store/QuadIndex.hold\", "
            + "\"org/icakg/store/QuadIndex.with\", "
            + "\"org/icakg/store/QuadIndex$Holders.putIfAbsent\", \"org/icakg/store/QuadIndex$Holders.insert\", "
            + "\"org/icakg/store/UnionTriples.added\", \"org/icakg/store/GraphTriples.add\"], "
            + "c2: { Exclude: true } }";

    private LoadDirectives() {}
}
