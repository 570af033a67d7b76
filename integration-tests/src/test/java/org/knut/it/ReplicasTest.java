package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * LIST CLIENT), FSD through one is served by all (the driver latches it) and streamed by all as the same
 * events, and a replica that starts late, or outlives a sibling killed with SIGKILL, has everything from
 * the driver alone. Checked with the real upsc where it matters.
 */
class ReplicasTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * How soon the logins of a killed replica stop counting elsewhere: the kernel closes its driver
     * connection, the driver relays {@code CLIENTS <replica> 0} at once. (A node that vanishes without
     * closing anything is dropped by the driver after ReplicaLogins.SILENCE_LIMIT instead.)
     */
    private static final Duration KILLED_LOGINS_GONE = Duration.ofSeconds(5);

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

    @Test
    void loginsOnEveryReplicaCountEverywhereFsdReachesAllAndAKilledReplicaLosesNothing() throws Exception {
        assertEquals(upsc(stack.nutPort), upsc(second.nutPort), "both replicas serve the driver's data");
        assertLive(stack.httpPort);
        assertLive(second.httpPort);

        try (EventFollower eventsOfFirst = events(stack.httpPort); EventFollower eventsOfSecond = events(second.httpPort)) {
            Await.until("both event streams' snapshots", WAIT,
                    () -> !eventsOfFirst.events().isEmpty() && !eventsOfSecond.events().isEmpty());
            loginsCountEverywhere();

            try (NutClient primary = second.client()) {
                primary.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
                primary.fsd("demo");
            }
            Await.until("FSD set through the second replica is served by the first", WAIT,
                    () -> statusOf(stack.nutPort).startsWith("FSD "));
            assertEquals(1, Command.check("upsc", "demo@127.0.0.1:" + stack.nutPort, "ups.status").lines().size());
            Await.until("an fsd event from each replica", WAIT,
                    () -> count(eventsOfFirst, "fsd") == 1 && count(eventsOfSecond, "fsd") == 1);
            assertEquals(changes(eventsOfSecond), changes(eventsOfFirst),
                    "the replica that took FSD and the one that heard it from the driver send the same events");
            assertTrue(changes(eventsOfFirst).contains("fsd " + statusOf(stack.nutPort) + " null"), changes(eventsOfFirst).toString());
        }

        try (NutClient onFirst = stack.client(); NutClient onSecond = second.client()) {
            onFirst.authenticate(NutConfDir.MONUSER, NutConfDir.MONPASS);
            onFirst.login("demo");
            onSecond.authenticate(NutConfDir.MONUSER, NutConfDir.MONPASS);
            onSecond.login("demo");
            Await.until("a login on each replica", WAIT, () -> numLogins(onSecond) == 2);

            try (KnutStack.Replica late = stack.addReplica("upsd-replica-3.log"); NutClient onLate = late.client()) {
                Await.until("the late replica counts the logins already open on the others", WAIT,
                        () -> numLogins(onLate) == 2);
                assertEquals(List.of("127.0.0.1", "127.0.0.1"), onLate.listClients("demo"));
                assertTrue(statusOf(late.nutPort).startsWith("FSD "), "a late replica gets FSD from the driver");
                List<String> before = upsc(second.nutPort);
                assertEquals(before, upsc(late.nutPort));
                assertTrue(before.stream().anyMatch(l -> l.startsWith("ups.status: FSD ")), before.toString());

                stack.killFirstUpsd(); // SIGKILL with onFirst logged in on it
                long killed = System.nanoTime();
                Await.until("the killed replica's login stops counting on the others", KILLED_LOGINS_GONE,
                        () -> numLogins(onLate) == 1 && numLogins(onSecond) == 1);
                DrillFigures.report("replica-killed", "a replica killed (SIGKILL) with a login open: the login stopped counting "
                        + "on both others " + DrillFigures.since(killed) + " after; their upsc identical to before the kill");
                assertEquals(List.of("127.0.0.1"), onLate.listClients("demo"));
                assertEquals(before, upsc(second.nutPort), "killing a replica loses no driver state (FSD included)");
                assertEquals(before, upsc(late.nutPort));
                assertLive(late.httpPort);
            }
        }
    }

    /** A login on one replica counts on the other, and a logout everywhere. */
    private static void loginsCountEverywhere() throws Exception {
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
        }
        try (NutClient onSecond = second.client()) {
            Await.until("the closed login is gone everywhere", WAIT, () -> numLogins(onSecond) == 0);
        }
    }

    private static EventFollower events(int httpPort) {
        return new EventFollower(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/events?ups=demo"));
    }

    private static long count(EventFollower f, String type) {
        return f.events().stream().filter(e -> e.name().equals(type) && !e.snapshot()).count();
    }

    /** The status and FSD events after the snapshot, as "type status previous". */
    private static List<String> changes(EventFollower f) {
        return f.events().stream()
                .filter(e -> !e.snapshot() && (e.name().equals("status") || e.name().equals("fsd")))
                .map(e -> e.name() + " " + e.field("status") + " " + e.field("previous"))
                .toList();
    }

    /** {@code /q/health/live} answers 200 and UP. */
    private static void assertLive(int httpPort) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/live"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().replace(" ", "").contains("\"status\":\"UP\""), r.body());
        assertTrue(r.body().contains("nut-server"), r.body());
    }

    private static List<String> upsc(int port) {
        Command.Result r = Command.check("upsc", "demo@127.0.0.1:" + port);
        return r.lines().stream().sorted().toList();
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
