package org.knut.monitor.engine;

import java.time.Duration;
import java.time.Instant;

/** A clock that only moves when the monitor sleeps or the test says so. */
final class FakeTime implements TimeSource {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private Instant now = START;

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration d) {
        now = now.plus(d);
    }

    /** Seconds since the start, with millisecond precision. */
    double elapsed() {
        return Duration.between(START, now).toMillis() / 1000.0;
    }
}
