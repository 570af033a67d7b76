package org.knut.driver.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverSetup;

/**
 * One checked ups.conf section: every setting was accepted by {@link OptionKind} for its driver.
 *
 * @param name the UPS name
 * @param driver the driver program name
 * @param port the port setting
 * @param options the other settings in file order
 * @param pollInterval the section's pollinterval, else the global one, else 2 s
 * @param synchronous the {@code synchronous} setting as NUT publishes it (yes, no, auto)
 * @param index the section's position in ups.conf, from 0 (picks its TCP port)
 * @param file the ups.conf it came from
 * @param line the line of its {@code [name]} header
 */
public record DriverSection(String name, String driver, String port, List<ConfOption> options, Duration pollInterval,
        String synchronous, int index, Path file, int line) {

    public DriverSection {
        options = List.copyOf(options);
    }

    /**
     * Builds what the driver is created from: the driver-specific values, and the flags (the driver's
     * own and the common ones such as {@code nolock}, which serial drivers honour).
     */
    public DriverSetup setup(DriverFactory factory, Path confDir, Clock clock) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (ConfOption o : options) {
            try {
                OptionKind kind = OptionKind.of(o, driver, factory.options());
                if (kind == OptionKind.DRIVER_FLAG || kind == OptionKind.COMMON_FLAG) {
                    flags.add(o.key());
                } else if (kind == OptionKind.DRIVER_VALUE || kind == OptionKind.DRIVER_SECRET) {
                    values.put(o.key(), o.value()); // later settings win, as in NUT
                }
            } catch (OptionKind.InvalidOption e) {
                throw new IllegalStateException("section was not checked: " + e.getMessage(), e);
            }
        }
        return new DriverSetup(name, port, values, flags, confDir, pollInterval, clock);
    }

    public boolean hasFlag(String key) {
        return options.stream().anyMatch(o -> o.isFlag() && o.key().equals(key));
    }
}
