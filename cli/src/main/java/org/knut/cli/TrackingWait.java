package org.knut.cli;

import java.io.IOException;

import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;

/** {@code -w} of upscmd and upsrw: turn tracking on, then poll GET TRACKING until the driver has answered. */
final class TrackingWait {
    static final long DEFAULT_TIMEOUT_SECONDS = 10;
    private static final long FIRST_POLL_MS = 20;
    private static final long MAX_POLL_MS = 1000;

    private TrackingWait() {
    }

    /** SET TRACKING ON; {@code what} is "command" (upscmd) or "set variable" (upsrw), as in their messages. */
    static void enable(NutClient c, String what) {
        try {
            c.setTracking(true);
        } catch (NutException e) {
            throw new Fatal("Enabling " + what + " status tracking failed. upsd answered: ERR " + e.getMessage());
        } catch (IOException e) {
            throw new Fatal("Enabling " + what + " status tracking failed: " + UpscliError.of(e));
        }
    }

    /**
     * The final status of {@code id} (SUCCESS or an ERR text). NUT polls once a second; we start faster
     * and back off to that, which changes nothing but the wait.
     */
    static String await(NutClient c, String id, long timeoutSeconds) {
        long start = System.nanoTime();
        long pause = FIRST_POLL_MS;
        while (true) {
            if (System.nanoTime() - start >= timeoutSeconds * 1_000_000_000L) {
                throw new Fatal("Can't receive status tracking information: timeout");
            }
            String status;
            try {
                status = c.trackingStatus(id);
            } catch (IOException e) {
                throw new Fatal("Can't receive status tracking information: " + UpscliError.of(e));
            }
            if (!status.startsWith("PENDING")) {
                return status;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Fatal("Can't receive status tracking information: interrupted");
            }
            pause = Math.min(pause * 2, MAX_POLL_MS);
        }
    }
}
