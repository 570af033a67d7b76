package org.knut.driver.spi;

/**
 * One driver-specific {@code ups.conf} key (NUT's "vartab" entry, what {@code -x} accepts).
 *
 * @param name the key
 * @param flag true for a flag without value ({@code nolock}), published as {@code driver.flag.<name>}
 * @param description one line of help
 * @param sensitive true for secrets: accepted, but never published as {@code driver.parameter.<name>}
 */
public record DriverOption(String name, boolean flag, String description, boolean sensitive) {
    public static DriverOption value(String name, String description) {
        return new DriverOption(name, false, description, false);
    }

    public static DriverOption secret(String name, String description) {
        return new DriverOption(name, false, description, true);
    }

    public static DriverOption flag(String name, String description) {
        return new DriverOption(name, true, description, false);
    }
}
