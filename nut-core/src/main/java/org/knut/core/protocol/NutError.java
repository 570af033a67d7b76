package org.knut.core.protocol;

/** Every error code of the NUT network protocol ({@code ERR <CODE>}). Codes never contain spaces. */
public enum NutError {
    ACCESS_DENIED,
    UNKNOWN_UPS,
    VAR_NOT_SUPPORTED,
    CMD_NOT_SUPPORTED,
    INVALID_ARGUMENT,
    INSTCMD_FAILED,
    SET_FAILED,
    READONLY,
    TOO_LONG,
    FEATURE_NOT_SUPPORTED,
    FEATURE_NOT_CONFIGURED,
    ALREADY_SSL_MODE,
    DRIVER_NOT_CONNECTED,
    DATA_STALE,
    ALREADY_LOGGED_IN,
    INVALID_PASSWORD,
    ALREADY_SET_PASSWORD,
    INVALID_USERNAME,
    ALREADY_SET_USERNAME,
    USERNAME_REQUIRED,
    PASSWORD_REQUIRED,
    UNKNOWN_COMMAND,
    INVALID_VALUE,
    /** Tracking results only ({@code GET TRACKING <id>}). */
    UNKNOWN,
    FAILED;

    private final String code = name().replace('_', '-');
    private final String line = "ERR " + code + "\n";

    /** The code as written on the wire, e.g. {@code UNKNOWN-UPS}. */
    public String code() {
        return code;
    }

    /** The whole response line, newline included. */
    public String line() {
        return line;
    }

    /** Parses a wire code; null when the code is not one of NUT's. */
    public static NutError fromCode(String code) {
        for (NutError e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return null;
    }
}
