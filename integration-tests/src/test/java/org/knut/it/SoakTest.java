package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.load.Soak;
import org.knut.core.testing.load.SoakPlan;
import org.knut.core.testing.load.SoakResult;

/**
 * bench/soak.sh's load, smaller and shorter (500 NUT clients at 2 requests/s and 200 event subscribers
 * for 25 s, ups.status changing every second), on the packaged demo stack. Checks correctness only: no
 * failed request or connection, every subscriber gets every status change, connections are released
 * afterwards and the heap after a full GC comes back near where it started. The figures are printed,
 * never asserted.
 */
class SoakTest {
    private static final int CLIENTS = 500;
    private static final int SUBSCRIBERS = 200;

    @TempDir
    Path tmp;

    @Test
    void manyClientsAndSubscribersLoseNothingAndLeaveNothingBehind() throws Exception {
        try (KnutStack stack = KnutStack.demo(tmp.resolve("conf"))) {
            SoakPlan plan = new SoakPlan("127.0.0.1", stack.nutPort, stack.httpPort, stack.upsdPid(), CLIENTS, SUBSCRIBERS,
                    2, 10, Duration.ZERO, Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofSeconds(1), "demo", "admin", "admin",
                    100, 2);
            SoakResult r = new Soak(plan, System.out).run();
            System.out.println("summary " + r.keyValues());

            assertEquals(0, r.errors().total(), "failed NUT requests or connections: " + r.errors());
            assertEquals(CLIENTS, r.nutConnectedMin(), "every NUT client stays connected");
            assertTrue(r.requests() > 0);
            assertEquals(SUBSCRIBERS, r.subscribersMin(), "every subscriber stays connected");
            assertEquals(0, r.reconnects(), "no event stream ended");
            assertEquals(0, r.changeFailures(), "every SET VAR ups.status was accepted");
            assertTrue(r.changes() >= 15, "status changes made: " + r.changes());
            assertEquals(0, r.missing(), "status changes some subscriber never got");
            assertEquals(0, r.unexpected(), "status events no change explains");
            assertEquals(SUBSCRIBERS, r.upToDate());
            assertEquals((long) r.changes() * SUBSCRIBERS, r.delivered());
            assertTrue(r.released(), "upsd's connections back to before the load: before " + r.before() + ", after " + r.after());
            assertTrue(r.heapAfterGcBefore() > 0 && r.heapAfterGcAfter() > 0, "heap after a full GC is measured (jcmd)");
            // generous (the first requests warm caches), yet 300 bytes left per request or 10 kB per connection would show
            assertTrue(r.heapAfterGcAfter() < r.heapAfterGcBefore() + 8L * 1024 * 1024,
                    "heap after a full GC: " + r.heapAfterGcBefore() + " bytes before the load, " + r.heapAfterGcAfter() + " after");
        }
    }
}
