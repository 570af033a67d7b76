package org.knut.driver.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The checked driver configuration of this instance.
 *
 * @param confDir NUT's configuration directory
 * @param stateDir where the driver sockets go
 * @param selected the checked sections this instance runs ({@code knut.driver.ups}, else all), in the
 *        order named
 * @param sectionCount how many sections ups.conf has in all
 * @param retryDelay how long to wait before retrying a driver whose start failed (ups.conf {@code retrydelay})
 */
public record DriverConfig(Path confDir, Path stateDir, List<DriverSection> selected, int sectionCount,
        Duration retryDelay) {
    public DriverConfig {
        selected = List.copyOf(selected);
    }
}
