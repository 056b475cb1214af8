package org.icakg.kb;

/** Input that cannot be read or parsed; the message names the file and, for syntax, the line and column. */
public class UnreadableInputException extends RuntimeException {
    public UnreadableInputException(String message) { super(message); }
}
