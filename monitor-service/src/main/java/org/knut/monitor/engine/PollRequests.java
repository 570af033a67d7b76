package org.knut.monitor.engine;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * UPSes to poll before the next regular poll, asked for from another thread (upsd's event stream);
 * waking the engine's wait between polls without interrupting it, so a running shutdown is never cut short.
 */
public final class PollRequests {
    private final Set<String> pending = new LinkedHashSet<>();

    /** Asks for a poll of every MONITOR line naming {@code ups} (the UPS name as upsd knows it). */
    public synchronized void request(String ups) {
        pending.add(ups);
        notifyAll();
    }

    /** Waits up to {@code d} on {@code time}'s clock; true when a poll was asked for. */
    synchronized boolean await(TimeSource time, Duration d) throws InterruptedException {
        if (pending.isEmpty()) {
            time.waitOn(this, d);
        }
        return !pending.isEmpty();
    }

    /** The UPS names asked for since the last call. */
    synchronized Set<String> take() {
        Set<String> names = Set.copyOf(pending);
        pending.clear();
        return names;
    }
}
