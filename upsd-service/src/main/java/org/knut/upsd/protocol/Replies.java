package org.knut.upsd.protocol;

import java.util.List;

import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutTokenizer;
import org.knut.upsd.state.ServedUps;

/** Small pieces every command reply is made of. */
final class Replies {
    private Replies() {
    }

    static void error(StringBuilder out, NutError e) {
        out.append(e.line());
    }

    /** Token {@code i} of a request, or null with INVALID-ARGUMENT written when the request is too short. */
    static String argument(List<String> a, int i, StringBuilder out) {
        if (a.size() <= i) {
            error(out, NutError.INVALID_ARGUMENT);
            return null;
        }
        return a.get(i);
    }

    /** Appends {@code "value"} with {@code "} and {@code \} escaped, as upsd's pconf_encode does. */
    static StringBuilder quoted(StringBuilder out, String value) {
        return NutTokenizer.appendQuoted(out, value);
    }

    /**
     * upsd's ups_available(): false (and the error written) when the driver is not connected or its data
     * is stale.
     */
    static boolean available(ServedUps ups, StringBuilder out) {
        NutError e = ups.availability().error();
        if (e != null) {
            out.append(e.line());
            return false;
        }
        return true;
    }
}
