package org.knut.monitor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The clock-jump drill at the source: the monitor's time follows the monotonic counter, so stepping the
 * wall clock an hour either way moves no deadline (DEADTIME, the next poll, a timer) by a second.
 */
class MonotonicTimeTest {
    /** A wall clock the test steps, as NTP or {@code date -s} would. */
    static final class SteppedClock extends Clock {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void wallClockStepsMoveNothingTheMonitorMeasures() {
        SteppedClock wall = new SteppedClock();
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        MonotonicTime time = new MonotonicTime(wall, nanos::get);
        Instant start = time.now();
        assertEquals(wall.now, start, "starts at the wall clock's time");
        Instant deadline = start.plusSeconds(15); // e.g. DEADTIME after the last poll

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        wall.now = wall.now.plus(Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(10), Duration.between(start, time.now()), "a forward step fires nothing early");
        assertEquals(true, time.now().isBefore(deadline));

        wall.now = wall.now.minus(Duration.ofHours(2));
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals(Duration.ofSeconds(16), Duration.between(start, time.now()), "a backward step stalls nothing");
        assertEquals(true, time.now().isAfter(deadline));
    }
}
