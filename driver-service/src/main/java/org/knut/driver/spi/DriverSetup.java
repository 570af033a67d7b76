package org.knut.driver.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Everything a driver is created from: its {@code ups.conf} section (name, port, driver options) and
 * the environment it runs in.
 *
 * @param upsName the section name
 * @param port the {@code port} setting (device path, file, host, ...)
 * @param options driver-specific options with a value (only keys the driver declared)
 * @param flags flags that were given: the driver's own and the common ones ({@code nolock}, {@code ignorelb})
 * @param confDir NUT's configuration directory; relative file names resolve against it
 * @param pollInterval how often the driver is asked to update
 * @param clock the time source for anything timed (so tests can control it)
 */
public record DriverSetup(String upsName, String port, Map<String, String> options, Set<String> flags,
        Path confDir, Duration pollInterval, Clock clock) {

    public DriverSetup {
        options = Map.copyOf(options);
        flags = Set.copyOf(flags);
    }

    public String option(String key) {
        return options.get(key);
    }

    public boolean flag(String key) {
        return flags.contains(key);
    }

    /** A path from the configuration: absolute as given, relative to the configuration directory. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : confDir.resolve(p);
    }
}
