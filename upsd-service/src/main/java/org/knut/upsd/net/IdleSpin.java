package org.knut.upsd.net;

import java.util.function.LongSupplier;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * How an event loop of the NUT server waits once it has answered everything: it keeps asking the
 * kernel for new events without sleeping (epoll_wait with no timeout) for up to the spin limit, and only
 * then sleeps in the kernel. A thread that sleeps between two requests pays for being woken up (a
 * cross-core interrupt and, on a virtual machine, the hypervisor's exit and entry on the idle vCPU),
 * which costs more than answering a GET; a client that asks again within microseconds, as pollers and
 * exporters in a loop do, finds the loop still awake.
 * <p>
 * So that an idle or lightly used upsd burns nothing, the loop spins only while the last wait was
 * shorter than the limit: after a longer one it goes straight to sleep, and it spins again once a
 * request has come within the limit of the loop's going idle. Polling time is so bounded by the gaps
 * between requests that are shorter than the limit: none at a few requests per second.
 * One per event loop, called by that loop's thread only.
 */
final class IdleSpin implements SelectStrategy {
    private final long limitNanos;
    private final LongSupplier nanoClock;
    /** When the loop last came here to wait (-1: never yet); the time since spans its wait and its work. */
    private long idleSince = -1;
    /** Whether the last wait was short enough for spinning to have caught its end. */
    private boolean spinning;

    /** @param limitNanos the longest spin; 0 never spins */
    IdleSpin(long limitNanos, LongSupplier nanoClock) {
        this.limitNanos = limitNanos;
        this.nanoClock = nanoClock;
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        if (hasTasks) {
            return selectNow.get(); // tasks run after the ready events: never block
        }
        long now = nanoClock.getAsLong();
        if (idleSince >= 0) {
            spinning = now - idleSince < limitNanos; // the loop is here again: the last wait just ended
        }
        idleSince = now;
        if (spinning) {
            long deadline = now + limitNanos;
            do {
                int ready = selectNow.get();
                if (ready > 0) {
                    return ready;
                }
            } while (nanoClock.getAsLong() - deadline < 0);
        }
        return SELECT;
    }
}
