package org.knut.driver.runtime;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;

import org.knut.driver.config.DriverSection;
import org.knut.driver.sock.TcpLinkSecurity;

/**
 * What every runner of this instance shares.
 *
 * @param confDir NUT's configuration directory
 * @param stateDir where the Unix driver sockets go
 * @param tcpHost address of the optional TCP sockets
 * @param tcpBasePort base TCP port; the UPS at ups.conf position i listens on base + i
 * @param maxPendingBytes unread output a socket client may accumulate
 * @param retryDelay wait before retrying a failed driver start
 * @param clock time source for drivers
 * @param tcpSecurity TLS and token on the TCP sockets
 */
public record RunnerEnvironment(Path confDir, Path stateDir, String tcpHost, OptionalInt tcpBasePort, int maxPendingBytes,
        Duration retryDelay, Clock clock, TcpLinkSecurity tcpSecurity) {

    /** Plain TCP sockets, as NUT. */
    public RunnerEnvironment(Path confDir, Path stateDir, String tcpHost, OptionalInt tcpBasePort, int maxPendingBytes,
            Duration retryDelay, Clock clock) {
        this(confDir, stateDir, tcpHost, tcpBasePort, maxPendingBytes, retryDelay, clock, TcpLinkSecurity.PLAIN);
    }

    /** NUT's socket name: {@code <statepath>/<driver>-<ups>}. */
    public Path socketPath(DriverSection s) {
        return stateDir.resolve(s.driver() + "-" + s.name());
    }

    /** The TCP address of a UPS, or null when TCP sockets are off. */
    public InetSocketAddress tcpAddress(DriverSection s) {
        return tcpBasePort.isPresent() ? new InetSocketAddress(tcpHost, tcpBasePort.getAsInt() + s.index()) : null;
    }
}
