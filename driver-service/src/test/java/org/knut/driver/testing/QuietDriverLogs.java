package org.knut.driver.testing;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Only errors from the drivers' loggers while a test class runs ({@code @ExtendWith}), for fuzz tests:
 * a driver fed garbage warns on every input, and a million warnings on the console would make the
 * fuzzer measure the console instead of the decoder. The level is restored afterwards.
 */
public final class QuietDriverLogs implements BeforeAllCallback, AfterAllCallback {
    /** Held here: the logging framework keeps its loggers weakly, and a collected one forgets its level. */
    private final Logger logger = Logger.getLogger("org.knut.driver");
    private Level before;

    @Override
    public void beforeAll(ExtensionContext context) {
        before = logger.getLevel();
        logger.setLevel(Level.SEVERE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        logger.setLevel(before);
    }
}
