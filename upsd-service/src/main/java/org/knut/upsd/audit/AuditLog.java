package org.knut.upsd.audit;

import org.jboss.logging.Logger;
import org.knut.core.protocol.NutError;
import org.knut.core.sock.TrackingResult;
import org.knut.upsd.control.Requester;

/**
 * The audit trail of requests that change a UPS (SET VAR, INSTCMD, FSD, over the NUT port or REST): one
 * line each in the log category {@value #CATEGORY}, as {@code key=value} fields: who (user), from where
 * (address, interface), what (UPS, action and its arguments) and the result (OK or the NUT error, and the
 * tracking id when the driver's answer is awaited; that answer follows as its own line when it comes).
 * Passwords never appear. Values from the client are quoted and their control characters escaped, so
 * that no request can forge a line.
 */
public final class AuditLog {
    public static final String CATEGORY = "knut.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private AuditLog() {
    }

    /**
     * A request and its immediate result. {@code arguments}: name, value pairs (a null value is left out).
     */
    public static void request(Requester who, String ups, String action, NutError error, String trackingId,
            String... arguments) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(160);
        field(line, "user", who.username());
        field(line, "from", who.address());
        field(line, "via", who.via());
        field(line, "ups", ups);
        field(line, "action", action);
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            if (arguments[i + 1] != null) {
                field(line, arguments[i], arguments[i + 1]);
            }
        }
        field(line, "result", error == null ? "OK" : "ERR " + error.code());
        if (trackingId != null) {
            field(line, "tracking", trackingId);
        }
        LOG.info(line);
    }

    /** The driver's answer to a tracked request. */
    public static void completed(String trackingId, TrackingResult result) {
        if (LOG.isInfoEnabled()) {
            StringBuilder line = new StringBuilder(80);
            field(line, "tracking", trackingId);
            field(line, "result", result.reply());
            LOG.info(line);
        }
    }

    private static void field(StringBuilder line, String name, String value) {
        if (line.length() > 0) {
            line.append(' ');
        }
        line.append(name).append('=');
        if (value == null) {
            line.append('-');
        } else if (bare(value)) {
            line.append(value);
        } else {
            quoted(line, value);
        }
    }

    private static boolean bare(String value) {
        if (value.isEmpty() || value.equals("-")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-' || c == ':' || c == '@' || c == '/';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static void quoted(StringBuilder line, String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029') {
                line.append(String.format("\\u%04x", (int) c)); // no line break can get in
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }
}
