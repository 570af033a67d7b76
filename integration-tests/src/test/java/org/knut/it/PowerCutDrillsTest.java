package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;

/**
 * Fault drills on the packaged stack (driver-service, upsd-service, three packaged monitors as upsmon
 * secondaries, one UPS each): upsd restarted during a power cut, then driver-service killed while one
 * UPS is on battery and another on line. upsmon's rule decides: on battery and unreachable for longer
 * than DEADTIME is critical, on line and unreachable never is; OB LB is critical at once.
 */
class PowerCutDrillsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Longer than a restart of upsd takes, so the restart must not count as a lost UPS. */
    private static final int RESTART_DEADTIME = 60;
    private static final int DEADTIME = 6;

    @TempDir
    Path dir;

    @Test
    void upsdRestartDuringACutKeepsOnBatteryAndAKilledDriverIsCriticalOnlyOnBattery() throws Exception {
        Map<String, Path> devs = new LinkedHashMap<>();
        for (String ups : List.of("cut", "killob", "killol")) {
            Path dev = dir.resolve(ups + "-src.dev");
            Files.writeString(dev, "ups.status: OL\nbattery.charge: 100\nbattery.runtime: 3600\n");
            devs.put(ups, dev);
        }
        try (KnutStack stack = KnutStack.start(NutConfDir.write(dir.resolve("conf"), devs));
             DrillMonitor cut = DrillMonitor.start(dir.resolve("m-cut"), stack.ups("cut"), "DEADTIME " + RESTART_DEADTIME);
             DrillMonitor killOb = DrillMonitor.start(dir.resolve("m-killob"), stack.ups("killob"), "DEADTIME " + DEADTIME);
             DrillMonitor killOl = DrillMonitor.start(dir.resolve("m-killol"), stack.ups("killol"), "DEADTIME " + DEADTIME);
             EventFollower events = new EventFollower(URI.create("http://127.0.0.1:" + stack.httpPort + "/api/v1/events?ups=cut"))) {
            for (String ups : devs.keySet()) {
                Await.until("the monitor of " + ups + " to log in", WAIT, () -> numLogins(stack, ups) == 1);
            }

            // drill: restart upsd during a power cut
            setStatus(stack, "cut", "OB DISCHRG");
            Await.until("ONBATT, log:\n" + cut.log(), WAIT, () -> cut.count("ONBATT") == 1);
            Await.until("the OB event", WAIT, () -> events.events().stream().anyMatch(e -> "OB DISCHRG".equals(e.field("status"))));
            int eventsBefore = events.events().size();
            Duration away = stack.restartFirstUpsd();
            assertTrue(away.toSeconds() < RESTART_DEADTIME, "the drill assumes a restart shorter than DEADTIME: " + away);
            long back = System.nanoTime();
            Await.until("the monitor back on the new upsd", WAIT, () -> numLogins(stack, "cut") == 1);
            String reconnect = DrillFigures.since(back);
            Await.until("the event stream's resync from the new upsd", WAIT, () -> events.events().size() >= eventsBefore + 2);
            EventFollower.Received resync = events.events().get(eventsBefore);
            assertEquals("resync", resync.name(), "the old upsd's ids mean nothing to the new one: " + events.events());
            EventFollower.Received snapshot = events.events().get(eventsBefore + 1);
            assertTrue(snapshot.snapshot(), snapshot.toString());
            assertEquals("OB DISCHRG", snapshot.field("status"), "the power cut is still there after the restart");
            assertEquals(0, cut.count("ONLINE"), "the restart never looked like power back: " + cut.notices());
            assertEquals(0, cut.shutdowns(), "OB across a restart shorter than DEADTIME is not critical");

            long lb = System.nanoTime();
            setStatus(stack, "cut", "OB DISCHRG LB");
            Await.until("SHUTDOWNCMD on OB LB, log:\n" + cut.log(), WAIT, () -> cut.shutdowns() == 1);
            String decided = DrillFigures.since(lb);
            Await.until("the monitor to exit after its shutdown", WAIT, () -> !cut.alive());
            assertEquals(1, cut.shutdowns(), "exactly once");
            DrillFigures.report("restart-upsd-during-cut", "upsd away " + away.toMillis() / 1000.0 + " s, monitor logged in again "
                    + reconnect + " after, OB LB to SHUTDOWNCMD " + decided + ", notifications " + cut.notices());

            // drill: kill the drivers while one UPS is on battery and another on line
            setStatus(stack, "killob", "OB DISCHRG");
            Await.until("ONBATT of killob", WAIT, () -> killOb.count("ONBATT") == 1);
            long kill = System.nanoTime();
            stack.killDrivers();
            Await.until("SHUTDOWNCMD DEADTIME after the driver died while OB, log:\n" + killOb.log(), WAIT, () -> killOb.shutdowns() == 1);
            String obDecided = DrillFigures.since(kill);
            long seconds = Duration.ofNanos(System.nanoTime() - kill).toSeconds();
            assertTrue(seconds >= DEADTIME, "not before DEADTIME: " + seconds + " s");
            Await.until("the OB monitor to exit", WAIT, () -> !killOb.alive());
            assertEquals(1, killOb.shutdowns(), "exactly once");
            // the on-line UPS's monitor has been cut off as long, and then some: still no reason to shut down
            Await.until("twice DEADTIME without the driver", WAIT, () -> Duration.ofNanos(System.nanoTime() - kill).toSeconds() > 2 * DEADTIME);
            assertEquals(0, killOl.shutdowns(), "unreachable while on line is never critical: " + killOl.notices());
            assertTrue(killOl.alive());
            assertTrue(killOl.notices().contains("COMMBAD") || killOl.notices().contains("NOCOMM"), killOl.notices().toString());
            DrillFigures.report("kill-driver", "OB: SHUTDOWNCMD " + obDecided + " after the kill (DEADTIME " + DEADTIME
                    + " s), notifications " + killOb.notices() + "; OL: no shutdown after " + DrillFigures.since(kill) + ", notifications "
                    + killOl.notices());
            assertFalse(killOl.notices().contains("SHUTDOWN"));
        }
    }

    static int numLogins(KnutStack stack, String ups) {
        try (NutClient c = stack.client()) {
            return c.numLogins(ups);
        } catch (Exception e) {
            return -1;
        }
    }

    static void setStatus(KnutStack stack, String ups, String status) throws Exception {
        try (NutClient admin = stack.client()) {
            admin.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
            admin.setVar(ups, "ups.status", status);
        }
    }
}
