package org.knut.upsd.api;

import org.knut.core.protocol.NutError;

/** A REST request that cannot be served: the HTTP status, and the NUT error name the body carries. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status a NUT error maps to, with NUT's description of it. */
    public static ApiException of(NutError e, String message) {
        return new ApiException(httpStatus(e), e.code(), message);
    }

    /** What every REST request gets before upsd has started serving. */
    public static ApiException starting() {
        return new ApiException(503, NutError.DRIVER_NOT_CONNECTED.code(), "upsd is starting");
    }

    static int httpStatus(NutError e) {
        return switch (e) {
            case UNKNOWN_UPS, VAR_NOT_SUPPORTED, CMD_NOT_SUPPORTED -> 404;
            case ACCESS_DENIED -> 403;
            case USERNAME_REQUIRED, PASSWORD_REQUIRED -> 401;
            case DRIVER_NOT_CONNECTED, DATA_STALE, SET_FAILED, INSTCMD_FAILED -> 503;
            default -> 400; // READONLY, INVALID-VALUE, TOO-LONG, INVALID-ARGUMENT...
        };
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
