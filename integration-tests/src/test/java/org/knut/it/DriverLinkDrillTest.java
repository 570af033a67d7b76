package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.knut.core.testing.Ports;
import org.knut.core.testing.TcpProxy;

/**
 * The upsd ↔ driver link drill: upsd reaches driver-service's TCP driver sockets (as in a cluster)
 * through one {@link TcpProxy} per UPS. A slow link (every chunk held 1 s) changes nothing; a link that
 * goes silent makes upsd call the data stale after MAXAGE ({@value #MAXAGE} s), and then the monitor of
 * the UPS on battery shuts down once DEADTIME has passed, the monitor of the UPS on line never.
 */
class DriverLinkDrillTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MAXAGE = 6;
    private static final int DEADTIME = 6;

    @TempDir
    Path dir;

    @Test
    void aSilentDriverLinkIsStaleAndCriticalOnlyOnBattery() throws Exception {
        Map<String, Path> devs = new LinkedHashMap<>();
        for (String ups : List.of("linkob", "linkol")) {
            Path dev = dir.resolve(ups + "-src.dev");
            Files.writeString(dev, "ups.status: OL\nbattery.charge: 100\n");
            devs.put(ups, dev);
        }
        Path conf = org.knut.core.testing.NutConfDir.write(dir.resolve("conf"), devs, "MAXAGE " + MAXAGE + "\n", NutConfDir.users());
        int base = Ports.free(); // linkob listens on base, linkol on base + 1 (their places in ups.conf)
        try (TcpProxy obLink = new TcpProxy(base);
             TcpProxy olLink = new TcpProxy(base + 1);
             KnutStack stack = KnutStack.start(conf, List.of("-Dknut.driver.tcp.port=" + base),
                     List.of("-Dknut.upsd.drivers=linkob=tcp:127.0.0.1:" + obLink.port() + ",linkol=tcp:127.0.0.1:" + olLink.port()));
             DrillMonitor onBattery = DrillMonitor.start(dir.resolve("m-ob"), stack.ups("linkob"), "DEADTIME " + DEADTIME);
             DrillMonitor onLine = DrillMonitor.start(dir.resolve("m-ol"), stack.ups("linkol"), "DEADTIME " + DEADTIME);
             EventFollower events = new EventFollower(URI.create("http://127.0.0.1:" + stack.httpPort + "/api/v1/events?ups=linkob"))) {
            Await.until("both monitors to log in", WAIT, () -> numLogins(stack, "linkob") == 1 && numLogins(stack, "linkol") == 1);
            PowerCutDrillsTest.setStatus(stack, "linkob", "OB DISCHRG");
            Await.until("ONBATT", WAIT, () -> onBattery.count("ONBATT") == 1);

            long slow = System.nanoTime();
            obLink.delay(Duration.ofSeconds(1));
            olLink.delay(Duration.ofSeconds(1));
            Await.until("twice MAXAGE of a slow driver link", WAIT, () -> seconds(slow) > 2 * MAXAGE);
            obLink.restore();
            olLink.restore();
            assertTrue(events.events().stream().noneMatch(e -> "stale".equals(e.name())), "slow is not stale: " + events.events());
            assertEquals(0, onBattery.count("COMMBAD") + onLine.count("COMMBAD"), "the monitors saw nothing wrong");
            DrillFigures.report("driver-link-delay", "1 s per chunk for " + seconds(slow) + " s (MAXAGE " + MAXAGE + " s): not stale, no COMMBAD");

            long silent = System.nanoTime();
            obLink.blackhole();
            olLink.blackhole();
            Await.until("upsd to call linkob's data stale", WAIT, () -> events.events().stream().anyMatch(e -> "stale".equals(e.name())));
            long staleAt = System.nanoTime();
            String stale = DrillFigures.since(silent);
            // upsd last heard the driver up to one PING interval (MAXAGE / 3) before the silence began
            assertTrue(seconds(silent) >= MAXAGE - MAXAGE / 3 - 1, "stale only after MAXAGE of silence: " + stale);
            Await.until("SHUTDOWNCMD for the UPS on battery, log:\n" + onBattery.log(), WAIT, () -> onBattery.shutdowns() == 1);
            String decided = DrillFigures.since(silent);
            // the monitor's last good poll was at most POLLFREQ (1 s) before upsd called the data stale, and
            // the test sees the stale event up to a moment late: whole seconds, DEADTIME less those two
            assertTrue(seconds(staleAt) >= DEADTIME - 2, "critical only DEADTIME after the last good poll: "
                    + DrillFigures.since(staleAt) + " after stale");
            Await.until("the monitor to exit", WAIT, () -> !onBattery.alive());
            assertEquals(1, onBattery.shutdowns(), "exactly once");
            assertEquals(0, onLine.shutdowns(), "stale on line is not critical: " + onLine.notices());
            assertTrue(onLine.notices().contains("COMMBAD"), onLine.notices().toString());

            long restore = System.nanoTime();
            olLink.restore();
            Await.until("COMMOK once the driver link is back", WAIT, () -> onLine.count("COMMOK") == 1);
            assertEquals(0, onLine.shutdowns());
            DrillFigures.report("driver-link-drop", "upsd said stale " + stale + " after the link went silent (MAXAGE " + MAXAGE
                    + " s), OB monitor's SHUTDOWNCMD " + decided + " after (DEADTIME " + DEADTIME + " s), OL monitor COMMBAD only, COMMOK "
                    + DrillFigures.since(restore) + " after the link came back");
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static int numLogins(KnutStack stack, String ups) {
        return PowerCutDrillsTest.numLogins(stack, ups);
    }
}
