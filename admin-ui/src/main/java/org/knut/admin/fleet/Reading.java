package org.knut.admin.fleet;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.knut.admin.upsd.UpsdException;

/**
 * What one read of a UPS gave: its variables, or the NUT error that upsd answered instead
 * ({@code DATA-STALE}, {@code DRIVER-NOT-CONNECTED}, {@code CONNECTION-FAILURE}...).
 */
public record Reading(Instant time, Map<String, String> variables, String error, String message) {
    public Reading {
        variables = Map.copyOf(variables);
    }

    public static Reading of(Instant time, Map<String, String> variables) {
        return new Reading(time, variables, null, null);
    }

    public static Reading failed(Instant time, UpsdException e) {
        return new Reading(time, Map.of(), e.error(), e.getMessage());
    }

    public boolean ok() {
        return error == null;
    }

    /** {@code ups.status}, or null when unknown. */
    public String status() {
        return variables.get("ups.status");
    }

    public List<String> flags() {
        String s = status();
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    public Condition condition() {
        if (!ok()) {
            return Condition.STALE;
        }
        List<String> f = flags();
        if (f.contains("LB")) {
            return Condition.LOW_BATTERY;
        }
        if (f.contains("OB")) {
            return Condition.ON_BATTERY;
        }
        if (f.contains("OL")) {
            return Condition.ONLINE;
        }
        return Condition.OTHER;
    }

    /** A variable's value as a number, or null when absent or not numeric. */
    public Double number(String variable) {
        String v = variables.get(variable);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
