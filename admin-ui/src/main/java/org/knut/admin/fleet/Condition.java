package org.knut.admin.fleet;

/**
 * The one word the overview shows for a UPS, from its {@code ups.status} flags (the worst wins) or from
 * why it cannot be read. {@code css} names the colour class of the badge.
 */
public enum Condition {
    WAITING("Waiting for data", "stale"),
    STALE("Stale", "stale"),
    LOW_BATTERY("Low battery", "crit"),
    ON_BATTERY("On battery", "warn"),
    ONLINE("On line", "ok"),
    OTHER("Other", "warn");

    private final String label;
    private final String css;

    Condition(String label, String css) {
        this.label = label;
        this.css = css;
    }

    public String label() {
        return label;
    }

    public String css() {
        return css;
    }
}
