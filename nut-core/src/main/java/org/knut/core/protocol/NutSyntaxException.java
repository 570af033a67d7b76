package org.knut.core.protocol;

/** A line that cannot be split into tokens (for example an unterminated quote). */
public class NutSyntaxException extends Exception {
    public NutSyntaxException(String message) {
        super(message);
    }
}
