package org.knut.upsd.config;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * Where upsd finds the driver of one UPS: a Unix socket ({@code <statepath>/<driver>-<ups>}, as NUT) or,
 * in a cluster, a TCP address. {@code desc} is ups.conf's {@code desc}, or null.
 */
public record DriverEndpoint(String ups, String desc, SocketAddress address) {

    /** The address as written in {@code knut.upsd.drivers}: {@code unix:/path} or {@code tcp:host:port}. */
    public String describe() {
        if (address instanceof UnixDomainSocketAddress u) {
            return "unix:" + u.getPath();
        }
        InetSocketAddress i = (InetSocketAddress) address;
        String host = i.getHostString();
        return "tcp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + i.getPort();
    }
}
