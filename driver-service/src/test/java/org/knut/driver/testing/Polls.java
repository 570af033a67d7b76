package org.knut.driver.testing;

import java.time.Duration;

import org.knut.core.testing.Await;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.spi.DriverException;

/** Polling a driver session until its device answers again (after it vanished and came back). */
public final class Polls {
    private Polls() {
    }

    public static void untilFresh(DriverSession session, Duration timeout) {
        Await.until("the driver reading its device again", timeout, () -> {
            try {
                session.update();
                return true;
            } catch (DriverException e) {
                return false;
            }
        });
    }
}
