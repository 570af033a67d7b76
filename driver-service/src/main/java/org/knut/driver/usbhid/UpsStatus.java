package org.knut.driver.usbhid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The status flags status rows collect (NUT's ups_status bits: "online" sets a flag, "!online" clears
 * it; flags persist until a row changes them) and their translation into ups.status tokens,
 * input.transfer.reason and ups.alarm texts, as usbhid-ups's ups_status_set and ups_alarm_set.
 */
final class UpsStatus {
    private static final Set<String> KNOWN = Set.of("online", "dischrg", "chrg", "lowbatt", "overload", "replacebatt", "shutdownimm",
            "trim", "boost", "bypassauto", "bypassman", "off", "cal", "overheat", "commfault", "depleted", "timelimitexp",
            "fullycharged", "awaitingpower", "fanfail", "nobattery", "battvoltlo", "battvolthi", "chargerfail", "vrange", "frange");
    private static final String[][] ALARMS = {{"replacebatt", "Replace battery!"}, {"shutdownimm", "Shutdown imminent!"},
        {"fanfail", "Fan failure!"}, {"nobattery", "No battery installed!"}, {"battvoltlo", "Battery voltage too low!"},
        {"battvolthi", "Battery voltage too high!"}, {"chargerfail", "Battery charger fail!"}, {"overheat", "Temperature too high!"},
        {"commfault", "Internal UPS fault!"}, {"awaitingpower", "Awaiting power!"}, {"bypassauto", "Automatic bypass mode!"},
        {"bypassman", "Manual bypass mode!"}};

    private final Set<String> flags = new HashSet<>();

    /** Applies a status row's text; false when the text names no known flag (ignored, as NUT does). */
    boolean apply(String text) {
        boolean clear = text.startsWith("!");
        String flag = (clear ? text.substring(1) : text).toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(flag)) {
            return false;
        }
        if (clear) {
            flags.remove(flag);
        } else {
            flags.add(flag);
        }
        return true;
    }

    /** Whether a flag is set now. */
    boolean has(String flag) {
        return flags.contains(flag);
    }

    /** ups.status tokens; {@code onlineDischarge} reads OL+DISCHRG as on battery (the CyberPower quirk option). */
    List<String> tokens(boolean onlineDischarge) {
        List<String> t = new ArrayList<>();
        if (!has("online") || (has("dischrg") && onlineDischarge)) {
            t.add("OB");
        } else {
            t.add("OL");
        }
        if (has("dischrg") && !has("depleted")) {
            t.add("DISCHRG");
        }
        if (has("chrg") && !has("fullycharged")) {
            t.add("CHRG");
        }
        if (has("lowbatt") || has("timelimitexp") || has("shutdownimm")) {
            t.add("LB");
        }
        add(t, "overload", "OVER");
        add(t, "replacebatt", "RB");
        add(t, "trim", "TRIM");
        add(t, "boost", "BOOST");
        if (has("bypassauto") || has("bypassman")) {
            t.add("BYPASS");
        }
        add(t, "off", "OFF");
        add(t, "cal", "CAL");
        return t;
    }

    /** On line and discharging without calibration: NUT warns that 'onlinedischarge' may be needed. */
    boolean onlineDischargingUnexplained() {
        return has("online") && has("dischrg") && !has("cal");
    }

    private void add(List<String> t, String flag, String token) {
        if (has(flag)) {
            t.add(token);
        }
    }

    /** input.transfer.reason, or null to remove it. */
    String transferReason() {
        if (has("vrange")) {
            return "input voltage out of range";
        }
        return has("frange") ? "input frequency out of range" : null;
    }

    /** The alarm texts of the flags that are set, in NUT's order. */
    List<String> alarms() {
        List<String> out = new ArrayList<>();
        for (String[] a : ALARMS) {
            if (has(a[0])) {
                out.add(a[1]);
            }
        }
        return out;
    }
}
