package org.icakg.kb;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.function.Consumer;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.CDTAwareParserProfile;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.FactoryRDF;
import org.apache.jena.riot.system.FactoryRDFCaching;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses RDF sources into a data set, rewriting IRIs to the configured base.
 * The caller owns the transaction. Syntax errors are collected with file, line and column.
 */
public final class Loader {

    /** The error for input nested too deeply to parse. */
    static final String TOO_DEEP = "the input nests collections, blank nodes or JSON values too deeply to parse "
            + "(thousands of levels); write the nested structure flat, with named nodes";

    /** The error for input that ends in the middle of a term. */
    static final String TRUNCATED = "the input ends in the middle of a prefixed name or keyword (is a term cut off "
            + "by a # comment or the end of the text?)";

    /** Sources at least this large are parsed on a thread of their own, ahead of the indexing. */
    static final int PARSE_AHEAD_BYTES = 4 << 20;
    /** Statements between two progress lines of a load. */
    static final long PROGRESS_EVERY = 250_000;

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.load");

    private final Vocab vocab;
    private final PrefixMap prefixes = PrefixMapFactory.create();

    /** The first bytes of a file {@link #estimatedLines} counts lines in. */
    static final int SAMPLE_BYTES = 1 << 20;

    /**
     * About how many lines {@code sources} have: counted in each file's first {@link #SAMPLE_BYTES} and scaled to its
     * size. Data files hold about a statement per line, give or take their prefixes and blank lines, so this sizes the
     * store's tables before a load; it is no count.
     */
    public static long estimatedLines(List<RdfSource> sources) {
        long total = 0;
        for (RdfSource s : sources) {
            byte[] bytes = s.content();
            int sampled = Math.min(bytes.length, SAMPLE_BYTES), lines = 0;
            for (int i = 0; i < sampled; i++)
                if (bytes[i] == '\n')
                    lines++;
            if (sampled > 0)
                total += (long) ((double) lines * bytes.length / sampled);
        }
        return total;
    }

    public Loader(Vocab vocab) {
        this.vocab = vocab;
    }

    /** The prefixes declared by every file this loader has read (rebased), for display. */
    public PrefixMap prefixes() { return prefixes; }

    /**
     * Parses one source into {@code target}; triples outside a named graph go to {@code graphForTriples}.
     * Returns the syntax errors (a fatal one ends the file); what parsed before a fatal error is kept,
     * so callers that must not keep partial input check the result before committing.
     */
    public List<SyntaxError> load(RdfSource source, DatasetGraph target, Node graphForTriples) {
        List<SyntaxError> errors = new ArrayList<>();
        SyntaxError notUtf8 = source.lang().equals(Lang.RDFXML) ? null : Utf8.firstError(source.name(), source.content());
        if (notUtf8 != null)
            return List.of(notUtf8);
        Progress progress = new Progress(source.content());
        StreamRDF sink = new Sink(target, graphForTriples, vocab, prefixes, source.name(), progress);
        try {
            if (source.lang().equals(Lang.TURTLE) || source.lang().equals(Lang.TRIG)) {
                Consumer<StreamRDF> read = out -> readTurtle(source, out, errors, progress);
                // A large file is read on a thread of its own while this one fills the store's indexes.
                if (source.content().length >= PARSE_AHEAD_BYTES)
                    ParseAhead.run(read, sink);
                else
                    read.accept(sink);
                return errors;
            }
            var parser = RDFParser.source(progress.from(0))
                    .lang(source.lang())
                    .base(vocab.base())
                    .errorHandler(collector(source.name(), errors));
            // Only JSON-LD needs the options; building them starts an HTTP client (and TLS), so not for other syntaxes.
            if (isJsonLd(source.lang()))
                parser.set(LangJSONLD11.JSONLD_OPTIONS, localJsonLdOptions());
            // A large file is parsed on a thread of its own while this one fills the store's indexes.
            if (source.content().length >= PARSE_AHEAD_BYTES)
                AsyncParser.of(parser).asyncParseSources(sink);
            else
                parser.parse(sink);
        } catch (RuntimeException e) {
            errors.addAll(failure(source, e, errors));
        } catch (StackOverflowError e) {
            errors.add(tooDeep(source));
        }
        return errors;
    }

    /**
     * Reads Turtle or TriG into {@code out}: {@link TrigReader} as far as it reads, then RIOT from the top-level unit
     * it stopped at. Both make terms through one RIOT parser profile and one blank node table, so the result is RIOT's;
     * RIOT is given the prefixes declared so far on a first line of its own and the unit's column in spaces on the
     * next, and the lines it reports are moved back to the file's (a report on that first line was made already).
     */
    void readTurtle(RdfSource source, StreamRDF out, List<SyntaxError> errors) {
        readTurtle(source, out, errors, new Progress(source.content()));
    }

    private void readTurtle(RdfSource source, StreamRDF out, List<SyntaxError> errors, Progress progress) {
        byte[] content = source.content();
        boolean trig = source.lang().equals(Lang.TRIG);
        Reports handler = new Reports(collector(source.name(), errors), content);
        // One blank node table for both: RIOT clears a factory's at the start of its parse, so this one is not cleared.
        FactoryRDF factory = new FactoryRDFCaching(FactoryRDFCaching.DftNodeCacheSize, SyntaxLabels.createLabelToNode()) {
            @Override
            public void reset() {}
        };
        IRIxResolver resolver = resolver(vocab);
        ParserProfile profile = new CDTAwareParserProfile(factory, handler, resolver, PrefixMapFactory.create(),
                RIOT.getContext().copy(), true, false);
        TrigReader reader = new TrigReader(content, 0, content.length, profile, out, trig, handler::count);
        progress.reader = reader;
        int at = reader.read();
        if (at < 0)
            return;
        StringBuilder prologue = new StringBuilder();
        profile.getPrefixMap().forEach((prefix, iri) -> prologue.append("PREFIX ").append(prefix).append(": <")
                .append(iri).append("> "));
        prologue.append('\n').append(" ".repeat((int) TrigReader.column(content, at) - 1));
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(prologue.toString().getBytes(StandardCharsets.UTF_8)), progress.from(at));
        progress.reader = null;
        RDFParser.source(rest)
                .lang(source.lang())
                .base(vocab.base())
                .resolver(resolver)
                .factory(factory)
                .errorHandler(handler.shifted(reader.stoppedLine() - 2))
                .parse(out);
    }

    /** The resolver of Turtle and TriG IRIs: Jena's, against the base, through a {@link CachedBase}. */
    static IRIxResolver resolver(Vocab vocab) {
        return IRIxResolver.create(new CachedBase(IRIs.resolveIRI(vocab.base()))).resolve(true).allowRelative(false).build();
    }

    /** The error for a parse that ended by throwing {@code e} (none when the error handler recorded it already). */
    private static List<SyntaxError> failure(RdfSource source, RuntimeException e, List<SyntaxError> recorded) {
        // The parse-ahead thread hands an Error on wrapped in a RuntimeException.
        if (e.getCause() instanceof StackOverflowError)
            return List.of(tooDeep(source));
        String message;
        if (e instanceof RiotException || e instanceof IRIException)
            message = e.getMessage();
        else if (e instanceof IllegalFormatException)
            // Jena's tokenizer fails while formatting its own message when input ends inside a prefixed name.
            message = TRUNCATED;
        else
            throw e;
        return recorded.isEmpty() ? List.of(new SyntaxError(source.name(), -1, -1, message)) : List.of();
    }

    /**
     * The parsers descend once per nested list, blank node or JSON value: input nested deeper than the thread's
     * stack is refused like a syntax error, not reported as a failure of the server.
     */
    private static SyntaxError tooDeep(RdfSource source) {
        return new SyntaxError(source.name(), -1, -1, TOO_DEEP);
    }

    private static boolean isJsonLd(org.apache.jena.riot.Lang lang) {
        return lang != null && "application/ld+json".equals(lang.getContentType().getContentTypeStr());
    }

    /** JSON-LD options that never fetch a remote or local {@code @context}: input names no other document. */
    private static JsonLdOptions localJsonLdOptions() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, loaderOptions) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "JSON-LD contexts are not fetched (" + url + "); put the @context inline");
        });
        return options;
    }

    /** Parses a source into a fresh in-memory data set (for checking input before it touches a store). */
    public ParsedInput parse(RdfSource source, Node graphForTriples) {
        DatasetGraph dsg = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        List<SyntaxError> errors = load(source, dsg, graphForTriples);
        return new ParsedInput(dsg, errors);
    }

    /** A parsed input and its syntax errors. */
    public record ParsedInput(DatasetGraph dataset, List<SyntaxError> errors) {
        public ParsedInput {
            errors = List.copyOf(errors);
        }

        public boolean ok() { return errors.isEmpty(); }
    }

    static ErrorHandler collector(String file, List<SyntaxError> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                // RIOT warnings (e.g. an ill-formed literal) are left to SHACL, which reports them on their focus node.
            }

            @Override
            public void error(String message, long line, long col) {
                errors.add(new SyntaxError(file, line, col, message));
            }

            @Override
            public void fatal(String message, long line, long col) {
                errors.add(new SyntaxError(file, line, col, message));
                throw new RiotException(message);
            }
        };
    }

    /**
     * How far a source has been read, by {@link TrigReader} or by RIOT from a stream of its bytes (for progress lines;
     * read from another thread, so approximate).
     */
    private static final class Progress {
        private final byte[] content;
        private volatile TrigReader reader;
        private volatile Stream stream;

        Progress(byte[] content) { this.content = content; }

        /** A stream of the bytes from {@code offset}, whose reading the progress follows. */
        InputStream from(int offset) {
            return stream = new Stream(content, offset);
        }

        int size() { return content.length; }

        int percentRead() {
            TrigReader r = reader;
            Stream s = stream;
            long read = r != null ? r.position() : s != null ? s.position() : 0;
            return content.length == 0 ? 100 : (int) (100L * read / content.length);
        }
    }

    /** The bytes of a source from an offset, as a stream that tells how far it has been read. */
    private static final class Stream extends ByteArrayInputStream {
        Stream(byte[] content, int offset) { super(content, offset, content.length - offset); }

        int position() { return pos; }
    }

    /**
     * The error handler of a Turtle or TriG read: counts what it is told (see {@link TrigReader}) and turns the
     * reader's byte offsets into RIOT's columns.
     */
    private static final class Reports implements ErrorHandler {
        private final ErrorHandler to;
        private final byte[] content;
        private int count;

        Reports(ErrorHandler to, byte[] content) {
            this.to = to;
            this.content = content;
        }

        int count() { return count; }

        private long col(long col) { return col < -1 ? TrigReader.column(content, (int) (-1 - col)) : col; }

        @Override public void warning(String message, long line, long col) { count++; to.warning(message, line, col(col)); }
        @Override public void error(String message, long line, long col) { count++; to.error(message, line, col(col)); }
        @Override public void fatal(String message, long line, long col) { count++; to.fatal(message, line, col(col)); }

        /**
         * For RIOT reading the rest of the file after a first line of prefixes: its line {@code n} is the file's
         * {@code n + shift}; what it says of that first line was said when the prefixes were read.
         */
        ErrorHandler shifted(long shift) {
            return new ErrorHandler() {
                @Override public void warning(String message, long line, long col) {
                    if (line != 1)
                        Reports.this.warning(message, line > 0 ? line + shift : line, col);
                }
                @Override public void error(String message, long line, long col) {
                    if (line != 1)
                        Reports.this.error(message, line > 0 ? line + shift : line, col);
                }
                @Override public void fatal(String message, long line, long col) {
                    if (line != 1)
                        Reports.this.fatal(message, line > 0 ? line + shift : line, col);
                    else
                        throw new RiotException(message);
                }
            };
        }
    }

    /** Writes parsed statements into the data set, rebasing IRIs. */
    private static final class Sink implements StreamRDF {
        private final DatasetGraph target;
        private final Node graphForTriples;
        private final Vocab vocab;
        private final boolean rebase;
        private final PrefixMap prefixes;

        private final String name;
        private final Progress input;
        private final long start = System.nanoTime();
        private long count;

        Sink(DatasetGraph target, Node graphForTriples, Vocab vocab, PrefixMap prefixes, String name, Progress input) {
            this.name = name;
            this.input = input;
            this.prefixes = prefixes;
            this.target = target;
            this.graphForTriples = graphForTriples;
            this.vocab = vocab;
            this.rebase = !vocab.base().equals(Vocab.DEFAULT_BASE);
        }

        @Override
        public void triple(Triple t) {
            target.add(graphForTriples, node(t.getSubject()), node(t.getPredicate()), node(t.getObject()));
            counted();
        }

        @Override
        public void quad(Quad q) {
            Node g = q.isDefaultGraph() ? graphForTriples : node(q.getGraph());
            target.add(g, node(q.getSubject()), node(q.getPredicate()), node(q.getObject()));
            counted();
        }

        private void counted() {
            if (++count % PROGRESS_EVERY == 0)
                LOG.info(String.format("%s: %,d statements loaded (%.1f s, %d %% of %,d MB parsed)", name, count,
                        (System.nanoTime() - start) / 1e9, input.percentRead(), input.size() >> 20));
        }

        private Node node(Node n) {
            if (!rebase || !n.isURI())
                return n;
            String iri = n.getURI();
            String rebased = vocab.rebase(iri);
            return rebased.equals(iri) ? n : NodeFactory.createURI(rebased);
        }

        @Override public void start() {}
        @Override public void base(String base) {}
        @Override public void prefix(String prefix, String iri) { prefixes.add(prefix, vocab.rebase(iri)); }
        @Override public void version(String version) {}
        @Override public void finish() {}
    }
}
