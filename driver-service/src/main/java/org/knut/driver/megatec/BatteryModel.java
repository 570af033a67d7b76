package org.knut.driver.megatec;

import org.jboss.logging.Logger;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.core.text.CNumbers;

/**
 * What blazer derives from the battery voltage and the load, since Megatec units report neither
 * charge nor runtime: the number of battery packs (the voltage may be per cell or per block), the charge
 * by linear interpolation between {@code battery.voltage.low} and {@code .high} (guessed from the
 * nominal voltage when ups.conf does not give them), and with {@code runtimecal} a runtime estimate that
 * drains on battery by the load's power law and refills on line over {@code chargetime}.
 */
final class BatteryModel {
    private static final Logger LOG = Logger.getLogger(BatteryModel.class);

    /** Null without runtimecal. */
    private final RuntimeEstimate estimate;

    private double packs = 1;
    private double voltage = -1;
    private double high = -1;
    private double nominal = -1;
    private double low = -1;
    private double charge = -1;

    BatteryModel(MegatecOptions o) {
        this.estimate = RuntimeEstimate.of(o.runtimeCalibration(), o.chargeTime(), o.idleLoad());
    }

    /** Takes {@code battery.voltage.high/low} from ups.conf ({@code default.}/{@code override.}). */
    void configured(DriverState state) {
        String h = state.value("battery.voltage.high");
        String l = state.value("battery.voltage.low");
        if (h != null) {
            high = CNumbers.strtod(h);
        }
        if (l != null) {
            low = CNumbers.strtod(l);
        }
    }

    /** A battery voltage reading: scaled by the packs, and the charge follows unless runtimecal drives it. */
    double voltage(double reading, DriverState state) {
        voltage = packs * reading;
        if ((estimate == null || state.value("battery.charge") == null) && low > 0 && high > low) {
            charge = BatteryGuesses.chargePercent(voltage, low, high);
            state.setInfo("battery.charge", CNumbers.fixed(charge, 0));
        }
        return voltage;
    }

    /** A load reading (percent). */
    double load(double reading) {
        if (estimate != null) {
            estimate.load(reading);
        }
        return reading;
    }

    /** The nominal battery voltage from the ratings (ups.conf's value wins); finds the pack count. */
    double nominal(double reading, DriverState state) {
        String configured = state.value("battery.voltage.nominal");
        nominal = configured != null ? CNumbers.strtod(configured) : reading;
        packs = BatteryGuesses.packs(voltage, nominal, packs);
        return nominal;
    }

    /** After the ratings: guesses the voltage range, and starts the runtime estimate. */
    void start(DriverState state, long nowSeconds) throws DriverException {
        if (nominal > 0 && nominal != 1 && (high == -1 || low == -1)) {
            double[] range = BatteryGuesses.guessRange(nominal, state);
            low = range[0];
            high = range[1];
        }
        if (estimate == null) {
            LOG.info("Battery runtime will not be calculated (runtimecal not set)");
            return;
        }
        if (charge < 0) {
            low = nominal;
            high = 1.15 * nominal;
            String v = state.value("battery.voltage");
            if (v != null) {
                voltage(CNumbers.strtod(v) / packs, state);
            }
        }
        String c = state.value("battery.charge");
        if (c == null) {
            throw new DriverException("Initial battery charge undetermined");
        }
        estimate.start(CNumbers.strtod(c), nowSeconds);
    }

    /** After a good status: moves the runtime estimate on by the time since the last poll. */
    void poll(DriverState state, boolean online, long nowSeconds) {
        if (estimate == null) {
            return;
        }
        estimate.advance(online, nowSeconds);
        state.setInfo("battery.charge", CNumbers.fixed(estimate.chargePercent(), 0));
        state.setInfo("battery.runtime", CNumbers.fixed(estimate.runtime(), 0));
    }
}
