package org.knut.upsd.config;

import javax.net.ssl.SSLContext;

import org.knut.core.sock.LinkToken;

/**
 * How upsd protects its TCP links to drivers in a cluster (Unix sockets stay as in NUT: plain, guarded
 * by file permissions).
 *
 * @param tls the client TLS context, or null for plain TCP
 * @param checkHost whether the driver's certificate must name the host upsd connects to
 * @param token the shared token sent first, or null for none
 */
public record DriverLinkSecurity(SSLContext tls, boolean checkHost, LinkToken token) {
    public static final DriverLinkSecurity PLAIN = new DriverLinkSecurity(null, false, null);

    public String describe() {
        if (tls == null && token == null) {
            return "plain";
        }
        return (tls == null ? "plain TCP" : "TLS" + (checkHost ? "" : " (no host check)"))
                + (token == null ? "" : " + token");
    }
}
