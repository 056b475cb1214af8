package org.icakg.kb;

/** A syntax error in an RDF file, with its position (line and column from 1; -1 when unknown). */
public record SyntaxError(String file, long line, long column, String message) {

    @Override
    public String toString() {
        return line > 0 ? "%s:%d:%d: %s".formatted(file, line, column, message) : file + ": " + message;
    }
}
