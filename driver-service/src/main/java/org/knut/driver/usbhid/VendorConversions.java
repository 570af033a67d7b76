package org.knut.driver.usbhid;

import java.util.Map;

import org.knut.core.text.CNumbers;

/**
 * The vendor conversions of NUT 2.8.0's subdrivers that depend on more than the value: what the device
 * reported earlier (NUT's static variables, kept here per device in {@link Lookup.Context#memory()}),
 * its USB id's quirks, other published variables or the status flags. Each returns null when NUT's
 * returns NULL (nothing is published).
 */
final class VendorConversions {
    /** Eaton's Advanced Battery Monitoring, as UPS.BatterySystem.Charger.ABMEnable said: -1 not seen yet. */
    private static final String ABM = "eaton.abm";
    private static final double ABM_UNKNOWN = -1;
    private static final double ABM_DISABLED = 0;
    private static final String LIEBERT_LINE = "liebert.line";
    private static final String LIEBERT_CONFIG = "liebert.config";
    private static final String CPS_SCALE = "cps.scale";
    /** CyberPower: battery voltage above 1.4 times nominal is read as 1.5 times too high (scaled by 2/3). */
    private static final double CPS_SANITY_RATIO = 1.4;

    private VendorConversions() {
    }

    /** Some Liebert descriptors give voltages 1e7 times too small; a value of about 1e-7 gives that away. */
    private static boolean liebertBrokenExponent(double v) {
        return v < 1 && Math.abs(v - 1e-7) < 1e-9;
    }

    /** belkin-hid.c liebert_line_voltage_fun (input, output and battery voltage). */
    static String liebertLineVoltage(double v, Lookup.Context device) {
        Map<String, Double> m = device.memory();
        if (liebertBrokenExponent(v)) {
            m.put(LIEBERT_LINE, 1e7);
        }
        return CNumbers.fixed(v * m.getOrDefault(LIEBERT_LINE, 1.0), 1);
    }

    /** belkin-hid.c liebert_config_voltage_fun: ConfigVoltage is off by 1e8, and then line voltages by 1e7. */
    static String liebertConfigVoltage(double v, Lookup.Context device) {
        Map<String, Double> m = device.memory();
        if (liebertBrokenExponent(v)) {
            m.put(LIEBERT_CONFIG, 1e8);
            m.put(LIEBERT_LINE, 1e7);
        }
        return CNumbers.fixed(v * m.getOrDefault(LIEBERT_CONFIG, 1.0), 1);
    }

    /**
     * cps-hid.c cps_battvolt_fun: on products with the {@code cps_battery_scale} quirk, the first voltage
     * read after battery.voltage.nominal is known decides once whether every reading is scaled by 2/3.
     */
    static String cpsBatteryVoltage(double v, Lookup.Context device) {
        Map<String, Double> m = device.memory();
        if (device.quirk("cps_battery_scale") && !m.containsKey(CPS_SCALE)) {
            String nominal = device.published("battery.voltage.nominal");
            double n = nominal == null ? 0 : CNumbers.strtod(nominal);
            if (n != 0) {
                m.put(CPS_SCALE, v / n > CPS_SANITY_RATIO ? 2.0 / 3 : 1.0);
            }
        }
        return CNumbers.fixed(m.getOrDefault(CPS_SCALE, 1.0) * v, 1);
    }

    /** tripplite-hid.c tripplite_chemistry_fun: two products report a wrong string index. */
    static String trippliteChemistry(double v, Lookup.Context device) {
        String product = device.published("ups.productid");
        if ("1003".equals(product) || "2005".equals(product)) {
            return "unknown";
        }
        return device.string((int) v);
    }

    /** mge-hid.c eaton_abm_enabled_fun: remembers whether ABM is on; publishes nothing. */
    static String abmEnabled(double v, Lookup.Context device) {
        device.memory().put(ABM, v);
        return null;
    }

    private static double abm(Lookup.Context device) {
        return device.memory().getOrDefault(ABM, ABM_UNKNOWN);
    }

    /** mge-hid.c eaton_abm_status_fun: battery.charger.status from UPS.BatterySystem.Charger.Mode. */
    static String abmStatus(double v, Lookup.Context device) {
        if (abm(device) == ABM_DISABLED) {
            device.withdraw("battery.charger.status"); // the user may have switched ABM off
            return null;
        }
        return switch ((int) v) {
            case 1 -> "charging";
            case 2 -> "discharging";
            case 3 -> "floating";
            case 4 -> "resting";
            case 6 -> "off";
            default -> null; // 5: ABM not activated
        };
    }

    /** mge-hid.c eaton_abm_chrg_dischrg_fun: CHRG/DISCHRG from the ABM charger mode. */
    static String abmChargingFlag(double v, Lookup.Context device) {
        if (abm(device) == ABM_DISABLED) {
            return null;
        }
        return switch ((int) v) {
            case 1, 3 -> "chrg"; // charging, floating
            case 2 -> "dischrg";
            default -> null;
        };
    }

    /**
     * mge-hid.c eaton_abm_check_(dis)chrg_fun: PresentStatus.Charging/Discharging count only when ABM is
     * known to be disabled; otherwise they clear the flag (the ABM charger mode sets it).
     */
    static String legacyFlag(double v, Lookup.Context device, String flag) {
        return abm(device) == ABM_DISABLED && v == 1 ? flag : "!" + flag;
    }

    /** mge-hid.c eaton_converter_online_fun: the converter input says online/!online only while not off. */
    static String converterOnline(double v, Lookup.Context device) {
        if (device.statusFlag("off")) {
            return null;
        }
        return v == 0 ? "!online" : "online";
    }

    /** The series whose UPS.PowerSummary.Voltage and ConfigVoltage are the battery's (mge-hid.c). */
    private static boolean batteryVoltageSeries(String series) {
        return series.startsWith("evolution") || series.startsWith("pulsar_m") || series.equals("eaton_5p");
    }

    /** mge-hid.c mge_battery_voltage_fun. */
    static String mgeBatteryVoltage(double v, Lookup.Context device) {
        return batteryVoltageSeries(device.series()) ? CNumbers.fixed(v, 1) : null;
    }

    /** mge-hid.c mge_battery_voltage_nominal_fun: the Evolution 650 reports it wrong; it is 12 V. */
    static String mgeBatteryVoltageNominal(double v, Lookup.Context device) {
        if (!batteryVoltageSeries(device.series())) {
            return null;
        }
        return CNumbers.fixed(device.series().equals("evolution_650") ? 12.0 : v, 0);
    }
}
