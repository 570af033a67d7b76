package org.knut.driver.megatec;

import org.knut.core.text.CNumbers;

/**
 * blazer's {@code runtimecal = <runtime at high load>,<high load %>,<runtime at low load>,<low load %>}:
 * two points of the battery's runtime curve, from which runtime follows load as a power law.
 *
 * @param exponent the load exponent
 * @param nominal runtime at full load, in seconds
 */
record RuntimeCalibration(double exponent, double nominal) {

    static RuntimeCalibration parse(String value) {
        String[] p = value.split(",");
        if (p.length < 4) {
            throw new IllegalArgumentException("Insufficient parameters for runtimecal");
        }
        double rh = CNumbers.strtod(p[0]);
        double lh = CNumbers.strtod(p[1]);
        double rl = CNumbers.strtod(p[2]);
        double ll = CNumbers.strtod(p[3]);
        if (rl < rh || rh <= 0) {
            throw new IllegalArgumentException("Parameter out of range (runtime)");
        }
        if (lh > 100 || ll > lh || ll <= 0) {
            throw new IllegalArgumentException("Parameter out of range (load)");
        }
        double exponent = Math.log(rl / rh) / Math.log(lh / ll);
        return new RuntimeCalibration(exponent, rh * Math.pow(lh / 100, exponent));
    }

    /** {@code chargetime}: seconds a flat battery takes to charge full (default 12 h), for the estimate's refill. */
    static long chargeTime(String option) {
        if (option == null) {
            return 43200;
        }
        long seconds = CNumbers.strtol(option);
        if (seconds <= 0) {
            throw new IllegalArgumentException("Charge time out of range [1..s]");
        }
        return seconds;
    }

    /** {@code idleload}: the load (in %, default 10) the estimate assumes at least, as a fraction of full load. */
    static double idleLoad(String option) {
        if (option == null) {
            return 0.1;
        }
        double fraction = CNumbers.strtod(option) / 100;
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("Idle load out of range [0..100]");
        }
        return fraction;
    }
}
