package org.knut.driver.megatec;

import org.jboss.logging.Logger;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.core.text.CNumbers;

/**
 * nutdrv_qx's battery guesstimation: {@code battery.voltage} stays as the UPS reports it, while the
 * charge is interpolated from the voltage times the detected pack count between
 * {@code battery.voltage.low} and {@code .high}; with {@code runtimecal} a runtime estimate drains on
 * battery by the load's power law, refills on line over {@code chargetime}, and is cut down to the
 * voltage's charge when an old battery falls faster than the estimate. As in nutdrv_qx the charge at
 * start is computed before the pack count is known, and corrected by the first full poll.
 */
final class QxBattery {
    private static final Logger LOG = Logger.getLogger(QxBattery.class);

    /** Null without runtimecal. */
    private final RuntimeEstimate estimate;
    private double packs = 1;
    private double high = -1;
    private double nominal = -1;
    private double low = -1;
    private double charge = -1;

    QxBattery(QxOptions o) {
        this.estimate = RuntimeEstimate.of(o.runtimeCalibration(), o.chargeTime(), o.idleLoad());
    }

    /** qx_initbattery: the voltage range (guessed when not given), the pack count, and the runtime estimate's start. */
    void init(DriverState state, long nowSeconds) throws DriverException {
        high = number(state, "battery.voltage.high", high);
        low = number(state, "battery.voltage.low", low);
        nominal = number(state, "battery.voltage.nominal", nominal);
        if (nominal != -1 && (low == -1 || high == -1)) {
            double[] range = BatteryGuesses.guessRange(nominal, state);
            low = range[0];
            high = range[1];
        }
        double voltage = chargeFromVoltage(state);
        if (voltage >= 0 && nominal != -1) {
            packs = BatteryGuesses.packs(voltage, nominal, packs);
        } else {
            LOG.infof("Can't autodetect number of battery packs [%s/%s]", CNumbers.fixed(nominal, 0), CNumbers.fixed(voltage, 2));
        }
        if (estimate == null) {
            LOG.info("Battery runtime will not be calculated (runtimecal not set)");
            return;
        }
        if (state.value("battery.charge") == null && nominal != -1) {
            low = nominal;
            high = 1.15 * nominal;
            chargeFromVoltage(state);
        }
        String c = state.value("battery.charge");
        if (c == null) {
            throw new DriverException("Initial battery charge undetermined");
        }
        estimate.start(CNumbers.strtod(c), nowSeconds);
    }

    /** A full poll starts: the charge is computed anew from what it reads. */
    void fullPollStarts() {
        charge = -1;
    }

    /** After a full poll: the runtime estimate moves on, or the charge follows the voltage. */
    void fullPollDone(DriverState state, boolean online, long nowSeconds) {
        if (estimate == null) {
            chargeFromVoltage(state);
            return;
        }
        estimate.advance(online, nowSeconds); // drained at the load of the last poll
        String v = state.value("battery.voltage");
        double voltage = v == null ? -1 : packs * CNumbers.strtod(v);
        if (voltage > 0 && low > 0 && high > low) {
            double byVoltage = Math.max(0, Math.min(1, (voltage - low) / (high - low)));
            estimate.atMost(byVoltage); // an old battery falls faster
        }
        state.setInfo("battery.charge", CNumbers.fixed(estimate.chargePercent(), 0));
        String load = state.value("ups.load");
        if (load != null) {
            estimate.load(CNumbers.strtod(load));
            state.setInfo("battery.runtime", CNumbers.fixed(estimate.runtime(), 0));
        }
    }

    /** qx_battery: the scaled voltage, and the charge from it once per full poll; -1 without a voltage. */
    private double chargeFromVoltage(DriverState state) {
        String v = state.value("battery.voltage");
        if (v == null) {
            return -1;
        }
        double voltage = packs * CNumbers.strtod(v);
        if (charge == -1 && low > 0 && high > low) {
            charge = BatteryGuesses.chargePercent(voltage, low, high);
            state.setInfo("battery.charge", CNumbers.fixed(charge, 0));
        }
        return voltage;
    }

    private static double number(DriverState state, String var, double fallback) {
        String v = state.value(var);
        return v == null ? fallback : CNumbers.strtod(v);
    }
}
