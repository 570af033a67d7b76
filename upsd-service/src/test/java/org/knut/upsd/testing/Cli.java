package org.knut.upsd.testing;

import java.util.List;

import org.knut.core.testing.Command;

/**
 * Runs one of Debian's real NUT clients (upsc, upscmd, upsrw, ...) with the kit's {@link Command}, and
 * reads its output without the noise NUT's clients print ("Init SSL without certificate database").
 */
public final class Cli {
    private static final String SSL_NOTICE = "Init SSL without certificate database";

    private Cli() {
    }

    /** How a client ended and what it printed. */
    public record Result(Command.Result raw) {
        public int exitCode() {
            return raw.exitCode();
        }

        public String stdout() {
            return raw.stdout();
        }

        /** stdout's non-empty lines. */
        public List<String> lines() {
            return raw.lines().stream().filter(l -> !l.isEmpty()).toList();
        }

        /** stderr without the SSL notice, trimmed. */
        public String error() {
            return raw.stderr().replace(SSL_NOTICE, "").trim();
        }

        @Override
        public String toString() {
            return raw.toString();
        }
    }

    public static Result run(String... argv) {
        return new Result(Command.check(argv));
    }
}
