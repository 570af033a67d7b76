package org.knut.cli;

import java.io.IOException;

import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;
import org.knut.core.text.CNumbers;

import picocli.CommandLine.Option;

/** upscmd's and upsrw's -u -p (who logs in) and -w -t (waiting for the driver's result); a picocli mixin. */
final class LoginOptions {
    @Option(names = "-u")
    String user;
    @Option(names = "-p")
    String password;
    @Option(names = "-t")
    String timeout;
    @Option(names = "-w")
    boolean wait;

    /** {@code -t}: NUT's str_to_uint(), with NUT's complaint. */
    long timeoutSeconds() {
        if (timeout == null) {
            return TrackingWait.DEFAULT_TIMEOUT_SECONDS;
        }
        try {
            return CNumbers.parseUint(timeout);
        } catch (NumberFormatException e) {
            throw new Fatal("Could not convert the provided value for timeout ('-t' option) to unsigned int: " + e.getMessage());
        }
    }

    /** The login from -u and -p, what they leave out asked for as {@link Credentials#ask} does. */
    Credentials credentials(Io io, boolean endOfInputIsFatal) {
        return Credentials.ask(io, user, password, endOfInputIsFatal);
    }

    /**
     * Sends one change (INSTCMD, SET VAR) and returns what the tools then print on stderr: upsd's OK or,
     * with -w, the driver's result. {@code what} and {@code failed} word NUT's messages, e.g. "command"
     * and "Instant command failed".
     */
    String submit(NutClient c, long timeoutSeconds, String what, String failed, NutTool.Request<String> change) {
        if (wait) {
            TrackingWait.enable(c, what);
        }
        String trackingId;
        try {
            trackingId = change.run();
        } catch (NutException e) {
            throw new Fatal("Unexpected response from upsd: ERR " + e.getMessage());
        } catch (IOException e) {
            throw new Fatal(failed + ": " + UpscliError.of(e));
        }
        return wait && trackingId != null ? TrackingWait.await(c, trackingId, timeoutSeconds) : "OK";
    }
}
