package org.knut.monitor.engine;

import java.time.Duration;
import java.time.Instant;

/** The monitor's clock and its only way to wait, so tests can run hours of outage in microseconds. */
public interface TimeSource {
    Instant now();

    void sleep(Duration d) throws InterruptedException;

    /**
     * Waits up to {@code d} or until {@code lock.notifyAll()}; the caller holds {@code lock}'s monitor.
     * A fake clock just lets the time pass.
     */
    default void waitOn(Object lock, Duration d) throws InterruptedException {
        sleep(d);
    }

    /** The real clock, monotonic; sleeping is {@link Thread#sleep}, so interrupting the thread ends a wait. */
    TimeSource SYSTEM = new MonotonicTime(java.time.Clock.systemUTC(), System::nanoTime);
}
