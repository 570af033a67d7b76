package org.knut.driver.testing;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises a log category's level for a fuzz test: a driver fed garbage warns on every input, and a
 * million warnings on the console would make the fuzzer measure the console instead of the decoder.
 */
public final class QuietLogs {
    /** Kept here: the logging framework holds its loggers weakly, and a collected one forgets its level. */
    private static final java.util.Set<Logger> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private QuietLogs() {
    }

    /** Only errors from {@code category} and below it from now on. */
    public static void errorsOnly(String category) {
        Logger logger = Logger.getLogger(category);
        logger.setLevel(Level.SEVERE);
        HELD.add(logger);
    }
}
