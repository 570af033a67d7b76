package org.knut.admin.web;

/**
 * The outcome of a change, as upsd's TRACKING reports it: {@code PENDING}, {@code SUCCESS}, or the
 * error name the driver answered.
 */
public record ResultView(String what, String tracking, String status, String text) {
    static ResultView of(String what, String tracking, String status) {
        String text = switch (status) {
            case "SUCCESS" -> "Done: the driver carried it out";
            case "PENDING" -> "Pending: the driver has not answered yet";
            default -> NutErrors.explain(status);
        };
        return new ResultView(what, tracking, status, text);
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public String css() {
        return switch (status) {
            case "SUCCESS" -> "ok";
            case "PENDING" -> "warn";
            default -> "crit";
        };
    }
}
