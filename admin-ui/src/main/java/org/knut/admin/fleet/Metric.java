package org.knut.admin.fleet;

/** The readings the overview shows as gauges and the UPS page keeps as history. */
public enum Metric {
    CHARGE("battery.charge", "Battery charge", "%"),
    RUNTIME("battery.runtime", "Runtime", "min"),
    LOAD("ups.load", "Load", "%"),
    INPUT_VOLTAGE("input.voltage", "Input voltage", "V"),
    OUTPUT_VOLTAGE("output.voltage", "Output voltage", "V");

    private final String variable;
    private final String label;
    private final String unit;

    Metric(String variable, String label, String unit) {
        this.variable = variable;
        this.label = label;
        this.unit = unit;
    }

    public String variable() {
        return variable;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The value in this metric's unit (runtime: NUT gives seconds, people read minutes); null when absent. */
    public Double of(Reading r) {
        Double v = r.number(variable);
        if (v == null || this != RUNTIME) {
            return v;
        }
        return v / 60;
    }

    /** The metric's name in URLs: {@code charge}, {@code input-voltage}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Metric bySlug(String slug) {
        for (Metric m : values()) {
            if (m.slug().equals(slug)) {
                return m;
            }
        }
        return null;
    }
}
