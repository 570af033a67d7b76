package org.knut.cli;

import sun.misc.Signal;

/**
 * upslog's signal handlers, as in NUT: TERM, INT and QUIT stop it, HUP reopens the logs, USR1 logs at
 * once. The JVM keeps some signals for itself (QUIT for thread dumps unless -Xrs); those are skipped.
 */
final class Signals {
    private Signals() {
    }

    static void install(Upslog upslog) {
        for (String name : new String[] {"TERM", "INT", "QUIT"}) {
            handle(name, s -> upslog.stop(s.getNumber()));
        }
        handle("HUP", s -> upslog.reopenLogs());
        handle("USR1", s -> upslog.wake());
    }

    private static void handle(String name, sun.misc.SignalHandler handler) {
        try {
            Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            // reserved by the JVM on this platform
        }
    }
}
