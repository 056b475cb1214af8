package org.icakg.kb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.NodeConst;
import org.apache.jena.vocabulary.RDF;

/**
 * A reader of the Turtle and TriG that data files are written in, straight from the file's bytes: prefix
 * directives, graph blocks named by an IRI or a prefixed name, statements whose subjects are IRIs, prefixed names or
 * labelled blank nodes, and objects that are those or literals (short quoted strings with the one-letter escapes, a
 * language tag or a datatype, numbers, booleans), with {@code ;} and {@code ,} lists and comments.
 *
 * <p>Every term is made by the same {@link ParserProfile} as Jena's RIOT parser makes it (the same IRI resolution and
 * checks, the same literals, the same blank node labels), and statements are sent in the order RIOT sends them, so
 * what it reads is what RIOT reads. It reads nothing else: at the first form outside that set (a base directive, a
 * collection, a {@code [ ]} blank node, a long string or one with a numeric escape, a name with an escape or a character
 * outside ASCII, an undeclared prefix) and at any syntax error, it stops at the start of the top-level unit (a
 * directive, a statement or a graph block) it was in, without having sent any statement of that unit, and
 * {@link #read} answers where; the caller hands the rest of the input to RIOT ({@link Loader}), which reads it and
 * reports any error as it always does.
 *
 * <p>Why: RIOT's tokenizer reads a character at a time through a decoder, a peek reader and a string builder, and it
 * was what bounded a large load (its thread busy nearly all the time while the indexing thread waited). Names are
 * turned into terms through a table keyed by their bytes, so a name seen before makes no string at all.
 *
 * <p>Positions: a term's line is counted as the bytes are read; its column is passed to the profile as
 * {@code -1 - offset} (the byte offset of the term), which {@link #column} turns into RIOT's column (UTF-16 units from
 * the start of the line, from 1) in the rare case that the profile reports something about the term.
 */
final class TrigReader {

    /** Thrown inside the reader at a form it does not read; never leaves it. */
    private static final class Unread extends RuntimeException {
        Unread() { super(null, null, false, false); }
    }

    private static final Unread UNREAD = new Unread();

    private final byte[] in;
    private final int end;
    private final ParserProfile profile;
    private final PrefixMap prefixes;
    private final StreamRDF dest;
    private final boolean trig;
    private final java.util.function.IntSupplier reports;
    private final NameTable<Node> names = new NameTable<>(1 << 16);
    private final NameTable<RDFDatatype> datatypes = new NameTable<>(64);
    private final NameTable<String> languages = new NameTable<>(256);

    private int pos;
    /** The line of {@link #pos}, from 1. */
    private int line = 1;
    /** The offset and line where the unit being read began. */
    private int unitStart, unitLine;
    /** The graph of the statements being read (RIOT's generated default graph outside braces). */
    private Node graph = Quad.defaultGraphNodeGenerated;
    /** The statements of the unit being read, sent when it ends (triples for Turtle, quads for TriG). */
    private final List<Object> pending = new ArrayList<>();

    /**
     * A reader of {@code in[start, end)} for {@code profile}, sending to {@code dest}; {@code reports} counts what the
     * profile's error handler has been told (a term it was told of is not remembered).
     */
    TrigReader(byte[] in, int start, int end, ParserProfile profile, StreamRDF dest, boolean trig,
               java.util.function.IntSupplier reports) {
        this.in = in;
        this.reports = reports;
        this.pos = start;
        this.end = end;
        this.profile = profile;
        this.prefixes = profile.getPrefixMap();
        this.dest = dest;
        this.trig = trig;
    }

    /** How far it has read, in bytes (for progress lines; read from another thread, so approximate). */
    int position() { return pos; }

    /**
     * Reads until the end of the input or the first unit it does not read. Answers -1 when it read everything, else
     * the offset of that unit ({@link #unitLine} is its line); nothing of that unit has been sent.
     */
    int read() {
        if (pos == 0 && end >= 3 && (in[0] & 0xff) == 0xef && (in[1] & 0xff) == 0xbb && (in[2] & 0xff) == 0xbf)
            pos = 3; // a byte order mark, which RIOT skips too
        try {
            while (true) {
                skipSpace();
                unitStart = pos;
                unitLine = line;
                if (pos >= end)
                    return -1;
                unit();
                flush();
            }
        } catch (Unread | ArrayIndexOutOfBoundsException e) { // the second: a term cut off by the end, left to RIOT too
            pending.clear();
            return unitStart;
        }
    }

    /** The line of the unit {@link #read} stopped at. */
    int stoppedLine() { return unitLine; }

    private void flush() {
        for (Object s : pending) {
            if (s instanceof Quad q)
                dest.quad(q);
            else
                dest.triple((Triple) s);
        }
        pending.clear();
    }

    private void unit() {
        byte b = in[pos];
        if (b == '@') {
            pos++;
            if (!word("prefix"))
                throw UNREAD;
            prefixDirective();
            skipSpace();
            endingDot();
            return;
        }
        if ((b == 'P' || b == 'p') && keyword("PREFIX")) {
            prefixDirective();
            return;
        }
        if (!trig) {
            statement(subject(), false);
            return;
        }
        if ((b == 'G' || b == 'g') && keyword("GRAPH")) {
            skipSpace();
            graphBlock(name());
            return;
        }
        if (b == '{') {
            graphBlock(null);
            return;
        }
        // A statement in the default graph, or a graph block named by its first term.
        Node first = subject();
        skipSpace();
        if (pos < end && in[pos] == '{') {
            if (!first.isURI())
                throw UNREAD;
            graphBlock(first);
            return;
        }
        statement(first, false);
    }

    /** {@code PREFIX p: <iri>}, after the keyword. */
    private void prefixDirective() {
        skipSpace();
        int from = pos;
        while (pos < end && isNameByte(in[pos]) && in[pos] != '.' && in[pos] != ':')
            pos++;
        if (pos >= end || in[pos] != ':' || (pos > from && !isLetter(in[from])))
            throw UNREAD;
        String prefix = new String(in, from, pos - from, StandardCharsets.US_ASCII);
        pos++;
        skipSpace();
        if (pos >= end || in[pos] != '<')
            throw UNREAD;
        int at = pos;
        String iri = profile.resolveIRI(iriText(), line, col(at));
        String before = prefixes.get(prefix);
        if (before != null && !before.equals(iri)) {
            names.clearPrefixed(); // a prefixed name read from now on means another IRI
            datatypes.clearPrefixed();
        }
        prefixes.add(prefix, iri);
        dest.prefix(prefix, iri);
    }

    /** A graph block: an opening brace, statements, a closing brace, an optional dot. {@code name} null: the default graph. */
    private void graphBlock(Node name) {
        skipSpace();
        if (pos >= end || in[pos] != '{')
            throw UNREAD;
        pos++;
        graph = name == null ? Quad.defaultGraphNodeGenerated : name;
        try {
            while (true) {
                skipSpace();
                if (pos >= end)
                    throw UNREAD;
                if (in[pos] == '}') {
                    pos++;
                    break;
                }
                statement(subject(), true);
            }
        } finally {
            graph = Quad.defaultGraphNodeGenerated;
        }
        skipSpace();
        if (pos < end && in[pos] == '}')
            throw UNREAD; // RIOT reports a second '}' at the first, so it reads this block
        endingDot();
    }

    /**
     * The predicates and objects of subject {@code s}, which is read: a statement that ends with {@code .}, which in
     * a block may be left out before the {@code }}.
     */
    private void statement(Node s, boolean inBlock) {
        while (true) {
            skipSpace();
            Node p = predicate();
            while (true) {
                skipSpace();
                Node o = object();
                emit(s, p, o);
                skipSpace();
                if (pos < end && in[pos] == ',') {
                    pos++;
                    continue;
                }
                break;
            }
            if (pos < end && in[pos] == ';') {
                while (pos < end && in[pos] == ';') {
                    pos++;
                    skipSpace();
                }
                if (pos < end && ((in[pos] == '.' && dotEnds(pos)) || (inBlock && in[pos] == '}')))
                    break;
                continue;
            }
            break;
        }
        if (pos < end && in[pos] == '.' && dotEnds(pos)) {
            pos++;
            return;
        }
        if (inBlock && pos < end && in[pos] == '}')
            return;
        throw UNREAD;
    }

    private void emit(Node s, Node p, Node o) {
        if (trig)
            pending.add(profile.createQuad(graph, s, p, o, line, col(pos)));
        else
            pending.add(profile.createTriple(s, p, o, line, col(pos)));
    }

    private Node subject() {
        if (pos >= end)
            throw UNREAD;
        if (in[pos] == '_')
            return blankNode();
        return name();
    }

    private Node predicate() {
        if (pos + 1 < end && in[pos] == 'a' && termEnds(pos + 1)) {
            pos++;
            return RDF.Nodes.type;
        }
        return name();
    }

    private Node object() {
        if (pos >= end)
            throw UNREAD;
        byte b = in[pos];
        if (b == '"' || b == '\'')
            return literal(b);
        if (b == '_')
            return blankNode();
        if (b == '<')
            return name();
        if ((b >= '0' && b <= '9') || b == '-' || b == '+')
            return number();
        if (b == 't' && keyword("true"))
            return NodeConst.nodeTrue;
        if (b == 'f' && keyword("false"))
            return NodeConst.nodeFalse;
        return name();
    }

    /** An IRI in angle brackets or a prefixed name, resolved or expanded as RIOT does. */
    private Node name() {
        if (pos >= end)
            throw UNREAD;
        int at = pos, atLine = line;
        if (in[pos] == '<') {
            int close = iriEnd();
            Node n = names.get(in, at, close + 1);
            if (n != null) {
                pos = close + 1;
                return n;
            }
            String text = iriText();
            int before = reports.getAsInt();
            Node made = profile.createURI(text, atLine, col(at));
            return before == reports.getAsInt() ? names.put(in, at, close + 1, made) : made;
        }
        int p = prefixedNameEnd();
        Node n = names.get(in, at, p);
        if (n != null) {
            pos = p;
            return n;
        }
        String iri = expand(colon, p);
        pos = p;
        int before = reports.getAsInt();
        Node made = profile.createURI(iri, atLine, col(at));
        return before == reports.getAsInt() ? names.put(in, at, p, made) : made;
    }

    /**
     * The end of the prefixed name at {@link #pos}: its colon at {@code colon}, checked to be of the plain form; the
     * colon's offset is answered through {@link #colon}.
     */
    private int prefixedNameEnd() {
        int colonAt = -1;
        int p = pos;
        while (p < end && isNameByte(in[p])) {
            if (in[p] == ':' && colonAt < 0)
                colonAt = p;
            p++;
        }
        p = nameEnd(pos, p);
        if (colonAt < 0 || colonAt >= p || (colonAt > pos && !isLetter(in[pos])))
            throw UNREAD;
        if (colonAt + 1 < p && (in[colonAt + 1] == '.' || in[colonAt + 1] == '-'))
            throw UNREAD;
        for (int i = pos; i < colonAt; i++)
            if (in[i] == '.')
                throw UNREAD; // a dot inside a prefix: left to RIOT
        colon = colonAt;
        return p;
    }

    /** The colon of the name {@link #prefixedNameEnd} read last. */
    private int colon;

    /** The IRI of the prefixed name {@code in[pos, to)} whose colon is at {@code colonAt}, expanded by the prefixes. */
    private String expand(int colonAt, int to) {
        String prefix = new String(in, pos, colonAt - pos, StandardCharsets.US_ASCII);
        String local = new String(in, colonAt + 1, to - colonAt - 1, StandardCharsets.US_ASCII);
        String iri = prefixes.expand(prefix, local);
        if (iri == null)
            throw UNREAD; // RIOT names the undeclared prefix
        return iri;
    }

    /** The datatype after {@code ^^}: resolved once, as RIOT resolves it, and remembered by its bytes. */
    private RDFDatatype datatype(long atLine) {
        int at = pos;
        int to;
        String iri;
        if (pos < end && in[pos] == '<') {
            to = iriEnd() + 1;
            RDFDatatype known = datatypes.get(in, at, to);
            if (known != null) {
                pos = to;
                return known;
            }
            iri = iriText();
        } else {
            to = prefixedNameEnd();
            RDFDatatype known = datatypes.get(in, at, to);
            if (known != null) {
                pos = to;
                return known;
            }
            iri = expand(colon, to);
            pos = to;
        }
        int before = reports.getAsInt();
        RDFDatatype type = NodeFactory.getType(profile.resolveIRI(iri, atLine, col(at)));
        if (before == reports.getAsInt())
            datatypes.put(in, at, to, type);
        return type;
    }

    /** The offset of the {@code >} of the IRI at {@link #pos}; an IRI RIOT would read differently is left to it. */
    private int iriEnd() {
        int p = pos + 1;
        while (true) {
            if (p >= end)
                throw UNREAD;
            int b = in[p] & 0xff;
            if (b == '>')
                return p;
            if (b <= 0x20 || b == '<' || b == '"' || b == '{' || b == '}' || b == '|' || b == '^' || b == '`'
                    || b == '\\' || b >= 0xf0)
                throw UNREAD;
            p++;
        }
    }

    /** The text of the IRI at {@link #pos}, which is passed. */
    private String iriText() {
        int close = iriEnd();
        String text = new String(in, pos + 1, close - pos - 1, StandardCharsets.UTF_8);
        pos = close + 1;
        return text;
    }

    private Node blankNode() {
        int at = pos;
        if (pos + 2 >= end || in[pos + 1] != ':')
            throw UNREAD;
        int from = pos + 2, p = from;
        byte first = in[p];
        if (!(isLetter(first) || (first >= '0' && first <= '9') || first == '_'))
            throw UNREAD;
        while (p < end && (isNameByte(in[p]) && in[p] != ':'))
            p++;
        p = nameEnd(from, p);
        pos = p;
        String label = new String(in, from, p - from, StandardCharsets.US_ASCII);
        return profile.createBlankNode(graph, label, line, col(at));
    }

    /** A quoted string, short form, with the one-letter escapes; then a language tag or a datatype. */
    private Node literal(byte quote) {
        int at = pos, atLine = line;
        if (pos + 2 < end && in[pos + 1] == quote && in[pos + 2] == quote)
            throw UNREAD; // a long string
        int p = pos + 1;
        boolean escaped = false;
        while (true) {
            if (p >= end)
                throw UNREAD;
            int b = in[p] & 0xff;
            if (b == quote)
                break;
            if (b == '\n' || b == '\r' || b >= 0xf0)
                throw UNREAD;
            if (b == '\\') {
                escaped = true;
                p++;
                if (p >= end || "tbnrf\"'\\".indexOf(in[p]) < 0)
                    throw UNREAD;
            }
            p++;
        }
        String lexical = escaped ? unescape(pos + 1, p) : new String(in, pos + 1, p - pos - 1, StandardCharsets.UTF_8);
        pos = p + 1;
        if (pos < end && in[pos] == '@') {
            int from = ++pos;
            while (pos < end && isLetter(in[pos]))
                pos++;
            if (pos == from)
                throw UNREAD;
            while (pos < end && in[pos] == '-') {
                int part = ++pos;
                while (pos < end && (isLetter(in[pos]) || (in[pos] >= '0' && in[pos] <= '9')))
                    pos++;
                if (pos == part)
                    throw UNREAD; // an empty part, or a base direction
            }
            if (!termEnds(pos))
                throw UNREAD;
            String lang = languages.get(in, from, pos);
            if (lang == null) // interned, as RIOT's tokenizer interns it
                lang = languages.put(in, from, pos, new String(in, from, pos - from, StandardCharsets.US_ASCII).intern());
            return profile.createLangLiteral(lexical, lang, atLine, col(at));
        }
        if (pos + 1 < end && in[pos] == '^' && in[pos + 1] == '^') {
            pos += 2;
            RDFDatatype type = datatype(atLine);
            return profile.createTypedLiteral(lexical, type, atLine, col(at));
        }
        if (!termEnds(pos))
            throw UNREAD;
        return profile.createStringLiteral(lexical, atLine, col(at));
    }

    private String unescape(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int run = from;
        for (int p = from; p < to; p++) {
            if (in[p] != '\\')
                continue;
            sb.append(new String(in, run, p - run, StandardCharsets.UTF_8));
            char c = (char) in[++p];
            sb.append(switch (c) {
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'f' -> '\f';
                default -> c; // " ' \
            });
            run = p + 1;
        }
        return sb.append(new String(in, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /** An integer, a decimal or a double of the plain forms: {@code [+-]digits(.digits)?([eE][+-]?digits)?}. */
    private Node number() {
        int at = pos, atLine = line;
        int p = pos;
        if (in[p] == '+' || in[p] == '-')
            p++;
        p = digits(p);
        RDFDatatype type = XSDDatatype.XSDinteger;
        if (p + 1 < end && in[p] == '.' && (in[p + 1] == 'e' || in[p + 1] == 'E'))
            throw UNREAD; // 1.e5, a double
        if (p + 1 < end && in[p] == '.' && in[p + 1] >= '0' && in[p + 1] <= '9') {
            p = digits(p + 1);
            type = XSDDatatype.XSDdecimal;
        }
        if (p < end && (in[p] == 'e' || in[p] == 'E')) {
            p++;
            if (p < end && (in[p] == '+' || in[p] == '-'))
                p++;
            p = digits(p);
            type = XSDDatatype.XSDdouble;
        }
        if (!termEnds(p))
            throw UNREAD;
        pos = p;
        return profile.createTypedLiteral(new String(in, at, p - at, StandardCharsets.US_ASCII), type, atLine, col(at));
    }

    /** The end of the digits from {@code p}, of which there is at least one. */
    private int digits(int p) {
        int from = p;
        while (p < end && in[p] >= '0' && in[p] <= '9')
            p++;
        if (p == from)
            throw UNREAD;
        return p;
    }

    /** True, and past it, when the input at {@link #pos} is {@code w} (any case) followed by a delimiter. */
    private boolean keyword(String w) {
        int n = w.length();
        if (pos + n > end)
            return false;
        for (int i = 0; i < n; i++)
            if (Character.toUpperCase((char) in[pos + i]) != Character.toUpperCase(w.charAt(i)))
                return false;
        if (!termEnds(pos + n) && in[pos + n] != '<')
            return false;
        pos += n;
        return true;
    }

    /** True, and past it, when the input at {@link #pos} is exactly {@code w} followed by a delimiter. */
    private boolean word(String w) {
        int n = w.length();
        if (pos + n >= end)
            return false;
        for (int i = 0; i < n; i++)
            if (in[pos + i] != w.charAt(i))
                return false;
        if (!termEnds(pos + n))
            return false;
        pos += n;
        return true;
    }

    /** Skips white space and comments, counting lines. */
    private void skipSpace() {
        while (pos < end) {
            byte b = in[pos];
            if (b == '\n') {
                line++;
                pos++;
            } else if (b == ' ' || b == '\t' || b == '\r') {
                pos++;
            } else if (b == '#') { // to the end of the line, which a carriage return ends too
                while (pos < end && in[pos] != '\n' && in[pos] != '\r')
                    pos++;
            } else {
                return;
            }
        }
    }

    /** The column argument for a term at {@code offset}: see the class comment. */
    private static long col(int offset) { return -1L - offset; }

    /**
     * RIOT's column of byte {@code offset} of {@code in}: UTF-16 units from the start of its line, from 1 (a byte order
     * mark at the start of the file counts as one, as in RIOT's columns).
     */
    static long column(byte[] in, int offset) {
        int start = offset;
        while (start > 0 && in[start - 1] != '\n')
            start--;

        return new String(in, start, offset - start, StandardCharsets.UTF_8).length() + 1L;
    }

    private static boolean isLetter(byte b) { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'); }

    /** A byte of a prefixed name of the plain form: ASCII letters, digits, {@code _ - . :}. */
    private static boolean isNameByte(byte b) {
        return isLetter(b) || (b >= '0' && b <= '9') || b == '_' || b == '-' || b == '.' || b == ':';
    }

    /**
     * True when a term ending before {@code p} ends there for RIOT's tokenizer as well: at the end, at white space,
     * {@code , ; { } #}, or at a dot that {@link #dotEnds ends} a statement. Anything else (a dot that may continue
     * a name or begin a number, a character outside ASCII, an escape) is left to RIOT.
     */
    private boolean termEnds(int p) {
        if (p >= end)
            return true;
        byte b = in[p];
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == ',' || b == ';' || b == '}' || b == '#'
                || b == '{' || (b == '.' && dotEnds(p));
    }

    /** True when the dot at {@code p} is a statement's end for RIOT: followed by the end, white space, # or }. */
    private boolean dotEnds(int p) {
        if (p + 1 >= end)
            return true;
        byte b = in[p + 1];
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '#' || b == '}';
    }

    /** Past an optional dot that ends a directive or a graph block; a dot RIOT might read otherwise is left to it. */
    private void endingDot() {
        if (pos < end && in[pos] == '.') {
            if (!dotEnds(pos))
                throw UNREAD;
            pos++;
        }
    }

    /**
     * The end of a name or label whose plain bytes run from {@code from} to {@code stop}: without a dot at its end
     * (the dot ends the statement). Two dots there, or a stop at a byte RIOT would read on, are left to RIOT.
     */
    private int nameEnd(int from, int stop) {
        int p = stop;
        if (p > from && in[p - 1] == '.') {
            p--;
            if ((p > from && in[p - 1] == '.') || !dotEnds(p))
                throw UNREAD;
        } else if (!termEnds(stop)) {
            throw UNREAD;
        }
        if (p == from)
            throw UNREAD;
        return p;
    }

    /**
     * Terms by the bytes that wrote them (an IRI with its brackets, or a prefixed name), and language tags: an open
     * table of 2^16 places, a new name replacing the one in its place. Only a term the profile made without a word to
     * the error handler is a candidate, so a name that earns a warning is made (and warned of) each time, as by RIOT.
     */
    private static final class NameTable<T> {
        private final int mask;
        private final byte[][] keys;
        private final Object[] terms;

        /** A table of {@code size} places, a power of two. */
        NameTable(int size) {
            mask = size - 1;
            keys = new byte[size][];
            terms = new Object[size];
        }

        @SuppressWarnings("unchecked")
        T get(byte[] in, int from, int to) {
            int i = hash(in, from, to) & mask;
            byte[] k = keys[i];
            return k != null && java.util.Arrays.equals(k, 0, k.length, in, from, to) ? (T) terms[i] : null;
        }

        T put(byte[] in, int from, int to, T term) {
            int i = hash(in, from, to) & mask;
            keys[i] = java.util.Arrays.copyOfRange(in, from, to);
            terms[i] = term;
            return term;
        }

        void clearPrefixed() {
            for (int i = 0; i < keys.length; i++)
                if (keys[i] != null && keys[i][0] != '<') {
                    keys[i] = null;
                    terms[i] = null;
                }
        }

        private static int hash(byte[] in, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++)
                h = 31 * h + in[i];
            return h ^ (h >>> 16);
        }
    }
}
