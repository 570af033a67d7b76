package org.knut.upsd.state;

import org.knut.core.protocol.NutError;

/** Whether a UPS's data may be served, and the error a client gets when it may not. */
public enum Availability {
    /** No connection to the driver. */
    NOT_CONNECTED(NutError.DRIVER_NOT_CONNECTED),
    /** Connected, but the driver said DATASTALE or has been silent longer than MAXAGE. */
    STALE(NutError.DATA_STALE),
    /** Connected and fresh. */
    OK(null);

    private final NutError error;

    Availability(NutError error) {
        this.error = error;
    }

    /** The error to answer, or null when the data may be served. */
    public NutError error() {
        return error;
    }
}
