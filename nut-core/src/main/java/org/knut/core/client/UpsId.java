package org.knut.core.client;

/**
 * A UPS identifier as NUT clients take it: {@code ups[@host[:port]]}, where host may be a bracketed
 * IPv6 address ({@code ups@[::1]:3493}). Host defaults to localhost and port to 3493.
 */
public record UpsId(String ups, String host, int port) {
    public static final int DEFAULT_PORT = 3493;

    public static UpsId parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("empty UPS identifier");
        }
        String ups = s;
        String hostPort = "localhost";
        int at = s.indexOf('@');
        if (at >= 0) {
            ups = s.substring(0, at);
            hostPort = s.substring(at + 1);
        }
        if (ups.isEmpty()) {
            throw new IllegalArgumentException("no UPS name in '" + s + "'");
        }
        if (at >= 0 && hostPort.isEmpty()) {
            throw new IllegalArgumentException("no host after '@' in '" + s + "'");
        }
        HostPort hp = HostPort.parse(hostPort);
        return new UpsId(ups, hp.host(), hp.port());
    }

    @Override
    public String toString() {
        return ups + "@" + HostPort.format(host, port);
    }

    /** A {@code host[:port]} pair; IPv6 addresses in brackets. */
    public record HostPort(String host, int port) {
        public static HostPort parse(String s) {
            if (s == null || s.isEmpty()) {
                return new HostPort("localhost", DEFAULT_PORT);
            }
            String host = s;
            String port = null;
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated '[' in '" + s + "'");
                }
                host = s.substring(1, close);
                if (close + 1 < s.length()) {
                    if (s.charAt(close + 1) != ':') {
                        throw new IllegalArgumentException("expected ':' after ']' in '" + s + "'");
                    }
                    port = s.substring(close + 2);
                }
            } else {
                int colon = s.lastIndexOf(':');
                if (colon >= 0 && s.indexOf(':') == colon) {
                    host = s.substring(0, colon);
                    port = s.substring(colon + 1);
                }
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("empty host in '" + s + "'");
            }
            int p = DEFAULT_PORT;
            if (port != null) {
                try {
                    p = Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad port '" + port + "' in '" + s + "'");
                }
                if (p < 1 || p > 65535) {
                    throw new IllegalArgumentException("port " + p + " out of range in '" + s + "'");
                }
            }
            return new HostPort(host, p);
        }

        static String format(String host, int port) {
            String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port == DEFAULT_PORT ? h : h + ":" + port;
        }
    }
}
