package org.knut.admin.upsd;

/**
 * What a upsd answered instead of doing what was asked: NUT's error name ({@code ACCESS-DENIED},
 * {@code DATA-STALE}, ...) and a sentence. A upsd that cannot be reached is {@value #CONNECTION_FAILURE},
 * the name of NUT's client library for that case.
 */
public final class UpsdException extends Exception {
    public static final String CONNECTION_FAILURE = "CONNECTION-FAILURE";

    private final String error;

    public UpsdException(String error, String message) {
        super(message);
        this.error = error;
    }

    public UpsdException(String error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /** NUT's error name. */
    public String error() {
        return error;
    }
}
