package org.icakg.server;

import java.io.IOException;
import java.io.Reader;

import org.apache.jena.sparql.lang.arq.javacc.SimpleCharStream;

/**
 * The lexer's characters of one query text at a time, which reaches the text's end without an exception of its own.
 * <p>
 * JavaCC's {@link SimpleCharStream} signals the end of its input with an exception, which the lexer catches: twice
 * per query, a new {@link IOException} from {@code FillBuff} as the last token ends and another from the reader it
 * closed then, as the end-of-input token begins. Each records the whole stack of the request's thread, which under
 * Jetty's and the servlet chain's frames costs more than running a small query. Here, when the
 * text has been read to its end, {@link #readChar()} and {@link #BeginToken()} throw one shared exception without a
 * stack trace, leaving the stream as {@code FillBuff} leaves it at the end: the same position and the same begin of
 * the end-of-input token, so the parse, its tokens' lines and columns, and its errors are what they were.
 */
final class QueryText extends SimpleCharStream {

    /** The end of the text, as the lexer expects it (it only catches it); no stack, nothing to add. */
    private static final IOException END = new IOException("end of the query text") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private final Text text = new Text();

    QueryText() {
        super(Reader.nullReader(), 1, 1);
    }

    /** Starts reading {@code query} from its first character, at line 1, column 1. */
    void reset(String query) {
        text.reset(query);
        ReInit(text, 1, 1);
        if (query.isEmpty()) {
            // the end-of-input token of an empty text begins at the buffer's last slot, never written by this text:
            // clear what an earlier text left there, as in the new stream each parse of Jena's gets (line 0, column 0)
            bufline[bufline.length - 1] = 0;
            bufcolumn[bufcolumn.length - 1] = 0;
        }
    }

    /** True when the next character would have to be read from the text and the text has none left. */
    private boolean atEnd() {
        return inBuf == 0 && bufpos + 1 >= maxNextCharInd && text.exhausted();
    }

    @Override
    public char readChar() throws IOException {
        if (atEnd())
            throw END; // FillBuff's own catch leaves the position where it was
        return super.readChar();
    }

    @Override
    public char BeginToken() throws IOException {
        if (atEnd()) {
            // FillBuff's catch also makes the last character read the begin of the end-of-input token; stepping
            // back one character and beginning a token there does the same without reading the text
            backup(1);
            super.BeginToken();
            throw END;
        }
        return super.BeginToken();
    }

    /** A string read from its start, which says when it has been read to its end. */
    private static final class Text extends Reader {
        private String chars = "";
        private int next;

        void reset(String s) {
            chars = s;
            next = 0;
        }

        boolean exhausted() {
            return next == chars.length();
        }

        @Override
        public int read(char[] into, int offset, int length) {
            if (length == 0)
                return 0;
            if (next == chars.length())
                return -1;
            int n = Math.min(length, chars.length() - next);
            chars.getChars(next, next + n, into, offset);
            next += n;
            return n;
        }

        @Override
        public void close() {
            // the text stays readable for the next reset; nothing to release
        }
    }
}
