package org.knut.cli;

/** Ends a tool with a message on stderr and exit status 1, as NUT's fatalx() does. */
public final class Fatal extends RuntimeException {
    public Fatal(String message) {
        super(message, null, false, false);
    }
}
