package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;
import org.knut.core.testing.UpsmonSandbox;

/** Debian's real upsmon as a secondary of our upsd: it logs in, and shuts down when the UPS goes OB LB. */
class RealUpsmonTest {
    @TempDir
    Path tmp;

    @Test
    void secondaryLogsInAndShutsDownOnLowBattery() throws Exception {
        Path dev = tmp.resolve("online.dev");
        Files.writeString(dev, "ups.status: OL\nbattery.charge: 100\nbattery.runtime: 3600\n");
        try (KnutStack stack = KnutStack.start(NutConfDir.write(tmp.resolve("conf"), Map.of("ups1", dev)))) {
            // a secondary waits HOSTSYNC for a primary's FSD before it acts on OB LB itself
            Map<String, String> env = Map.of("MONUSER", NutConfDir.MONUSER, "MONPASS", NutConfDir.MONPASS,
                    "POLLFREQ", "1", "POLLFREQALERT", "1", "HOSTSYNC", "2", "FINALDELAY", "0", "DEADTIME", "6");
            try (UpsmonSandbox upsmon = UpsmonSandbox.start("ups1", stack.nutPort, "secondary", env);
                 NutClient admin = stack.client()) {
                Await.until("upsmon login (NUMLOGINS 1)", Duration.ofSeconds(20), () -> numLogins(stack) == 1);
                List<String> clients = admin.listClients("ups1");
                assertEquals(List.of("127.0.0.1"), clients);

                admin.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
                admin.setVar("ups1", "ups.status", "OB");
                Await.until("ONBATT notification", Duration.ofSeconds(15),
                        () -> upsmon.notifications().contains("ONBATT"));
                assertFalse(Files.exists(upsmon.shutdownMarker()), "upsmon must not shut down on OB alone");

                admin.setVar("ups1", "ups.status", "OB LB");
                upsmon.awaitShutdown(Duration.ofSeconds(30));
                // upsmon forks its notifications: the SHUTDOWN one may land just after the command ran
                Await.until("SHUTDOWN notification", Duration.ofSeconds(10),
                        () -> upsmon.notifications().contains(" SHUTDOWN "));
                assertTrue(upsmon.notifications().contains("LOWBATT"), upsmon.notifications());
            }
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
