package org.knut.upsd.config;

import java.nio.file.Path;
import java.util.List;

import org.knut.core.client.UpsId.HostPort;
import org.knut.core.config.UpsdUsers;

/**
 * Everything upsd runs with, resolved from NUT's files and the {@code knut.*} settings.
 *
 * @param maxConn       most concurrent clients per instance; 0 = no limit but the OS's
 * @param eventLoops    the NUT server's event loops
 * @param replicaId     this upsd among the replicas sharing the drivers (for the logins they exchange)
 * @param maxConnPerAddress most concurrent clients from one address; 0 = no limit but MAXCONN
 * @param nutTls        STARTTLS on the NUT port, or null when no certificate is configured
 * @param driverLink    TLS and token on tcp: driver links
 */
public record UpsdSettings(
        Path confDir,
        Path statePath,
        List<HostPort> listen,
        boolean allowNotAllListeners,
        int maxAge,
        int maxConn,
        int trackingDelay,
        HostFilter allow,
        List<DriverEndpoint> drivers,
        UpsdUsers users,
        Descriptions descriptions,
        EventLoops eventLoops,
        String replicaId,
        int maxConnPerAddress,
        ClientTimeouts timeouts,
        LoginThrottling loginFailures,
        NutTls nutTls,
        DriverLinkSecurity driverLink) {

    public UpsdSettings {
        listen = List.copyOf(listen);
        drivers = List.copyOf(drivers);
    }
}
