package org.knut.admin.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events between two readings of a UPS: status flags that came or went (upsmon's ONBATT, ONLINE,
 * LOWBATT, FSD, REPLBATT, CAL...), data lost and back, and a new self-test result.
 */
final class Transitions {
    /** Flags worth an event, with the text when the flag appears and when it goes. */
    private enum Flag {
        OB("Power failure: on battery", "warn", "Power back: no longer on battery", "ok"),
        OL("On line power", "ok", null, null),
        LB("Battery low", "crit", "Battery no longer low", "ok"),
        FSD("Forced shutdown", "crit", null, null),
        RB("Battery needs replacing", "warn", "Battery replacement no longer requested", "ok"),
        CAL("Calibration started", "warn", "Calibration finished", "ok"),
        OVER("Overloaded", "crit", "No longer overloaded", "ok"),
        BYPASS("On bypass", "warn", "No longer on bypass", "ok"),
        OFF("Output off", "crit", "Output on again", "ok");

        final String on, onCss, off, offCss;

        Flag(String on, String onCss, String off, String offCss) {
            this.on = on;
            this.onCss = onCss;
            this.off = off;
            this.offCss = offCss;
        }
    }

    private Transitions() {
    }

    /**
     * @param before   the previous reading, null for the first
     * @param lastGood the last reading with data (flags are compared with it, so a change while the data
     *                 was lost still shows once the data is back), null if none
     */
    static List<EventLog.Entry> between(Reading before, Reading lastGood, Reading now) {
        List<EventLog.Entry> out = new ArrayList<>();
        if (before == null) {
            out.add(new EventLog.Entry(now.time(), now.ok() ? "Monitoring started: status " + now.status()
                    : "Monitoring started: " + now.error(), now.condition().css()));
            return out;
        }
        if (!now.ok()) {
            if (!Objects.equals(before.error(), now.error())) {
                out.add(new EventLog.Entry(now.time(), "Data lost: " + now.error(), "stale"));
            }
            return out;
        }
        if (!before.ok()) {
            out.add(new EventLog.Entry(now.time(), "Data back: status " + now.status(), "ok"));
        }
        if (lastGood == null) {
            return out;
        }
        before = lastGood;
        for (Flag f : Flag.values()) {
            boolean was = before.flags().contains(f.name());
            boolean is = now.flags().contains(f.name());
            if (is && !was) {
                out.add(new EventLog.Entry(now.time(), f.on, f.onCss));
            } else if (was && !is && f.off != null) {
                out.add(new EventLog.Entry(now.time(), f.off, f.offCss));
            }
        }
        String test = now.variables().get("ups.test.result");
        String earlier = before.variables().get("ups.test.result");
        if (test != null && earlier != null && !test.equals(earlier)) {
            out.add(new EventLog.Entry(now.time(), "Self-test: " + test, "ok"));
        }
        return out;
    }
}
