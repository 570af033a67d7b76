package org.knut.driver.usbhid;

import org.knut.core.text.CNumbers;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The conversions a table names with {@code lookup=<name>} that are computations rather than
 * enumerations (NUT's info_lkp_t with a function): dates, string indexes, scales, and the vendor
 * conversions that need more than the value (the device's USB id, earlier values, other variables).
 */
final class Conversions {
    private static final Pattern DATE = Pattern.compile("^(\\d{1,4})/(\\d{1,2})/(\\d{1,2})");

    private Conversions() {
    }

    /** The conversion of that name, or null. */
    static Lookup named(String name) {
        return ALL.get(name);
    }

    private record Fn(java.util.function.BiFunction<Double, Lookup.Context, String> out,
            java.util.function.Function<String, Double> in) implements Lookup {
        @Override
        public String toNut(double value, Context device) {
            return out.apply(value, device);
        }

        @Override
        public Double toHid(String text) {
            return in == null ? null : in.apply(text);
        }
    }

    private static final Map<String, Lookup> ALL = Map.ofEntries(
            Map.entry("date", new Fn(Conversions::date, Conversions::dateToHid)),
            Map.entry("apcdate", new Fn(Conversions::apcDate, Conversions::apcDateToHid)),
            Map.entry("hex", new Fn((v, s) -> String.format("%08x", (long) (double) v), null)),
            // the value is the index of a USB string descriptor
            Map.entry("stringid", new Fn((v, s) -> s.string((int) (double) v), null)),
            Map.entry("divide10", new Fn((v, s) -> CNumbers.fixed(v * 0.1, 1), null)),
            // Kelvin, unless the device already reports Celsius (some HP firmware)
            Map.entry("kelvin", new Fn((v, s) -> CNumbers.fixed(v >= 273 && v <= 373 ? v - 273.15 : v, 1), null)),
            // BELKINUPSType: the high nibble is the firmware version
            Map.entry("belkin_firmware", new Fn((v, s) -> Long.toString((long) (double) v >> 4), null)),
            Map.entry("liebert_line_voltage", new Fn(VendorConversions::liebertLineVoltage, null)),
            Map.entry("liebert_config_voltage", new Fn(VendorConversions::liebertConfigVoltage, null)),
            Map.entry("cps_battcharge", new Fn((v, s) -> CNumbers.fixed(Math.min(v, 100.0), 0), null)),
            Map.entry("cps_battvolt", new Fn(VendorConversions::cpsBatteryVoltage, null)),
            Map.entry("tripplite_chemistry", new Fn(VendorConversions::trippliteChemistry, null)),
            Map.entry("eaton_abm_enabled", new Fn(VendorConversions::abmEnabled, null)),
            Map.entry("eaton_abm_status", new Fn(VendorConversions::abmStatus, null)),
            Map.entry("eaton_abm_chrg_dischrg", new Fn(VendorConversions::abmChargingFlag, null)),
            Map.entry("eaton_charging", new Fn((v, s) -> VendorConversions.legacyFlag(v, s, "chrg"), null)),
            Map.entry("eaton_discharging", new Fn((v, s) -> VendorConversions.legacyFlag(v, s, "dischrg"), null)),
            Map.entry("eaton_converter_online", new Fn(VendorConversions::converterOnline, null)),
            // Powercom reports line voltages in units of 4 V
            Map.entry("powercom_voltage", new Fn((v, s) -> CNumbers.fixed(v * 4, 0), null)),
            Map.entry("mge_battery_voltage", new Fn(VendorConversions::mgeBatteryVoltage, null)),
            Map.entry("mge_battery_voltage_nominal", new Fn(VendorConversions::mgeBatteryVoltageNominal, null)));

    /** Days since 1980 packed as year-1980 << 9 | month << 5 | day (HID ManufacturerDate). */
    private static String date(double v, Lookup.Context device) {
        long d = (long) v;
        if (d == 0) {
            return "not set";
        }
        return String.format("%04d/%02d/%02d", 1980 + (d >> 9), (d >> 5) & 0x0f, d & 0x1f);
    }

    /** APC writes dates as hex digits read as decimal: 0x102202 = 2002/10/22. */
    private static String apcDate(double v, Lookup.Context device) {
        long d = (long) v;
        if (d == 0) {
            return "not set";
        }
        long year = (d & 0xf) + 10 * ((d >> 4) & 0xf);
        long month = ((d >> 16) & 0xf) + 10 * ((d >> 20) & 0xf);
        long day = ((d >> 8) & 0xf) + 10 * ((d >> 12) & 0xf);
        return String.format("%04d/%02d/%02d", year + (year >= 70 ? 1900 : 2000), month, day);
    }

    /** Year, month and day of a "YYYY/MM/DD" text (sscanf's way: what follows is ignored), or null. */
    private static long[] ymd(String text) {
        Matcher m = DATE.matcher(text);
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))} : null;
    }

    private static Double dateToHid(String text) {
        long[] d = ymd(text);
        if (d == null || d[0] - 1980 > 127 || d[1] > 12 || d[2] > 31) {
            return 0.0;
        }
        return (double) (((d[0] - 1980) << 9) + (d[1] << 5) + d[2]);
    }

    private static Double apcDateToHid(String text) {
        long[] d = ymd(text);
        if (d == null || d[0] >= 2070 || d[1] > 12 || d[2] > 31) {
            return 0.0;
        }
        long year = d[0] % 100;
        long v = ((year / 10 & 0x0f) << 4) + (year % 10);
        v += ((d[1] / 10 & 0x0f) << 20) + ((d[1] % 10) << 16);
        v += ((d[2] / 10 & 0x0f) << 12) + ((d[2] % 10) << 8);
        return (double) v;
    }
}
