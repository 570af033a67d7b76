package org.knut.upsd.control;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;
import org.knut.upsd.config.LoginThrottling;

/**
 * Failed authentications per client address, shared by the NUT port and REST. An address that fails
 * {@link LoginThrottling#maxFailures()} times within the window is refused every authentication for the
 * block time, whatever it sends, so that guessing a password gets nowhere and the client cannot tell a
 * right password from a wrong one meanwhile. The client sees the usual refusal; the log says it once
 * per block. Memory is bounded: entries go when their window and block are over, and past
 * {@link LoginThrottling#maxAddresses()} the least recently failing address is forgotten. Thread-safe.
 */
public final class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    private final LoginThrottling limits;
    private final LongSupplier nanoClock;
    private final long windowNanos;
    private final long blockNanos;
    /** In order of each address's latest failure, oldest first (entries are re-inserted on update). */
    private final LinkedHashMap<String, Failures> byAddress;

    private static final class Failures {
        long windowStart;
        long last;
        int count;
        long blockedUntil;
        boolean blocked;
    }

    public LoginThrottle(LoginThrottling limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.windowNanos = limits.window().toNanos();
        this.blockNanos = limits.block().toNanos();
        this.byAddress = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > LoginThrottle.this.limits.maxAddresses();
            }
        };
    }

    public LoginThrottle(LoginThrottling limits) {
        this(limits, System::nanoTime);
    }

    /** True while {@code address} is blocked: its authentications fail without being checked. */
    public synchronized boolean refuses(String address) {
        if (!limits.enabled() || address == null) {
            return false;
        }
        Failures f = byAddress.get(address);
        return f != null && f.blocked && nanoClock.getAsLong() - f.blockedUntil < 0;
    }

    /** Counts a failed authentication from {@code address}. */
    public synchronized void failed(String address) {
        if (!limits.enabled() || address == null) {
            return;
        }
        long now = nanoClock.getAsLong();
        forgetExpired(now);
        Failures f = byAddress.remove(address);
        if (f == null) {
            f = new Failures();
            f.windowStart = now;
        } else if (f.blocked && now - f.blockedUntil >= 0 || !f.blocked && now - f.windowStart > windowNanos) {
            f = new Failures(); // the block or the window is over: count afresh
            f.windowStart = now;
        }
        f.last = now;
        f.count++;
        if (!f.blocked && f.count >= limits.maxFailures()) {
            f.blocked = true;
            f.blockedUntil = now + blockNanos;
            LOG.warnf("%d failed logins from %s within %d s: refusing its logins for %d s", f.count, address,
                    limits.window().toSeconds(), limits.block().toSeconds());
        }
        byAddress.put(address, f);
    }

    /** Addresses remembered now. */
    public synchronized int size() {
        return byAddress.size();
    }

    /** Drops the oldest entries whose window and block are both over. */
    private void forgetExpired(long now) {
        long keep = Math.max(windowNanos, blockNanos);
        Iterator<Failures> it = byAddress.values().iterator();
        while (it.hasNext()) {
            Failures f = it.next();
            if (now - f.last <= keep) {
                return; // the rest failed more recently
            }
            it.remove();
        }
    }
}
