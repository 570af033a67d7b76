package org.knut.monitor.drill;

/**
 * The battery during a simulated power cut: from {@code charge} % and {@code runtime} s at the cut, both
 * fall linearly to zero at {@code runtime} s. The UPS says LB once the charge falls below
 * battery.charge.low or the runtime below battery.runtime.low (each null when the UPS reports none).
 */
public record BatteryModel(double charge, double runtime, Double chargeLow, Double runtimeLow) {
    public double chargeAt(double t) {
        return Math.max(0, charge * (1 - t / runtime));
    }

    public double runtimeAt(double t) {
        return Math.max(0, runtime - t);
    }

    public boolean lowAt(double t) {
        return (chargeLow != null && chargeAt(t) < chargeLow) || (runtimeLow != null && runtimeAt(t) < runtimeLow)
                || runtimeAt(t) <= 0;
    }

    /** What the report says about LB. */
    public String lowBatteryRule() {
        if (chargeLow == null && runtimeLow == null) {
            return "the UPS reports neither battery.charge.low nor battery.runtime.low: LB only when empty";
        }
        return "LB below " + (chargeLow == null ? "" : "battery.charge.low " + Report.num(chargeLow) + " %")
                + (chargeLow != null && runtimeLow != null ? " or " : "")
                + (runtimeLow == null ? "" : "battery.runtime.low " + Report.num(runtimeLow) + " s");
    }
}
