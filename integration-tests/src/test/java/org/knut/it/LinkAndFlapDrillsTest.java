package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;
import org.knut.core.testing.TcpProxy;

/**
 * Fault drills on the links, on the packaged stack with two upsd replicas: one packaged monitor (upsmon
 * secondary, DEADTIME {@value #DEADTIME}, an upssched-style 5 s on-battery timer, following upsd's
 * events) reaches the replicas through a TCP proxy that plays the Service address and the network; an
 * event follower reaches upsd's REST port through another. The link is dropped and delayed on line,
 * the UPS flaps OL/OB every second while the event links are cut twice, then stays on battery while
 * the replica the monitor uses is stopped, and finally the link is dropped on battery.
 */
class LinkAndFlapDrillsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int DEADTIME = 6;
    private static final int TIMER_SECONDS = 5;
    private static final int FLIPS = 24;

    @TempDir
    Path dir;

    @Test
    void linkFaultsFlappingAndALostReplicaShutDownOnlyWhenCritical() throws Exception {
        Path dev = dir.resolve("flap-src.dev");
        Files.writeString(dev, "ups.status: OL\nbattery.charge: 100\nbattery.runtime: 3600\n");
        try (KnutStack stack = KnutStack.start(NutConfDir.write(dir.resolve("conf"), Map.of("flap", dev)));
             KnutStack.Replica second = stack.addReplica("upsd-replica-2.log");
             TcpProxy nutLink = new TcpProxy(stack.nutPort, second.nutPort);
             TcpProxy httpLink = new TcpProxy(stack.httpPort, second.httpPort);
             DrillMonitor monitor = DrillMonitor.start(dir.resolve("monitor"), "flap@127.0.0.1:" + nutLink.port(), "DEADTIME " + DEADTIME,
                     "-Dknut.monitor.events-url=http://127.0.0.1:" + httpLink.port() + "/api/v1/events",
                     "-Dknut.monitor.timer.onbatt.start-on=ONBATT", "-Dknut.monitor.timer.onbatt.cancel-on=ONLINE",
                     "-Dknut.monitor.timer.onbatt.seconds=" + TIMER_SECONDS,
                     "-Dknut.monitor.timer.onbatt.command=date +%s.%N >> timer.fired");
             EventFollower events = new EventFollower(URI.create("http://127.0.0.1:" + httpLink.port() + "/api/v1/events?ups=flap"))) {
            Await.until("the monitor to log in, log:\n" + monitor.log(), WAIT, () -> numLogins(stack.nutPort) == 1);

            // drop the link on line: COMMBAD, never a shutdown
            long drop = System.nanoTime();
            nutLink.blackhole();
            Await.until("COMMBAD after the link dropped, log:\n" + monitor.log(), WAIT, () -> monitor.count("COMMBAD") == 1);
            String detected = DrillFigures.since(drop);
            Await.until("DEADTIME well past without the link", WAIT, () -> seconds(drop) > 10 + DEADTIME + 2);
            assertEquals(0, monitor.shutdowns(), "unreachable on line is not critical");
            long restore = System.nanoTime();
            nutLink.restore();
            Await.until("COMMOK once the link is back", WAIT, () -> monitor.count("COMMOK") == 1);
            DrillFigures.report("link-drop-on-line", "COMMBAD " + detected + " after the drop (the 10 s network timeout), COMMOK "
                    + DrillFigures.since(restore) + " after restoring, no shutdown after " + (seconds(drop)) + " s");

            // a slow link: every chunk held 1.5 s; polls are slow but answered
            long slow = System.nanoTime();
            long connectionsBefore = nutLink.connections();
            nutLink.delay(Duration.ofMillis(1500));
            Await.until("8 s of a slow link", WAIT, () -> seconds(slow) >= 8);
            nutLink.restore();
            assertEquals(1, monitor.count("COMMBAD"), "a slow link is no lost link: " + monitor.notices());
            assertEquals(connectionsBefore, nutLink.connections(), "the monitor kept its connection");
            DrillFigures.report("link-delay", "1.5 s per chunk for 8 s: no COMMBAD, no reconnection, no shutdown");

            // flapping OL/OB every second, the event links cut twice meanwhile; upsd's heap sampled
            List<Double> heap = new ArrayList<>();
            heap.add(UpsdHeap.usedMb(stack.httpPort));
            List<String> sent = new ArrayList<>();
            long flapStart = System.nanoTime();
            for (int i = 1; i <= FLIPS; i++) {
                long flip = System.nanoTime();
                String status = i % 2 == 1 ? "OB" : "OL";
                setStatus(stack.nutPort, status);
                sent.add(status);
                if (i == FLIPS / 3 || i == 2 * FLIPS / 3) {
                    httpLink.cut();
                }
                if (i % (FLIPS / 2) == 0) {
                    heap.add(UpsdHeap.usedMb(stack.httpPort));
                }
                Await.until("a second per flip", WAIT, () -> System.nanoTime() - flip >= 1_000_000_000L);
            }
            Await.until("every flip as an event", WAIT, () -> changes(events).size() >= FLIPS);
            String flapTime = DrillFigures.since(flapStart);
            assertEquals(sent, changes(events), "no status change lost or doubled across the cut event links: " + events.events());
            assertTrue(events.events().stream().noneMatch(e -> "resync".equals(e.name())), "resumed, not resynced");
            assertTrue(events.connections() >= 3, "the event link was cut twice: " + events.connections());
            assertEquals(0, monitor.shutdowns(), "flapping is not critical: never LB");
            assertFalse(Files.exists(monitor.dir.resolve("timer.fired")), "never 5 s on battery in a row");
            assertAlternating(monitor.notices());
            DrillFigures.report("flap", FLIPS + " flips in " + flapTime + ", events received " + changes(events).size() + " of " + FLIPS
                    + " over " + events.connections() + " connections (no resync), ONBATT " + monitor.count("ONBATT") + " ONLINE "
                    + monitor.count("ONLINE") + ", timer never fired, upsd heap MB " + heap);
            assertTrue(heap.get(heap.size() - 1) < heap.get(0) + 256, "upsd heap bounded: " + heap);

            // on battery for good: the timer fires once, after its 5 s; still no shutdown
            long cut = System.nanoTime();
            setStatus(stack.nutPort, "OB");
            Await.until("the on-battery timer", WAIT, () -> Files.exists(monitor.dir.resolve("timer.fired")));
            String timer = DrillFigures.since(cut);
            assertTrue(seconds(cut) >= TIMER_SECONDS, "not before its time");
            assertEquals(0, monitor.shutdowns());

            // the replica the monitor goes through is stopped: it reconnects through the other, still OB
            long onlineBefore = monitor.count("ONLINE");
            long connections = nutLink.connections();
            long stop = System.nanoTime();
            stack.stopFirstUpsd();
            Await.until("the monitor on the second replica", WAIT, () -> nutLink.connections() > connections && numLogins(second.nutPort) == 1);
            String moved = DrillFigures.since(stop);
            Await.until("the event follower's resync from the other replica", WAIT,
                    () -> events.events().stream().anyMatch(e -> "resync".equals(e.name())));
            Await.until("a snapshot after the resync", WAIT, () -> snapshotAfterResync(events) != null);
            EventFollower.Received after = snapshotAfterResync(events);
            assertEquals("OB", after.field("status"));
            assertEquals(onlineBefore, monitor.count("ONLINE"), "losing a replica is no power back");
            assertEquals(0, monitor.shutdowns(), "losing one replica of two is not critical");
            DrillFigures.report("timer-and-replica", "on-battery timer fired " + timer + " after the cut (set to " + TIMER_SECONDS
                    + " s); first replica stopped: monitor logged in on the second " + moved + " later, events resynced");

            // the link dropped on battery: critical once DEADTIME has passed since the last good poll
            long lost = System.nanoTime();
            nutLink.blackhole();
            Await.until("SHUTDOWNCMD after the link dropped on battery, log:\n" + monitor.log(), WAIT, () -> monitor.shutdowns() == 1);
            String decided = DrillFigures.since(lost);
            assertTrue(seconds(lost) >= DEADTIME, "not before DEADTIME");
            Await.until("the monitor to exit", WAIT, () -> !monitor.alive());
            assertEquals(1, monitor.shutdowns(), "exactly once");
            DrillFigures.report("link-drop-on-battery", "SHUTDOWNCMD " + decided + " after the drop (DEADTIME " + DEADTIME
                    + " s, network timeout 10 s), notifications " + monitor.notices());
        }
    }

    /** The statuses of the non-snapshot status events, in order. */
    private static List<String> changes(EventFollower events) {
        return events.events().stream().filter(e -> "status".equals(e.name()) && !e.snapshot()).map(e -> e.field("status")).toList();
    }

    private static EventFollower.Received snapshotAfterResync(EventFollower events) {
        List<EventFollower.Received> all = events.events();
        for (int i = 0; i < all.size(); i++) {
            if ("resync".equals(all.get(i).name())) {
                return all.subList(i, all.size()).stream().filter(EventFollower.Received::snapshot).findFirst().orElse(null);
            }
        }
        return null;
    }

    /** ONBATT and ONLINE take turns: no power event is reported twice or skipped. */
    private static void assertAlternating(List<String> notices) {
        List<String> power = notices.stream().filter(n -> n.equals("ONBATT") || n.equals("ONLINE")).toList();
        for (int i = 1; i < power.size(); i++) {
            assertFalse(power.get(i).equals(power.get(i - 1)), "twice in a row: " + notices);
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static int numLogins(int port) {
        try (NutClient c = NutClient.connect("127.0.0.1", port)) {
            return c.numLogins("flap");
        } catch (Exception e) {
            return -1;
        }
    }

    private static void setStatus(int port, String status) throws Exception {
        try (NutClient admin = NutClient.connect("127.0.0.1", port)) {
            admin.authenticate(NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD);
            admin.setVar("flap", "ups.status", status);
        }
    }
}
