package org.knut.driver.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.knut.driver.sock.TcpLinkSecurity;

/**
 * The service's own settings (MicroProfile config).
 *
 * @param confPath {@code knut.conf-path}: NUT configuration directory, overrides env NUT_CONFPATH
 * @param statePath {@code knut.state-path}: socket directory, overrides env NUT_STATEPATH and ups.conf
 * @param ups {@code knut.driver.ups}: the UPS sections this instance runs (default: all)
 * @param tcpPort {@code knut.driver.tcp.port}: base port for the optional TCP driver sockets; the UPS at
 *        position i in ups.conf (from 0) listens on base + i
 * @param tcpHost {@code knut.driver.tcp.host}: address of the TCP driver sockets (default 127.0.0.1)
 * @param maxPendingBytes {@code knut.driver.socket.max-pending-bytes}: output a socket client may leave
 *        unread before it is disconnected
 * @param tcpSecurity {@code knut.driver.tcp.tls.*}, {@code knut.driver.tcp.token*}: TLS and token on the TCP sockets
 */
public record DriverSettings(Optional<String> confPath, Optional<String> statePath, Optional<List<String>> ups,
        OptionalInt tcpPort, String tcpHost, int maxPendingBytes, TcpLinkSecurity tcpSecurity) {

    /** Plain TCP sockets, as NUT. */
    public DriverSettings(Optional<String> confPath, Optional<String> statePath, Optional<List<String>> ups,
            OptionalInt tcpPort, String tcpHost, int maxPendingBytes) {
        this(confPath, statePath, ups, tcpPort, tcpHost, maxPendingBytes, TcpLinkSecurity.PLAIN);
    }

    public static final String DEFAULT_TCP_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_PENDING_BYTES = 1 << 20;

    /** Settings that only name the configuration directory (dump mode, tests). */
    public static DriverSettings forConfDir(Optional<String> confPath) {
        return new DriverSettings(confPath, Optional.empty(), Optional.empty(), OptionalInt.empty(), DEFAULT_TCP_HOST,
                DEFAULT_MAX_PENDING_BYTES);
    }
}
