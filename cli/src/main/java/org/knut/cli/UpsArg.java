package org.knut.cli;

import org.knut.core.client.UpsId;

/** Command-line UPS and host arguments, refused with the messages of the real tools. */
final class UpsArg {
    /** upscmd, upsrw and upslog put both sentences on one line; upsc breaks the line. */
    static final String INVALID_UPS = "Error: invalid UPS definition.  Required format: upsname[@hostname[:port]]";

    private UpsArg() {
    }

    /**
     * {@code upsname[@hostname[:port]]}; null or malformed ends the tool with {@code message}, after the
     * line upsclient prints on stderr about what it could not parse.
     */
    static UpsId ups(String arg, String message) {
        if (arg == null) {
            throw new Fatal(message);
        }
        try {
            return UpsId.parse(arg);
        } catch (IllegalArgumentException e) {
            String why = upsclientComplaint(e.getMessage());
            throw new Fatal(why == null ? message : why + "\n" + message);
        }
    }

    /** What upscli_splitaddr() says for the mistakes it notices itself; null for the others. */
    private static String upsclientComplaint(String reason) {
        if (reason.startsWith("bad port") || reason.startsWith("port ")) {
            return "upscli_splitaddr: no port specified after ':' separator";
        }
        if (reason.startsWith("unterminated '['")) {
            return "upscli_splitaddr: missing closing bracket in [domain literal]";
        }
        if (reason.startsWith("no host after '@'")) {
            return "upscli_splitaddr: can't parse empty string";
        }
        return null;
    }

    /** {@code [hostname[:port]]}, localhost when absent. */
    static UpsId.HostPort host(String arg) {
        try {
            return UpsId.HostPort.parse(arg == null ? "localhost" : arg);
        } catch (IllegalArgumentException e) {
            throw new Fatal("Error: invalid hostname.\nRequired format: [hostname[:port]]");
        }
    }
}
