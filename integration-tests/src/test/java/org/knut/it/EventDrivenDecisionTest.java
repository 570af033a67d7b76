package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;

/**
 * The monitor follows our upsd's {@code /api/v1/events}: with POLLFREQ and POLLFREQALERT at
 * {@value #POLLFREQ} s, a status change at the driver (OB LB through upsd's SET VAR) reaches the
 * monitor's decision (a primary's SHUTDOWNCMD, FINALDELAY 0, nobody to wait for) within a second or
 * so. The change is made within {@value #CHANGE_WITHIN} s of the monitor's first poll, so the next
 * regular poll is at least {@code POLLFREQ - CHANGE_WITHIN} s away: without the events the decision
 * could not come before it.
 */
class EventDrivenDecisionTest {
    static final int POLLFREQ = 30;
    static final int CHANGE_WITHIN = 15;
    /** Generous for a loaded CI machine, yet far below POLLFREQ - CHANGE_WITHIN. */
    static final double BOUND = 5;

    @TempDir
    Path tmp;

    @Test
    void aStatusChangeAtTheDriverIsDecidedOnWithoutWaitingForThePoll() throws Exception {
        Path dev = tmp.resolve("online.dev");
        Files.writeString(dev, "ups.status: OL\nbattery.charge: 100\nbattery.runtime: 3600\n");
        try (KnutStack stack = KnutStack.start(NutConfDir.writeWithPrimary(tmp.resolve("conf"), Map.of("ups1", dev)));
             DrillMonitor monitor = DrillMonitor.startAs(tmp.resolve("monitor"), stack.ups("ups1"), "primary",
                     "POLLFREQ " + POLLFREQ + "\nPOLLFREQALERT " + POLLFREQ + "\nHOSTSYNC 5",
                     "-Dknut.monitor.events-url=http://127.0.0.1:" + stack.httpPort + "/api/v1/events")) {
            Await.until("the monitor's first poll (its login), log:\n" + monitor.log(), Duration.ofSeconds(60),
                    () -> numLogins(stack) == 1);
            long firstPoll = System.nanoTime();
            Await.until("the monitor to follow upsd's events, log:\n" + monitor.log(), Duration.ofSeconds(CHANGE_WITHIN),
                    () -> monitor.log().contains("following upsd events at"));

            double change;
            try (NutClient admin = stack.client()) {
                admin.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
                change = System.currentTimeMillis() / 1000.0;
                admin.setVar("ups1", "ups.status", "OB LB");
            }
            double sinceFirstPoll = (System.nanoTime() - firstPoll) / 1e9;
            assertTrue(sinceFirstPoll < CHANGE_WITHIN, "changed " + sinceFirstPoll + " s after the first poll: too late to tell");
            Await.until("SHUTDOWNCMD, log:\n" + monitor.log(), Duration.ofSeconds(POLLFREQ + 10), () -> monitor.shutdownTime() != null);
            double delay = monitor.shutdownTime() - change;
            System.out.printf("status change at the driver -> monitor's SHUTDOWNCMD: %.3f s (POLLFREQ %d s)%n", delay, POLLFREQ);
            assertTrue(delay < BOUND, "decided " + delay + " s after the change: it waited for a poll, not for the event");
            assertEquals(1, monitor.count("LOWBATT"));
        }
    }

    private static int numLogins(KnutStack stack) {
        try (NutClient c = stack.client()) {
            return c.numLogins("ups1");
        } catch (Exception e) {
            return -1;
        }
    }
}
