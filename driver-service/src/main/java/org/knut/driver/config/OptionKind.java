package org.knut.driver.config;

import java.util.Locale;
import java.util.List;
import java.util.Set;

import org.knut.driver.spi.DriverOption;

/**
 * What a ups.conf section setting means for a driver, as NUT's driver main ({@code drivers/main.c})
 * sorts them. Settings no rule accepts are configuration errors, as they are fatal for a NUT driver.
 */
public enum OptionKind {
    /** {@code nolock}, {@code ignorelb}: flags every driver knows, published as {@code driver.flag.<key>}. */
    COMMON_FLAG,
    /** Settings for the driver framework or upsdrvctl/upsd that are not published (desc, user, sdorder...). */
    COMMON_SILENT,
    /** {@code default.<var>}: a value the driver's own data replaces. */
    DEFAULT,
    /** {@code override.<var>}: a value the driver cannot change. */
    OVERRIDE,
    /** A driver-specific value, published as {@code driver.parameter.<key>}. */
    DRIVER_VALUE,
    /** A driver-specific secret: used, never published. */
    DRIVER_SECRET,
    /** A driver-specific flag, published as {@code driver.flag.<key>}. */
    DRIVER_FLAG;

    private static final Set<String> COMMON_FLAGS = Set.of("nolock", "ignorelb");
    private static final Set<String> COMMON_VALUES = Set.of("user", "group", "sddelay", "synchronous", "sdorder",
            "desc", "debug_min", "pollinterval", "maxstartdelay", "sdcommands", "maxretry", "retrydelay");

    /** Classifies one setting of a section for the given driver, or says why it is not acceptable. */
    public static OptionKind of(ConfOption o, String driverName, List<DriverOption> driverOptions) throws InvalidOption {
        String key = o.key();
        if (COMMON_FLAGS.contains(key)) {
            return COMMON_FLAG;
        }
        if (COMMON_VALUES.contains(key)) {
            requireValue(o);
            return COMMON_SILENT;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("default.") || lower.startsWith("override.")) {
            requireValue(o);
            if (key.indexOf('.') == key.length() - 1) {
                throw new InvalidOption("'" + key + "' does not name a variable");
            }
            return lower.startsWith("default.") ? DEFAULT : OVERRIDE;
        }
        for (DriverOption d : driverOptions) {
            if (d.name().equalsIgnoreCase(key)) {
                if (d.flag() != o.isFlag()) {
                    throw new InvalidOption("'" + key + "' is " + (d.flag() ? "a flag and takes no value" : "a variable and needs a value")
                            + " for driver " + driverName);
                }
                return d.flag() ? DRIVER_FLAG : d.sensitive() ? DRIVER_SECRET : DRIVER_VALUE;
            }
        }
        throw new InvalidOption("'" + key + "' is not a valid " + (o.isFlag() ? "flag" : "variable name") + " for driver "
                + driverName);
    }

    private static void requireValue(ConfOption o) throws InvalidOption {
        if (o.isFlag()) {
            throw new InvalidOption("'" + o.key() + "' needs a value ('" + o.key() + " = ...')");
        }
    }

    /** A setting that no rule accepts. */
    public static final class InvalidOption extends Exception {
        public InvalidOption(String message) {
            super(message);
        }
    }
}
