package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;
import org.knut.core.testing.UpsmonSandbox;

/**
 * upsmon's HOSTSYNC across implementations, on OUR upsd (the packaged driver-service and upsd-service):
 * Debian's real upsmon as primary waits for two of our monitors as secondaries, and our monitor as
 * primary waits for two real upsmon secondaries. Each side's SHUTDOWNCMD writes its time to a marker
 * file; the secondaries must be down first, and the primary must go as soon as they logged out, well
 * before its HOSTSYNC of {@value #HOSTSYNC} s runs out. The secondaries' own HOSTSYNC is as long, so
 * only the primary's FSD can have shut them down in time.
 */
class HostSyncWithRealUpsmonTest {
    static final int HOSTSYNC = 40;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, String> REAL_UPSMON = Map.of("MONUSER", NutConfDir.MONUSER, "MONPASS", NutConfDir.MONPASS,
            "POLLFREQ", "1", "POLLFREQALERT", "1", "HOSTSYNC", Integer.toString(HOSTSYNC), "FINALDELAY", "1", "DEADTIME", "6");
    static final String OUR_TIMING = "HOSTSYNC " + HOSTSYNC + "\nFINALDELAY 1\nDEADTIME 6";

    @TempDir
    Path tmp;

    @Test
    void theRealUpsmonPrimaryWaitsForOurSecondaries() throws Exception {
        try (KnutStack stack = stack();
             DrillMonitor a = DrillMonitor.startAs(tmp.resolve("ours-a"), stack.ups("ups1"), "secondary", OUR_TIMING);
             DrillMonitor b = DrillMonitor.startAs(tmp.resolve("ours-b"), stack.ups("ups1"), "secondary", OUR_TIMING);
             UpsmonSandbox primary = UpsmonSandbox.start("ups1", stack.nutPort, "primary", REAL_UPSMON)) {
            Await.until("the real primary and our two secondaries logged in", WAIT, () -> numLogins(stack) == 3);

            double cut = powerFails(stack);
            Await.until("our secondaries' SHUTDOWNCMD, logs:\n" + a.log() + "\n" + b.log(), WAIT,
                    () -> a.shutdownTime() != null && b.shutdownTime() != null);
            primary.awaitShutdown(WAIT);
            double theirs = markerTime(primary.shutdownMarker());
            double lastOfOurs = Math.max(a.shutdownTime(), b.shutdownTime());
            System.out.printf("real upsmon primary, our secondaries: secondaries down +%.2f s, +%.2f s, primary +%.2f s after OB LB%n",
                    a.shutdownTime() - cut, b.shutdownTime() - cut, theirs - cut);
            assertTrue(lastOfOurs - cut < HOSTSYNC / 2.0, "FSD, not our own HOSTSYNC, shut our secondaries down");
            assertTrue(lastOfOurs <= theirs, "the primary waited for our secondaries");
            assertTrue(theirs - cut < HOSTSYNC, "the primary went once NUMLOGINS dropped, not at HOSTSYNC: " + (theirs - cut));
            assertEquals(1, a.count("FSD"));
            assertEquals(1, b.count("FSD"));
            assertEquals(1, a.shutdowns());
        }
    }

    @Test
    void ourPrimaryWaitsForTheRealUpsmonSecondaries() throws Exception {
        try (KnutStack stack = stack();
             DrillMonitor primary = DrillMonitor.startAs(tmp.resolve("ours"), stack.ups("ups1"), "primary", OUR_TIMING);
             UpsmonSandbox a = UpsmonSandbox.start("ups1", stack.nutPort, "secondary", REAL_UPSMON);
             UpsmonSandbox b = UpsmonSandbox.start("ups1", stack.nutPort, "secondary", REAL_UPSMON)) {
            Await.until("our primary and the two real secondaries logged in", WAIT, () -> numLogins(stack) == 3);

            double cut = powerFails(stack);
            a.awaitShutdown(WAIT);
            b.awaitShutdown(WAIT);
            Await.until("our primary's SHUTDOWNCMD, log:\n" + primary.log(), WAIT, () -> primary.shutdownTime() != null);
            double ours = primary.shutdownTime();
            double lastOfTheirs = Math.max(markerTime(a.shutdownMarker()), markerTime(b.shutdownMarker()));
            System.out.printf("our primary, real upsmon secondaries: secondaries down +%.2f s, +%.2f s, primary +%.2f s after OB LB%n",
                    markerTime(a.shutdownMarker()) - cut, markerTime(b.shutdownMarker()) - cut, ours - cut);
            assertTrue(lastOfTheirs - cut < HOSTSYNC / 2.0, "our FSD, not their own HOSTSYNC, shut the secondaries down");
            assertTrue(lastOfTheirs <= ours, "we waited for the real secondaries");
            assertTrue(ours - cut < HOSTSYNC, "we went once NUMLOGINS dropped, not at HOSTSYNC: " + (ours - cut));
            assertTrue(a.notifications().contains("FSD") && b.notifications().contains("FSD"), "both saw our FSD");
            assertEquals(1, primary.count("SHUTDOWN_HOSTSYNC"), "we announced the wait");
            assertEquals(1, primary.shutdowns());
        }
    }

    private KnutStack stack() throws Exception {
        Path dev = tmp.resolve("online.dev");
        Files.writeString(dev, "ups.status: OL\nbattery.charge: 100\nbattery.runtime: 3600\n");
        return KnutStack.start(NutConfDir.writeWithPrimary(tmp.resolve("conf"), Map.of("ups1", dev)));
    }

    /** OB LB at the driver, through upsd's SET VAR; returns when it was asked, in epoch seconds. */
    private static double powerFails(KnutStack stack) throws Exception {
        try (NutClient admin = stack.client()) {
            admin.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
            double cut = System.currentTimeMillis() / 1000.0;
            admin.setVar("ups1", "ups.status", "OB LB");
            return cut;
        }
    }

    /** The time in the sandbox's marker line ({@code <epoch.nanos> SHUTDOWNCMD}). */
    private static double markerTime(Path marker) throws IOException {
        assertNotNull(marker);
        return Double.parseDouble(Files.readAllLines(marker).get(0).split(" ")[0]);
    }

    private static int numLogins(KnutStack stack) {
        try (NutClient c = stack.client()) {
            return c.numLogins("ups1");
        } catch (Exception e) {
            return -1;
        }
    }
}
