package org.knut.driver.spi;

import java.util.List;

/**
 * A kind of driver, found by its NUT program name ({@code driver = ...} in ups.conf). Implementations
 * are CDI beans; the registry collects them.
 */
public interface DriverFactory {
    /** NUT's program name, e.g. {@code dummy-ups}; also the first part of the socket name. */
    String name();

    /** What the driver is, as its banner says. */
    String description();

    /** Published as {@code driver.version.internal}. */
    String version();

    /** The driver-specific ups.conf keys it accepts, besides the keys every driver takes. */
    List<DriverOption> options();

    /**
     * Creates a driver for one UPS. Checks the options but does no I/O, so that configuration mistakes
     * are found when the configuration is read.
     *
     * @throws IllegalArgumentException with a readable reason when an option value is not acceptable
     */
    UpsDriver create(DriverSetup setup);
}
