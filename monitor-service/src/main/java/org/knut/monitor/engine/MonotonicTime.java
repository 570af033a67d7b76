package org.knut.monitor.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The real time source: the wall clock read once, at start, then moved on by {@link System#nanoTime}
 * only. Every duration the monitor measures (DEADTIME since the last poll, the next poll's time, timers,
 * HOSTSYNC, FINALDELAY) is a difference of two {@link #now} values, so a wall-clock jump (NTP step,
 * {@code date -s}, a VM resumed) neither fires a timer early nor stalls polling; printed times may drift
 * from the wall clock by the jumps since start, which is the lesser evil.
 */
final class MonotonicTime implements TimeSource {
    private final Instant origin;
    private final long originNanos;
    private final LongSupplier nanos;

    MonotonicTime(Clock wall, LongSupplier nanos) {
        this.nanos = nanos;
        this.originNanos = nanos.getAsLong();
        this.origin = wall.instant();
    }

    @Override
    public Instant now() {
        return origin.plusNanos(nanos.getAsLong() - originNanos);
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }

    @Override
    public void waitOn(Object lock, Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) {
            lock.wait(Math.max(1, d.toMillis()));
        }
    }
}
