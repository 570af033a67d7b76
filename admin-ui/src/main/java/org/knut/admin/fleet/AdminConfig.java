package org.knut.admin.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The admin UI's settings ({@code knut.admin.*}); docs/admin-ui.md lists them. */
@ConfigMapping(prefix = "knut.admin")
public interface AdminConfig {
    /** NUT's hosts.conf; default {@code <knut.conf-path or $NUT_CONFPATH or /etc/nut>/hosts.conf}. */
    Optional<String> hostsConf();

    /**
     * The upsds that are knut upsds, read over REST: {@code host:port=http://url}, the NUT address as
     * hosts.conf names it and the base URL of that upsd's HTTP port.
     */
    Optional<List<String>> rest();

    /** How often every UPS is read (and a history sample taken). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Samples kept per UPS for the charts. */
    @WithDefault("1800")
    int historySize();

    /** Events kept per UPS. */
    @WithDefault("100")
    int eventLogSize();

    /** Bound on connecting to and hearing from a upsd. */
    @WithDefault("5s")
    Duration timeout();

    /** How long the result page waits for a change's tracking result before showing PENDING. */
    @WithDefault("5s")
    Duration trackingWait();

    /** A login is forgotten after this long without use. */
    @WithDefault("30m")
    Duration sessionTimeout();
}
