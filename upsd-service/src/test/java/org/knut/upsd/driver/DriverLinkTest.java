package org.knut.upsd.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.sock.ReplicaLogins;
import org.knut.upsd.config.DriverEndpoint;
import org.knut.upsd.config.DriverLinkSecurity;
import org.knut.upsd.state.Availability;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;
import org.knut.upsd.testing.Poll;
import org.knut.upsd.testing.ScriptedDriver;

/**
 * The driver link against a scripted driver socket. The link's clock is a test clock and its watchdog
 * step is called by the test, so MAXAGE is exercised without waiting for it.
 */
class DriverLinkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long SECOND = 1_000_000_000L;
    private static final List<String> DUMP = List.of("SETINFO ups.status \"OL\"", "SETFLAGS ups.status RW STRING",
            "SETAUX ups.status 32", "SETINFO battery.charge \"100\"", "ADDCMD load.off", "DATAOK", "DUMPDONE");

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final ServedUps ups = new ServedUps("demo", "test");
    private final TrackingTable tracking = new TrackingTable(3600);
    private ScriptedDriver driver;
    private DriverLink link;

    private void start(List<String> dump) {
        driver = new ScriptedDriver(dir.resolve("scripted-demo"), dump);
        startLink();
    }

    private void startLink() {
        link = new DriverLink(ups, new DriverEndpoint("demo", "test", UnixDomainSocketAddress.of(dir.resolve("scripted-demo"))),
                DriverLinkSecurity.PLAIN, tracking, 15, clock::get, 10, 50);
        link.start();
    }

    @AfterEach
    void stop() {
        if (link != null) {
            link.stop();
        }
        if (driver != null) {
            driver.close();
        }
    }

    private String value(String var) {
        var v = ups.variable(var);
        return v == null ? null : v.value();
    }

    @Test
    void dumpsThenFollowsUpdates() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        assertEquals("DUMPALL", driver.received().get(0));
        assertEquals("OL", value("ups.status"));
        assertEquals(32, ups.variable("ups.status").aux());
        assertTrue(ups.state().hasCommand("load.off"));
        driver.push("SETINFO ups.status \"OB LB\"");
        driver.push("DELINFO battery.charge");
        Poll.untilEquals("the update", WAIT, "OB LB", () -> value("ups.status"));
        Await.until("the deletion", WAIT, () -> value("battery.charge") == null);
    }

    @Test
    void servesWaitUntilTheDumpIsDone() {
        start(List.of("SETINFO ups.status \"OL\"", "SETINFO battery.charge \"100\""));
        Await.until("the connection", WAIT, () -> driver.received().contains("DUMPALL"));
        Await.until("the first lines", WAIT, () -> driver.connections() == 1 && ups.availability() == Availability.OK);
        assertEquals("WAIT", value("ups.status"));
        assertNull(value("battery.charge"));
        assertFalse(ups.ready());
        driver.push("DUMPDONE");
        Poll.untilEquals("the dump", WAIT, "OL", () -> value("ups.status"));
        assertEquals("100", value("battery.charge"));
    }

    @Test
    void dataStaleAndDataOk() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        driver.push("DATASTALE");
        Poll.untilEquals("stale", WAIT, Availability.STALE, ups::availability);
        driver.push("DATAOK");
        Poll.untilEquals("fresh", WAIT, Availability.OK, ups::availability);
    }

    @Test
    void staleDuringTheDumpCountsOnceItIsDone() {
        start(List.of("SETINFO ups.status \"OL\"", "DATASTALE", "DUMPDONE"));
        Await.until("the dump", WAIT, ups::dumped);
        Poll.untilEquals("stale", WAIT, Availability.STALE, ups::availability);
    }

    @Test
    void pingsAQuietDriverAndStaysFreshWhileItAnswers() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        for (int step = 1; step <= 5; step++) { // 30 s of driver silence but for its PONGs
            clock.addAndGet(6 * SECOND);
            link.tick();
            long pings = step;
            Await.until("PING " + step, WAIT, () -> driver.received().stream().filter("PING"::equals).count() == pings);
            // the PONG comes back on the link's own thread: re-check (a tick at the same time sends no
            // new PING) until it has been heard, before the clock moves on
            Await.until("fresh after PONG " + step, WAIT, () -> {
                link.tick();
                return ups.availability() == Availability.OK;
            });
        }
        assertEquals(1, driver.connections());
    }

    @Test
    void pingsAtEveryHeartbeatHoweverChattyTheDriver() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        Await.until("the first CLIENTS line", WAIT, () -> count("CLIENTS") == 1);
        long beat = ReplicaLogins.HEARTBEAT.toNanos();
        for (int step = 1; step <= 3; step++) { // the driver talks every heartbeat: never quiet for MAXAGE/3
            String charge = String.valueOf(90 + step);
            driver.push("SETINFO battery.charge \"" + charge + "\"");
            Poll.untilEquals("the driver talks", WAIT, charge, () -> value("battery.charge"));
            clock.addAndGet(beat / 2);
            link.tick();
            long clients = count("CLIENTS") + 1;
            ups.announceLogins(); // queued after anything the tick sent: once it arrives, so has a PING
            Await.until("the CLIENTS line", WAIT, () -> count("CLIENTS") == clients);
            assertEquals(step - 1, count("PING"), "no PING before the heartbeat is due");
            clock.addAndGet(beat - beat / 2);
            link.tick();
            long pings = step;
            Await.until("PING " + step, WAIT, () -> count("PING") == pings);
        }
        assertEquals(1, driver.connections());
    }

    private long count(String prefix) {
        return driver.received().stream().filter(l -> l.startsWith(prefix)).count();
    }

    @Test
    void aSilentDriverGoesStaleThenIsDroppedAndRedialled() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        driver.mute(true);
        clock.addAndGet(6 * SECOND);
        link.tick(); // PING, unanswered
        Await.until("PING", WAIT, () -> driver.received().contains("PING"));
        clock.addAndGet(10 * SECOND); // 16 s of silence > MAXAGE 15
        link.tick();
        assertEquals(Availability.STALE, ups.availability());
        assertEquals(1, driver.connections());
        driver.mute(false);
        clock.addAndGet(6 * SECOND); // the PING has had no answer for 16 s
        link.tick();
        Await.until("a new connection and dump", WAIT, () -> driver.connections() == 2 && ups.ready());
        assertEquals(2, driver.received().stream().filter("DUMPALL"::equals).count());
    }

    @Test
    void reconnectsAndFlushesWhenTheDriverHangsUp() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        driver.dump(List.of("SETINFO ups.status \"OB\"", "DUMPDONE"));
        driver.hangUp();
        Await.until("a new dump", WAIT, () -> driver.connections() == 2 && ups.ready());
        assertEquals("OB", value("ups.status"));
        assertNull(value("battery.charge"), "the old state is gone");
        assertFalse(ups.state().hasCommand("load.off"));
    }

    @Test
    void waitsForADriverThatIsNotThereYet() {
        startLink();
        Await.until("a failed attempt", WAIT, () -> ups.availability() == Availability.NOT_CONNECTED);
        assertEquals(Availability.NOT_CONNECTED, ups.availability());
        assertFalse(ups.channel().send("INSTCMD load.off"));
        driver = new ScriptedDriver(dir.resolve("scripted-demo"), DUMP);
        Await.until("the dump", WAIT, ups::ready);
    }

    @Test
    void forwardsCommandsAndRecordsTrackingResults() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        String id = tracking.begin();
        assertTrue(ups.channel().send("INSTCMD load.off TRACKING " + id));
        Await.until("the command", WAIT, () -> driver.received().contains("INSTCMD load.off TRACKING " + id));
        driver.push("TRACKING " + id + " 2");
        Poll.untilEquals("the result", WAIT, "ERR INVALID-ARGUMENT", () -> tracking.status(id));
    }

    @Test
    void anOverlongLineDropsTheConnection() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        driver.push("SETINFO x \"" + "y".repeat(DriverConnection.MAX_LINE) + "\"");
        Await.until("a new connection", WAIT, () -> driver.connections() == 2 && ups.ready());
        assertNull(value("x"));
    }

    @Test
    void garbageIsIgnored() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        driver.push("WHATEVER 1 2 3");
        driver.push("SETINFO \"unterminated");
        driver.push("SETAUX ups.status many");
        driver.push("SETINFO ups.status \"OL CHRG\"");
        Poll.untilEquals("the good line after the bad ones", WAIT, "OL CHRG", () -> value("ups.status"));
        assertEquals(1, driver.connections());
        assertEquals(32, ups.variable("ups.status").aux());
    }

    @Test
    void aDriverOverTcp() {
        driver = ScriptedDriver.tcp(DUMP);
        int port = ((InetSocketAddress) driver.address()).getPort();
        // as knut.upsd.drivers gives it: resolved on every connection attempt
        link = new DriverLink(ups, new DriverEndpoint("demo", "test", InetSocketAddress.createUnresolved("127.0.0.1", port)),
                DriverLinkSecurity.PLAIN, tracking, 15, clock::get, 10, 50);
        link.start();
        Await.until("the dump over TCP", WAIT, ups::ready);
        assertEquals("OL", value("ups.status"));
        assertTrue(ups.channel().send("SET ups.status \"OB\""));
        Await.until("the SET", WAIT, () -> driver.received().contains("SET ups.status \"OB\""));
        driver.hangUp();
        Await.until("a new connection over TCP", WAIT, () -> driver.connections() == 2 && ups.ready());
    }

    @Test
    void stopClosesTheLink() {
        start(DUMP);
        Await.until("the dump", WAIT, ups::ready);
        link.stop();
        link = null;
        assertEquals(Availability.NOT_CONNECTED, ups.availability());
    }
}
