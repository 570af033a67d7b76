package org.knut.admin.web;

import java.util.List;
import java.util.Map;

/** A word of {@code ups.status} with what it means (NUT's status names, as upsstats prints them). */
public record StatusFlag(String code, String text) {
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("OL", "On line"),
            Map.entry("OB", "On battery"),
            Map.entry("LB", "Low battery"),
            Map.entry("HB", "High battery"),
            Map.entry("RB", "Replace battery"),
            Map.entry("CHRG", "Charging"),
            Map.entry("DISCHRG", "Discharging"),
            Map.entry("BYPASS", "On bypass"),
            Map.entry("CAL", "Calibrating"),
            Map.entry("OFF", "Output off"),
            Map.entry("OVER", "Overloaded"),
            Map.entry("TRIM", "Trimming voltage"),
            Map.entry("BOOST", "Boosting voltage"),
            Map.entry("FSD", "Forced shutdown"),
            Map.entry("ALARM", "Alarm"),
            Map.entry("ECO", "ECO mode"));

    public static List<StatusFlag> of(List<String> codes) {
        return codes.stream().map(c -> new StatusFlag(c, TEXTS.getOrDefault(c, c))).toList();
    }
}
