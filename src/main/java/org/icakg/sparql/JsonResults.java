package org.icakg.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.logging.Log;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Writes a SELECT answer as {@code application/sparql-results+json}, byte for byte as Jena's writer
 * ({@code RowSetWriterJSON}) writes it — the same members, spaces, line breaks and escapes — at a fraction of its
 * cost: Jena's writer pads and writes the answer one character at a time and makes a string per quoted value, while
 * this one appends each term to one character buffer, quoting in place, and hands whole buffers to the same UTF-8
 * encoder. An answer of 100 rows of four IRIs is some 40,000 characters, so the writer is a good part of what such
 * a query costs over HTTP.
 */
public final class JsonResults {

    /** Characters buffered before they are encoded and handed to the stream. */
    private static final int BUFFER = 8 * 1024;
    /** Jena's indents: of the whole answer, of a row's members, and the unit of the others. */
    private static final int OUTER_INDENT = 2, VAR_INDENT = 2, UNIT_INDENT = 2;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Writer out;
    private final char[] buffer = new char[BUFFER];
    private int length;
    /** As Jena's indented writer: the indent, the column reached, and whether nothing is written on this line yet. */
    private int indent, column;
    private boolean lineStart = true;
    /** Blank node labels of this answer ({@code b0}, {@code b1}, ... in the order met), as Jena's writer gives them. */
    private final NodeToLabel labels = SyntaxLabels.createNodeToLabel();

    private JsonResults(OutputStream stream) {
        this.out = IO.asBufferedUTF8(stream);
    }

    /** Writes {@code rows} to {@code stream} as SPARQL JSON results, then flushes the stream. */
    public static void write(OutputStream stream, RowSet rows) {
        JsonResults writer = new JsonResults(stream);
        try {
            writer.answer(rows);
        } finally {
            writer.flush();
        }
    }

    private void answer(RowSet rows) {
        List<Var> vars = rows.getResultVars();
        print("{");
        indent += OUTER_INDENT;
        println("\"head\": {");
        indent += UNIT_INDENT;
        print("\"vars\": [ ");
        indent += UNIT_INDENT;
        for (int i = 0; i < vars.size(); i++) {
            print("\"");
            print(vars.get(i).getVarName());
            print("\"");
            if (i + 1 < vars.size())
                print(" , ");
        }
        indent -= UNIT_INDENT;
        println(" ]");
        indent -= UNIT_INDENT;
        print("}");
        println(" ,");
        println("\"results\": {");
        indent += UNIT_INDENT;
        println("\"bindings\": [");
        indent += UNIT_INDENT;
        boolean firstRow = true;
        while (rows.hasNext()) {
            Binding row = rows.next();
            if (!firstRow)
                println(" ,");
            row(vars, row);
            firstRow = false;
        }
        newline();
        indent -= UNIT_INDENT;
        println("]");
        indent -= UNIT_INDENT;
        println("}");
        indent -= OUTER_INDENT;
        println("}");
    }

    private void row(List<Var> vars, Binding row) {
        print("{ ");
        indent += VAR_INDENT;
        boolean first = true;
        for (Var var : vars) {
            Node value = row.get(var);
            if (value == null)
                continue;
            if (!first)
                print(" ,");
            newline();
            quoted(var.getVarName());
            print(": ");
            value(value, false);
            first = false;
        }
        newline();
        indent -= VAR_INDENT;
        print("}");
    }

    private void value(Node value, boolean multiLine) {
        boolean triple = value.isTripleTerm();
        if (multiLine || triple)
            println("{");
        else
            print("{ ");
        indent += UNIT_INDENT;
        if (value.isLiteral())
            literal(value, multiLine);
        else if (value.isURI()) {
            print("\"type\": \"uri\" , ");
            if (multiLine)
                newline();
            print("\"value\": ");
            quoted(value.getURI());
        } else if (value.isBlank()) {
            print("\"type\": \"bnode\" , ");
            if (multiLine)
                newline();
            print("\"value\": ");
            quoted(labels.get(null, value).substring(2));
        } else if (triple)
            tripleTerm(value.getTriple(), multiLine);
        else
            Log.warn(JsonResults.class, "Unknown RDFNode type in result set: " + value.getClass());
        if (multiLine || triple)
            newline();
        else
            print(" ");
        indent -= UNIT_INDENT;
        print("}");
    }

    private void literal(Node literal, boolean multiLine) {
        print("\"type\": \"literal\" , ");
        if (Util.isSimpleString(literal) || Util.isLangString(literal)) {
            if (multiLine)
                newline();
            String lang = literal.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                print("\"xml:lang\": ");
                quoted(lang);
                print(" , ");
                if (multiLine)
                    newline();
            }
        } else {
            print("\"datatype\": ");
            quoted(literal.getLiteralDatatypeURI());
            print(" , ");
            if (multiLine)
                newline();
        }
        print("\"value\": ");
        quoted(literal.getLiteralLexicalForm());
    }

    private void tripleTerm(Triple triple, boolean multiLine) {
        println("\"type\": \"triple\" , ");
        print("\"value\": ");
        println("{");
        indent += UNIT_INDENT;
        print("\"subject\": ");
        print(" ");
        value(triple.getSubject(), multiLine);
        println(" ,");
        print("\"predicate\": ");
        value(triple.getPredicate(), multiLine);
        println(" ,");
        print("\"object\": ");
        print("  ");
        value(triple.getObject(), multiLine);
        indent -= UNIT_INDENT;
        newline();
        print("}");
    }

    // The indented writer's rules: a line's first character is preceded by spaces up to the indent; text here never
    // holds a line break of its own (quoted values escape theirs).

    private void print(String s) {
        int n = s.length();
        if (n == 0)
            return;
        pad();
        ensure(n);
        s.getChars(0, n, buffer, length);
        length += n;
        column += n;
    }

    private void println(String s) {
        print(s);
        newline();
    }

    private void newline() {
        pad();
        ensure(1);
        buffer[length++] = '\n';
        lineStart = true;
        column = 0;
    }

    private void pad() {
        lineStart = false;
        if (column >= indent)
            return;
        int n = indent - column;
        ensure(n);
        for (int i = 0; i < n; i++)
            buffer[length++] = ' ';
        column = indent;
    }

    /** {@code s} in double quotes with JSON's escapes, as Jena's {@code JSWriter.outputQuotedString}. */
    private void quoted(String s) {
        pad();
        int n = s.length();
        // At most six characters per character (a \\u escape) and the two quotes.
        if (6L * n + 2 > BUFFER) {
            quotedLong(s);
            return;
        }
        ensure(6 * n + 2);
        char[] b = buffer;
        int at = length;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= ' ' && ch != '"' && ch != '\\' && ch != '/' && ch < 0x7F) {
                b[at++] = ch;
                continue;
            }
            at = escaped(b, at, ch, i > 0 && s.charAt(i - 1) == '<');
        }
        b[at++] = '"';
        column += at - length;
        length = at;
    }

    /** A quoted value longer than the buffer, a piece at a time. */
    private void quotedLong(String s) {
        ensure(1);
        buffer[length++] = '"';
        char[] one = new char[6];
        for (int i = 0; i < s.length(); i++) {
            int k = escaped(one, 0, s.charAt(i), i > 0 && s.charAt(i - 1) == '<');
            ensure(k);
            System.arraycopy(one, 0, buffer, length, k);
            length += k;
            column += k;
        }
        ensure(1);
        buffer[length++] = '"';
        column += 2;
    }

    /** Writes {@code ch} at {@code at}, escaped where JSON or Jena's writer escapes it; returns the next position. */
    private static int escaped(char[] b, int at, char ch, boolean afterLessThan) {
        switch (ch) {
            case '"', '\\' -> {
                b[at++] = '\\';
                b[at++] = ch;
            }
            case '/' -> {
                // "</" is written "<\/" so that an answer inside HTML cannot close its script element.
                if (afterLessThan)
                    b[at++] = '\\';
                b[at++] = '/';
            }
            case '\b' -> at = pair(b, at, 'b');
            case '\f' -> at = pair(b, at, 'f');
            case '\n' -> at = pair(b, at, 'n');
            case '\r' -> at = pair(b, at, 'r');
            case '\t' -> at = pair(b, at, 't');
            default -> {
                if (ch < ' ' || ch >= '\u007F' && ch <= '\u009F' || ch >= '\u2000' && ch < '\u2100') {
                    b[at++] = '\\';
                    b[at++] = 'u';
                    b[at++] = HEX[(ch >> 12) & 0xF];
                    b[at++] = HEX[(ch >> 8) & 0xF];
                    b[at++] = HEX[(ch >> 4) & 0xF];
                    b[at++] = HEX[ch & 0xF];
                } else {
                    b[at++] = ch;
                }
            }
        }
        return at;
    }

    private static int pair(char[] b, int at, char ch) {
        b[at++] = '\\';
        b[at++] = ch;
        return at;
    }

    /** Room for {@code n} more characters, the buffer handed on when it has not; {@code n} is at most its size. */
    private void ensure(int n) {
        if (length + n > buffer.length)
            drain();
    }

    private void drain() {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            IO.exception(e);
        }
        length = 0;
    }

    /** Hands on what is buffered and flushes the stream; as Jena's writer, a failure of the flush itself is not raised. */
    private void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            // As Jena's indented writer: a failed flush is left to the stream's owner, which closes the stream.
        }
    }
}
