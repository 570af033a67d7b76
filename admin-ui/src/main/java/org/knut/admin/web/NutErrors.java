package org.knut.admin.web;

import java.util.Map;

/** What each of NUT's error names means to the person who got it (NUT's client library texts, reworded). */
public final class NutErrors {
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("ACCESS-DENIED", "Access denied: wrong user name or password, or this user lacks the right (upsd.users: actions = SET, instcmds)"),
            Map.entry("UNKNOWN-UPS", "upsd does not know this UPS"),
            Map.entry("VAR-NOT-SUPPORTED", "The UPS has no such variable"),
            Map.entry("CMD-NOT-SUPPORTED", "The UPS has no such instant command"),
            Map.entry("INVALID-ARGUMENT", "Invalid argument"),
            Map.entry("INSTCMD-FAILED", "The driver could not run the instant command"),
            Map.entry("SET-FAILED", "The driver could not set the variable"),
            Map.entry("READONLY", "This variable is read-only"),
            Map.entry("TOO-LONG", "The value is longer than the variable allows"),
            Map.entry("INVALID-VALUE", "The value is not one this variable accepts (outside its range or list)"),
            Map.entry("FEATURE-NOT-SUPPORTED", "upsd does not support this"),
            Map.entry("FEATURE-NOT-CONFIGURED", "upsd is not configured for this"),
            Map.entry("DRIVER-NOT-CONNECTED", "upsd has no connection to the UPS's driver"),
            Map.entry("DATA-STALE", "The driver has not updated the UPS's data recently (stale)"),
            Map.entry("USERNAME-REQUIRED", "A upsd user name is needed: log in"),
            Map.entry("PASSWORD-REQUIRED", "A password is needed: log in"),
            Map.entry("INVALID-USERNAME", "upsd refused the user name"),
            Map.entry("INVALID-PASSWORD", "upsd refused the password"),
            Map.entry("UNKNOWN-COMMAND", "upsd does not understand the request"),
            Map.entry("UNKNOWN", "The driver does not know this command or variable"),
            Map.entry("FAILED", "The driver reported that it failed"),
            Map.entry("CONNECTION-FAILURE", "Cannot reach upsd"));

    private NutErrors() {
    }

    public static String explain(String error) {
        return TEXTS.getOrDefault(error, "upsd answered " + error);
    }

    /** The HTTP status a page showing this error is sent with. */
    static int httpStatus(String error) {
        return switch (error) {
            case "ACCESS-DENIED" -> 403;
            case "UNKNOWN-UPS", "VAR-NOT-SUPPORTED", "CMD-NOT-SUPPORTED" -> 404;
            case "DRIVER-NOT-CONNECTED", "DATA-STALE", "CONNECTION-FAILURE", "SET-FAILED", "INSTCMD-FAILED" -> 503;
            default -> 400;
        };
    }
}
