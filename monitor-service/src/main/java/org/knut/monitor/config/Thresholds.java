package org.knut.monitor.config;

/**
 * Staged shutdown: this host leaves when a UPS feeding it is on battery and its charge falls below
 * {@code chargeBelow} percent, its runtime below {@code runtimeBelow} seconds, or it has been on battery
 * longer than {@code onBatteryLongerThan} seconds, whichever comes first. Null disables a limit.
 */
public record Thresholds(Integer chargeBelow, Integer runtimeBelow, Integer onBatteryLongerThan) {
    public static final Thresholds NONE = new Thresholds(null, null, null);

    /** Whether battery.charge or battery.runtime must be read while on battery. */
    public boolean needsBatteryReadings() {
        return chargeBelow != null || runtimeBelow != null;
    }
}
