package org.knut.monitor.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that moves only when the monitor sleeps (or its owner says so), so hours of outage run in
 * milliseconds: the fire drill's clock, and the engine tests'.
 */
public class VirtualClock implements TimeSource {
    public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private Instant now = START;

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration d) {
        if (!d.isNegative()) {
            now = now.plus(d);
        }
    }

    /** Seconds since the start, with millisecond precision. */
    public double elapsed() {
        return Duration.between(START, now).toMillis() / 1000.0;
    }
}
