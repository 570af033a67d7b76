package org.knut.upsd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.knut.upsd.config.LoginThrottling;

/** The throttle on a clock the test moves: blocking, the window, the block's end, and its bounds. */
class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private LoginThrottle throttle(int max, int addresses) {
        return new LoginThrottle(new LoginThrottling(max, Duration.ofSeconds(60), Duration.ofSeconds(300), addresses),
                now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void anAddressIsRefusedAfterTooManyFailuresUntilTheBlockEnds() {
        LoginThrottle t = throttle(3, 100);
        t.failed("10.0.0.1");
        t.failed("10.0.0.1");
        assertFalse(t.refuses("10.0.0.1"), "two failures are allowed");
        t.failed("10.0.0.1");
        assertTrue(t.refuses("10.0.0.1"));
        assertFalse(t.refuses("10.0.0.2"), "other addresses are not affected");
        advance(Duration.ofSeconds(299));
        assertTrue(t.refuses("10.0.0.1"));
        advance(Duration.ofSeconds(2));
        assertFalse(t.refuses("10.0.0.1"), "the block is over");
        t.failed("10.0.0.1");
        assertFalse(t.refuses("10.0.0.1"), "the count starts afresh after a block");
    }

    @Test
    void failuresSpreadBeyondTheWindowAreNotBlocked() {
        LoginThrottle t = throttle(3, 100);
        for (int i = 0; i < 10; i++) {
            t.failed("10.0.0.1");
            t.failed("10.0.0.1");
            advance(Duration.ofSeconds(61)); // a misconfigured upsmon: a failure now and then
            assertFalse(t.refuses("10.0.0.1"));
        }
    }

    @Test
    void zeroFailuresTurnsItOff() {
        LoginThrottle t = throttle(0, 100);
        for (int i = 0; i < 100; i++) {
            t.failed("10.0.0.1");
        }
        assertFalse(t.refuses("10.0.0.1"));
        assertEquals(0, t.size());
    }

    @Test
    void memoryIsBoundedByTheCapAndByExpiry() {
        LoginThrottle t = throttle(3, 50);
        for (int i = 0; i < 1000; i++) {
            t.failed("10.1." + (i / 256) + "." + (i % 256));
        }
        assertEquals(50, t.size(), "at most the cap");
        advance(Duration.ofSeconds(301));
        t.failed("10.9.9.9");
        assertEquals(1, t.size(), "expired entries are forgotten");
    }

    @Test
    void theCapForgetsTheLeastRecentlyFailingAddress() {
        LoginThrottle t = throttle(2, 2);
        t.failed("a");
        t.failed("b");
        t.failed("a"); // a is blocked and now the most recent
        t.failed("c"); // b goes
        assertTrue(t.refuses("a"));
        assertEquals(2, t.size());
        t.failed("b");
        assertFalse(t.refuses("b"), "b starts again from one failure");
    }
}
