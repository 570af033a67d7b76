package org.knut.driver.megatec;

/**
 * Megatec's status bit 2 stands for bypass, boost or buck; blazer and nutdrv_qx tell which from the
 * output/input voltage ratio, with the same bounds.
 */
final class VoltageMode {
    private VoltageMode() {
    }

    /** TRIM, BYPASS or BOOST; null when the output is below half the input or at least 1.5 times it. */
    static String of(double input, double output) {
        if (output < 0.5 * input) {
            return null;
        } else if (output < 0.95 * input) {
            return "TRIM";
        } else if (output < 1.05 * input) {
            return "BYPASS";
        } else if (output < 1.5 * input) {
            return "BOOST";
        }
        return null;
    }
}
