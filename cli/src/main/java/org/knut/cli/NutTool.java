package org.knut.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;

/** What the four tools share: their terminal, their help text, how they connect and complain. */
abstract class NutTool implements Callable<Integer> {
    /** The NUT release whose tools these reproduce; it heads their help texts, as NUT's own do. */
    static final String NUT_VERSION = "2.8.0";

    final Io io;

    NutTool(Io io) {
        this.io = io;
    }

    /** The program name NUT's tools print in messages and help. */
    abstract String name();

    /** Prints the real tool's help text on stdout. */
    abstract void usage();

    /** Single-letter options the tool knows, to name an unknown one as getopt does. */
    abstract String optionLetters();

    /**
     * What a bad option leads to once getopt's complaint is printed: like NUT's tools, the help text
     * and exit status 0.
     */
    int onBadOption() {
        usage();
        return 0;
    }

    /** Connects as the real tools do, ending with {@code Error: <reason>} when that fails. */
    NutClient connect(String host, int port) {
        try {
            return NutClient.connect(host, port);
        } catch (IOException e) {
            throw new Fatal("Error: " + UpscliError.of(e));
        }
    }

    /** One request to upsd. */
    interface Request<T> {
        T run() throws IOException, NutException;
    }

    /** Runs one request; any failure ends the tool with {@code Error: <reason>}. */
    static <T> T must(Request<T> r) {
        try {
            return r.run();
        } catch (IOException | NutException e) {
            throw new Fatal("Error: " + UpscliError.of(e));
        }
    }

    /** {@code -t}: NUT's str_to_uint(), with NUT's complaint. */
    static long trackingTimeout(String arg) {
        if (arg == null) {
            return TrackingWait.DEFAULT_TIMEOUT_SECONDS;
        }
        try {
            return CNumbers.parseUint(arg);
        } catch (NumberFormatException e) {
            throw new Fatal("Could not convert the provided value for timeout ('-t' option) to unsigned int: " + e.getMessage());
        }
    }
}
