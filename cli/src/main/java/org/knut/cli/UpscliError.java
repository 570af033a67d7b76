package org.knut.cli;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.knut.core.protocol.NutException;

/**
 * The texts of NUT's upscli_strerror(), so our tools report errors in the words of the real ones
 * ({@code Error: Unknown UPS}, {@code Error: Connection failure: Connection refused}, ...).
 */
final class UpscliError {
    /** upsclient's table of server codes; a code is recognised by prefix, as strncmp does there. */
    private static final String[][] SERVER_CODES = {
        {"VAR-NOT-SUPPORTED", "Variable not supported by UPS"},
        {"UNKNOWN-UPS", "Unknown UPS"},
        {"ACCESS-DENIED", "Access denied"},
        {"PASSWORD-REQUIRED", "Password required"},
        {"PASSWORD-INCORRECT", "Password incorrect"},
        {"MISSING-ARGUMENT", "Missing argument"},
        {"DATA-STALE", "Data stale"},
        {"VAR-UNKNOWN", "Variable unknown"},
        {"ALREADY-LOGGED-IN", "Already logged in"},
        {"ALREADY-SET-PASSWORD", "Already set password"},
        {"UNKNOWN-TYPE", "Unknown variable type"},
        {"UNKNOWN-VAR", "Unknown variable"},
        {"READONLY", "Read-only variable"},
        {"TOO-LONG", "New value is too long"},
        {"INVALID-VALUE", "Invalid value for variable"},
        {"SET-FAILED", "Set command failed"},
        {"UNKNOWN-INSTCMD", "Unknown instant command"},
        {"INSTCMD-FAILED", "Instant command failed"},
        {"CMD-NOT-SUPPORTED", "Instant command not supported"},
        {"INVALID-USERNAME", "Invalid username"},
        {"ALREADY-SET-USERNAME", "Already set username"},
        {"UNKNOWN-COMMAND", "Unknown command"},
        {"INVALID-PASSWORD", "Invalid password"},
        {"USERNAME-REQUIRED", "Username required"},
        {"DRIVER-NOT-CONNECTED", "Driver not connected"},
    };

    private UpscliError() {
    }

    static String of(Exception e) {
        if (e instanceof NutException ne) {
            return ofServerText(ne.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return "No such host";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "Connection failure: " + strerror(e.getMessage());
        }
        if (e instanceof EOFException || e.getCause() instanceof SocketTimeoutException) {
            return "Server disconnected"; // upsclient says so for a closed connection and a read timeout alike
        }
        if (e instanceof SocketTimeoutException) {
            return "Connection failure: Connection timed out";
        }
        if (e instanceof IOException) {
            return "Read error: " + e.getMessage();
        }
        return "Unknown error";
    }

    /** The text for what follows {@code ERR } in a server reply. */
    static String ofServerText(String text) {
        for (String[] code : SERVER_CODES) {
            if (text.startsWith(code[0])) {
                return code[1];
            }
        }
        return "Unknown error";
    }

    /** Java adds detail to some socket messages ("Connection refused (Connection refused)"); keep strerror's part. */
    private static String strerror(String message) {
        if (message == null) {
            return "Unknown error";
        }
        int paren = message.indexOf(" (");
        return paren > 0 ? message.substring(0, paren) : message;
    }
}
