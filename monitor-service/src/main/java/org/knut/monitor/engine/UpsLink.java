package org.knut.monitor.engine;

import java.io.IOException;

import org.knut.core.protocol.NutException;

/**
 * The monitor's session with the upsd serving one MONITORed UPS. An {@link IOException} means the
 * session is gone (the link is closed and reopened at the next poll); a {@link NutException} is the
 * server's answer (DATA-STALE, UNKNOWN-UPS...) and leaves the session up.
 */
public interface UpsLink {
    /** Connects and logs in: USERNAME, PASSWORD, LOGIN, and PRIMARY when {@code asPrimary}. */
    void open(boolean asPrimary) throws IOException, NutException;

    boolean isOpen();

    /** {@code GET VAR <ups> <var>}. */
    String get(String var) throws IOException, NutException;

    /** {@code GET NUMLOGINS <ups>}. */
    int numLogins() throws IOException, NutException;

    /** {@code FSD <ups>}. */
    void fsd() throws IOException, NutException;

    /** Logs out and closes; upsd then counts one login less. */
    void close();
}
