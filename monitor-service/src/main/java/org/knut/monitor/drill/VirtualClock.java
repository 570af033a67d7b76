package org.knut.monitor.drill;

import java.time.Duration;
import java.time.Instant;

import org.knut.monitor.engine.TimeSource;

/** The drill's clock: starts at the power cut and moves only when the engine waits, so an hour runs in milliseconds. */
final class VirtualClock implements TimeSource {
    static final Instant CUT = Instant.EPOCH.plusSeconds(1_000_000);

    private Instant now = CUT;

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

    /** Seconds since the cut. */
    double elapsed() {
        return seconds(now);
    }

    static double seconds(Instant t) {
        return Duration.between(CUT, t).toMillis() / 1000.0;
    }
}
