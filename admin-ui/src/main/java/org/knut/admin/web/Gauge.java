package org.knut.admin.web;

import java.util.ArrayList;
import java.util.List;

import org.knut.admin.fleet.Metric;
import org.knut.admin.fleet.Reading;

/**
 * A dial of the overview, upsimage's successor: a half circle filled to {@code percent} of its scale,
 * coloured by {@code css} (ok, warn, crit). The template draws it with {@code pathLength="100"} and
 * {@code stroke-dasharray="percent 100"}, so no geometry is computed here.
 *
 * <p>Scales and colours follow upsimage: charge 0-100 % (red at or below {@code battery.charge.low});
 * load 0-100 % or more (amber from 75 %, red from 90 %); runtime in minutes (red at or below
 * {@code battery.runtime.low}); voltages around their nominal value ±20 % (red outside the transfer
 * points, or ±10 % of nominal without them).
 */
public record Gauge(Metric metric, String label, String value, String unit, int percent, String min, String max,
        String css) {

    public String slug() {
        return metric.slug();
    }

    /** The colour of the value arc, for the SVG on its own (pages restyle it with CSS). */
    public String color() {
        return switch (css) {
            case "crit" -> "#c62828";
            case "warn" -> "#9a5b00";
            default -> "#2e7d32";
        };
    }

    public String ariaLabel() {
        return label + " " + value + " " + unit;
    }

    /** A gauge for each metric the reading has. */
    public static List<Gauge> of(Reading r) {
        List<Gauge> out = new ArrayList<>();
        if (r == null || !r.ok()) {
            return out;
        }
        for (Metric m : Metric.values()) {
            Gauge g = of(r, m);
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    public static Gauge of(Reading r, Metric m) {
        Double v = m.of(r);
        if (v == null) {
            return null;
        }
        return switch (m) {
            case CHARGE -> {
                double low = orElse(r.number("battery.charge.low"), 20);
                yield gauge(m, v, 0, 100, v <= low ? "crit" : v < 50 ? "warn" : "ok");
            }
            case LOAD -> gauge(m, v, 0, Math.max(100, Math.ceil(v / 10) * 10), v >= 90 ? "crit" : v >= 75 ? "warn" : "ok");
            case RUNTIME -> {
                double low = orElse(r.number("battery.runtime.low"), 120) / 60;
                yield gauge(m, v, 0, Math.max(60, Math.ceil(v / 30) * 30), v <= low ? "crit" : v < 10 ? "warn" : "ok");
            }
            case INPUT_VOLTAGE, OUTPUT_VOLTAGE -> voltage(r, m, v);
        };
    }

    private static Gauge voltage(Reading r, Metric m, double v) {
        String prefix = m == Metric.INPUT_VOLTAGE ? "input" : "output";
        double nominal = orElse(r.number(prefix + ".voltage.nominal"), orElse(r.number("input.voltage.nominal"),
                v < 160 ? 120 : 230));
        double low = orElse(r.number("input.transfer.low"), nominal * 0.9);
        double high = orElse(r.number("input.transfer.high"), nominal * 1.1);
        return gauge(m, v, Math.floor(nominal * 0.8), Math.ceil(nominal * 1.2), v < low || v > high ? "crit" : "ok");
    }

    private static Gauge gauge(Metric m, double v, double min, double max, String css) {
        int percent = (int) Math.round(Math.max(0, Math.min(1, (v - min) / (max - min))) * 100);
        return new Gauge(m, m.label(), Numbers.format(v), m.unit(), percent, Numbers.format(min), Numbers.format(max), css);
    }

    private static double orElse(Double d, double fallback) {
        return d == null ? fallback : d;
    }
}
