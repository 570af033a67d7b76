package org.knut.core.protocol;

/** A NUT protocol error, carrying the code the server answered (or would answer). */
public class NutException extends Exception {
    private final NutError error;

    public NutException(NutError error) {
        this(error, error.code());
    }

    public NutException(NutError error, String message) {
        super(message);
        this.error = error;
    }

    public NutError error() {
        return error;
    }
}
