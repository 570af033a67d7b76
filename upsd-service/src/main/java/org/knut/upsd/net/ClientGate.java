package org.knut.upsd.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.knut.upsd.config.HostFilter;

/**
 * Admission of new clients: the address must be allowed ({@code knut.upsd.allow}), there must be room
 * under MAXCONN (counted per upsd instance; 0 = no limit) and under the per-address limit
 * ({@code knut.upsd.max-conn-per-address}; 0 = none), so that one host cannot take every connection.
 * Shared by every event loop.
 */
public final class ClientGate {
    private static final Logger LOG = Logger.getLogger(ClientGate.class);

    private final HostFilter allow;
    private final int maxConn;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    /** Open connections per address; an address leaves the map with its last connection. */
    private final ConcurrentHashMap<String, AddressCount> perAddress = new ConcurrentHashMap<>();

    /** One address's connections, and whether its refusal at the limit has been logged. */
    private static final class AddressCount {
        int open;
        boolean refusalLogged;
    }

    public ClientGate(HostFilter allow, int maxConn, int maxPerAddress) {
        this.allow = allow;
        this.maxConn = maxConn;
        this.maxPerAddress = maxPerAddress;
    }

    /** True when the client may stay; then {@link #release} must follow when it leaves. */
    public boolean admit(String ip) {
        if (!allowed(ip)) {
            return false;
        }
        if (!admitAddress(ip)) {
            return false;
        }
        if (open.incrementAndGet() > maxConn && maxConn > 0) {
            open.decrementAndGet();
            releaseAddress(ip);
            return false;
        }
        return true;
    }

    private boolean admitAddress(String ip) {
        if (maxPerAddress <= 0) {
            return true;
        }
        boolean[] admitted = {false};
        perAddress.compute(ip, (k, c) -> {
            AddressCount count = c == null ? new AddressCount() : c;
            if (count.open < maxPerAddress) {
                count.open++;
                admitted[0] = true;
            } else if (!count.refusalLogged) {
                count.refusalLogged = true; // once per episode: a flood must not flood the log too
                LOG.warnf("%s has %d connections open (knut.upsd.max-conn-per-address): refusing more", ip, count.open);
            }
            return count;
        });
        return admitted[0];
    }

    private boolean allowed(String ip) {
        if (allow.allowsAll()) {
            return true;
        }
        try {
            return allow.allows(InetAddress.getByName(ip)); // an IP literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code ip}: the address the client was admitted with. */
    public void release(String ip) {
        open.decrementAndGet();
        releaseAddress(ip);
    }

    private void releaseAddress(String ip) {
        if (maxPerAddress > 0) {
            perAddress.computeIfPresent(ip, (k, c) -> --c.open == 0 ? null : c);
        }
    }

    /** Clients connected now. */
    public int open() {
        return open.get();
    }

    /** Clients connected now from {@code ip} (counted only while the per-address limit is on). */
    public int open(String ip) {
        AddressCount c = perAddress.get(ip);
        return c == null ? 0 : c.open;
    }
}
