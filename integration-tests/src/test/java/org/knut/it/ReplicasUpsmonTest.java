package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;
import org.knut.core.testing.Await;
import org.knut.core.testing.UpsmonSandbox;

/**
 * Debian's real upsmon on two upsd replicas of one driver: the primary, logged in on the first replica,
 * sets FSD on OB LB and waits (HOSTSYNC) until the secondary, logged in on the second replica, has logged
 * out. The secondary learns FSD through the driver; it leaves only FINALDELAY after it begins to shut down,
 * so a primary that did not count the other replica's login would shut down that much earlier.
 */
class ReplicasUpsmonTest {
    /** The secondary's: it keeps its login this long after its SHUTDOWN notification. */
    private static final int SECONDARY_FINALDELAY = 5;
    /** The primary's: far longer than the test, so only the secondary's logout can end its wait. */
    private static final int HOSTSYNC = 120;

    @TempDir
    Path tmp;

    @Test
    void aPrimaryOnOneReplicaWaitsForASecondaryOnAnother() throws Exception {
        Path dev = tmp.resolve("online.dev");
        Files.writeString(dev, "ups.status: OL\nbattery.charge: 100\nbattery.runtime: 3600\n");
        String users = org.knut.core.testing.NutConfDir.users(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD, "primon", "pripass",
                "primary") + "\n[secmon]\n\tpassword = secpass\n\tupsmon secondary\n";
        Path conf = org.knut.core.testing.NutConfDir.write(tmp.resolve("conf"), Map.of("ups1", dev), "MAXAGE 15\n", users);
        try (KnutStack stack = KnutStack.start(conf); KnutStack.Replica other = stack.addReplica("upsd-replica-2.log");
             UpsmonSandbox primary = UpsmonSandbox.start("ups1", stack.nutPort, "primary",
                     upsmon("primon", "pripass", 0));
             UpsmonSandbox secondary = UpsmonSandbox.start("ups1", other.nutPort, "secondary",
                     upsmon("secmon", "secpass", SECONDARY_FINALDELAY));
             NutClient admin = stack.client()) {
            Await.until("both upsmon logins counted on the primary's replica", Duration.ofSeconds(30),
                    () -> numLogins(admin) == 2);

            admin.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
            double critical = now();
            admin.setVar("ups1", "ups.status", "OB LB");
            primary.awaitShutdown(Duration.ofSeconds(60));
            Await.until("the secondary's SHUTDOWN notification", Duration.ofSeconds(10),
                    () -> shutdownNotice(secondary) > 0);

            double primaryShutdown = Double.parseDouble(Files.readString(primary.shutdownMarker()).trim().split("\\s+")[0]);
            double secondaryNotice = shutdownNotice(secondary);
            assertTrue(primaryShutdown - secondaryNotice >= SECONDARY_FINALDELAY - 1,
                    "the primary shut down only after the secondary on the other replica left: secondary began at "
                            + secondaryNotice + ", primary at " + primaryShutdown);
            assertTrue(primaryShutdown - critical < HOSTSYNC / 2.0,
                    "the secondary's logout, not HOSTSYNC, ended the primary's wait: " + (primaryShutdown - critical) + " s");
            DrillFigures.report("hostsync-across-replicas", String.format("OB LB: secondary (other replica) began its shutdown "
                    + "%.1f s after, primary's SHUTDOWNCMD %.1f s after (FINALDELAY %d s of the secondary, HOSTSYNC %d s)",
                    secondaryNotice - critical, primaryShutdown - critical, SECONDARY_FINALDELAY, HOSTSYNC));
        }
    }

    private static Map<String, String> upsmon(String user, String password, int finalDelay) {
        return Map.of("MONUSER", user, "MONPASS", password, "POLLFREQ", "1", "POLLFREQALERT", "1",
                "HOSTSYNC", Integer.toString(HOSTSYNC), "FINALDELAY", Integer.toString(finalDelay), "DEADTIME", "6");
    }

    /** Epoch seconds of the SHUTDOWN notification in the sandbox's notify log, or 0 before it. */
    private static double shutdownNotice(UpsmonSandbox upsmon) {
        for (String line : upsmon.notifications().split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].equals("SHUTDOWN")) {
                return Double.parseDouble(f[0]);
            }
        }
        return 0;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static int numLogins(NutClient c) {
        try {
            return c.numLogins("ups1");
        } catch (IOException | NutException e) {
            throw new AssertionError(e);
        }
    }
}
