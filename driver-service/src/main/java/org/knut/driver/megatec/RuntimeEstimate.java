package org.knut.driver.megatec;

/**
 * With {@code runtimecal}: the battery's runtime left at full load, in seconds, which drains on battery
 * by the load's power law and refills on line over {@code chargetime}; the charge and the runtime at the
 * present load follow from it.
 */
final class RuntimeEstimate {
    private final RuntimeCalibration calibration;
    private final long chargeTime;
    private final double idleLoad;
    private double fullLoadSeconds;
    /** The load's share of full-load drain (1 until a load was read). */
    private double effectiveLoad = 1;
    private long lastSeconds;

    private RuntimeEstimate(RuntimeCalibration calibration, long chargeTime, double idleLoad) {
        this.calibration = calibration;
        this.chargeTime = chargeTime;
        this.idleLoad = idleLoad;
    }

    /** The estimate, or null when {@code runtimecal} is not set. */
    static RuntimeEstimate of(RuntimeCalibration calibration, long chargeTime, double idleLoad) {
        return calibration == null ? null : new RuntimeEstimate(calibration, chargeTime, idleLoad);
    }

    /** Starts from a charge in percent. */
    void start(double chargePercent, long nowSeconds) {
        fullLoadSeconds = calibration.nominal() * chargePercent / 100;
        lastSeconds = nowSeconds;
    }

    /** A load reading in percent: from it the drain's rate, never below {@code idleload}. */
    void load(double percent) {
        effectiveLoad = Math.max(idleLoad, Math.pow(percent / 100, calibration.exponent()));
    }

    /** Moves on to now: refilled on line, drained on battery at the last load read. */
    void advance(boolean online, long nowSeconds) {
        long elapsed = nowSeconds - lastSeconds;
        fullLoadSeconds = online ? Math.min(calibration.nominal(), fullLoadSeconds + calibration.nominal() * elapsed / chargeTime)
                : Math.max(0, fullLoadSeconds - effectiveLoad * elapsed);
        lastSeconds = nowSeconds;
    }

    /** Cuts the estimate down to {@code fraction} of a full battery, if it is above. */
    void atMost(double fraction) {
        fullLoadSeconds = Math.min(fullLoadSeconds, fraction * calibration.nominal());
    }

    double chargePercent() {
        return 100 * fullLoadSeconds / calibration.nominal();
    }

    /** Seconds left at the last load read. */
    double runtime() {
        return fullLoadSeconds / effectiveLoad;
    }
}
