package org.knut.driver.megatec;

import org.jboss.logging.Logger;
import org.knut.core.text.CNumbers;
import org.knut.driver.spi.DriverState;

/**
 * The battery guesses blazer and nutdrv_qx share, since Megatec units report neither charge nor
 * runtime: how many packs the reported voltage stands for, the voltage range when ups.conf gives none,
 * and the charge between its ends. The two drivers apply them at different moments ({@link BatteryModel},
 * {@link QxBattery}).
 */
final class BatteryGuesses {
    private static final Logger LOG = Logger.getLogger(BatteryGuesses.class);
    /** Multipliers tried for per-cell or per-block readings, highest first (the voltage recovers above nominal). */
    private static final double[] PACKS = {120, 100, 80, 60, 48, 36, 30, 24, 18, 12, 8, 6, 4, 3, 2, 1, 0.5};

    private BatteryGuesses() {
    }

    /**
     * The highest multiplier that brings {@code voltage} within 20 % of {@code nominal}; {@code packs} when
     * none does.
     */
    static double packs(double voltage, double nominal, double packs) {
        for (double p : PACKS) {
            if (p * voltage > 1.2 * nominal) {
                continue;
            }
            if (p * voltage < 0.8 * nominal) {
                LOG.infof("Can't autodetect number of battery packs [%s/%s]", CNumbers.fixed(nominal, 0), CNumbers.fixed(voltage, 2));
                return packs;
            }
            return p;
        }
        return packs;
    }

    /** {@code battery.voltage.low} and {@code .high} guessed from the nominal voltage, published: {low, high}. */
    static double[] guessRange(double nominal, DriverState state) {
        double low = 104 * nominal / 120;
        double high = 130 * nominal / 120;
        state.setInfo("battery.voltage.low", CNumbers.fixed(low, 2));
        state.setInfo("battery.voltage.high", CNumbers.fixed(high, 2));
        LOG.infof("No values for battery high/low voltages in ups.conf; using 'guesstimation' (low: %s, high: %s)",
                CNumbers.fixed(low, 6), CNumbers.fixed(high, 6));
        return new double[] {low, high};
    }

    /** The charge in percent, linear between {@code low} (0) and {@code high} (100). */
    static double chargePercent(double voltage, double low, double high) {
        return Math.max(0, Math.min(100, 100 * (voltage - low) / (high - low)));
    }
}
