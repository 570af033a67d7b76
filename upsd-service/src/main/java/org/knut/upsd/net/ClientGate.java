package org.knut.upsd.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

import org.knut.upsd.config.HostFilter;

/**
 * Admission of new clients: the address must be allowed ({@code knut.upsd.allow}) and there must be
 * room under MAXCONN (counted per upsd instance; 0 = no limit). Shared by every event loop.
 */
public final class ClientGate {
    private final HostFilter allow;
    private final int maxConn;
    private final AtomicInteger open = new AtomicInteger();

    public ClientGate(HostFilter allow, int maxConn) {
        this.allow = allow;
        this.maxConn = maxConn;
    }

    /** True when the client may stay; then {@link #release} must follow when it leaves. */
    public boolean admit(String ip) {
        if (!allowed(ip)) {
            return false;
        }
        if (open.incrementAndGet() > maxConn && maxConn > 0) {
            open.decrementAndGet();
            return false;
        }
        return true;
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

    public void release() {
        open.decrementAndGet();
    }

    /** Clients connected now. */
    public int open() {
        return open.get();
    }
}
