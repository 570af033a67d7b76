package org.knut.driver.testing;

import java.time.Duration;

import org.knut.core.testing.Await;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.spi.DriverException;

/** Polling a driver session: after a change at the device, or until its device answers again. */
public final class Polls {
    private Polls() {
    }

    /** Makes a change at the device, polls once, and returns the published ups.status. */
    public static String statusAfter(DriverSession session, Runnable change) throws DriverException {
        change.run();
        session.update();
        return session.state().value("ups.status");
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
