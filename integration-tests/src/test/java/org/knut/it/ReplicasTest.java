package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.core.testing.SharedDir;

/**
 * Several upsd replicas on one knut driver answer alike: logins on one count on the others (NUMLOGINS,
 * LIST CLIENT), FSD through one is served by all (the driver latches it), and a replica that starts late
 * or loses a sibling has everything from the driver alone. Checked with the real upsc where it matters.
 */
class ReplicasTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static KnutStack stack;
    static KnutStack.Replica second;

    @BeforeAll
    static void start() throws Exception {
        Path dev = SharedDir.resolve("testdata/nut-ddl").resolve("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev");
        stack = KnutStack.start(NutConfDir.write(dir, Map.of("demo", dev)));
        second = stack.addReplica("upsd-replica-2.log");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static List<String> upsc(int port) {
        Command.Result r = Command.check("upsc", "demo@127.0.0.1:" + port);
        return r.lines().stream().sorted().toList();
    }

    @Test
    void loginsOnEveryReplicaCountEverywhereAndFsdReachesAll() throws Exception {
        assertEquals(upsc(stack.nutPort), upsc(second.nutPort), "both replicas serve the driver's data");

        try (NutClient secondary = stack.client(); NutClient onSecond = second.client()) {
            secondary.authenticate(NutConfDir.MONUSER, NutConfDir.MONPASS);
            secondary.login("demo");
            Await.until("the login on the first replica counts on the second", WAIT, () -> numLogins(onSecond) == 1);
            assertTrue(onSecond.listClients("demo").contains("127.0.0.1"), onSecond.listClients("demo").toString());
            try (NutClient another = second.client()) {
                another.authenticate(NutConfDir.MONUSER, NutConfDir.MONPASS);
                another.login("demo");
                Await.until("both logins on the first replica too", WAIT, () -> numLogins(secondary) == 2);
            }
            Await.until("a logout counts everywhere", WAIT, () -> numLogins(onSecond) == 1 && numLogins(secondary) == 1);

            try (NutClient primary = second.client()) {
                primary.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
                primary.fsd("demo");
            }
            Await.until("FSD set through the second replica is served by the first", WAIT,
                    () -> statusOf(stack.nutPort).startsWith("FSD "));
            assertEquals(1, Command.check("upsc", "demo@127.0.0.1:" + stack.nutPort, "ups.status").lines().size());
        }

        try (KnutStack.Replica late = stack.addReplica("upsd-replica-3.log")) {
            assertTrue(statusOf(late.nutPort).startsWith("FSD "), "a late replica gets FSD from the driver");
            assertEquals(upsc(second.nutPort), upsc(late.nutPort));
            stack.stopFirstUpsd();
            try (NutClient onLate = late.client()) {
                Await.until("the stopped replica's login is gone", WAIT, () -> numLogins(onLate) == 0);
            }
            assertEquals(upsc(late.nutPort), upsc(second.nutPort), "losing a replica loses no driver state");
        }
    }

    private static int numLogins(NutClient c) {
        try {
            return c.numLogins("demo");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String statusOf(int port) {
        return Command.check("upsc", "demo@127.0.0.1:" + port, "ups.status").stdout().trim();
    }
}
